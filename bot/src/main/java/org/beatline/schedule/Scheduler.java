package org.beatline.schedule;

import io.lettuce.core.ScriptOutputType;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.beatline.redis.Redis;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Due jobs in a Redis sorted set, claimed atomically so that several instances never run one job
 * twice. A claimed job is leased: if its instance dies, the lease runs out and another instance
 * runs it. A job that fails is retried with backoff, then parked where staff can see it. Domains
 * register a handler per job type; the scheduler knows none of them.
 */
public final class Scheduler {
  private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);
  private static final int BATCH = 100;
  // Takes due jobs (and jobs whose lease ran out) and leases them to the caller in one step. The
  // jobs' own keys are named from ARGV[4]: they share the sets' hash tag, so a cluster keeps them
  // on the sets' node.
  private static final String CLAIM =
      """
      local now = tonumber(ARGV[1])
      local expired = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now, 'LIMIT', 0, ARGV[3])
      for _, id in ipairs(expired) do
        redis.call('ZREM', KEYS[2], id)
        redis.call('ZADD', KEYS[1], now, id)
      end
      local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'LIMIT', 0, ARGV[3])
      local out = {}
      for _, id in ipairs(due) do
        redis.call('ZREM', KEYS[1], id)
        local job = redis.call('GET', ARGV[4] .. id)
        if job then
          redis.call('ZADD', KEYS[2], now + tonumber(ARGV[2]), id)
          table.insert(out, job)
        end
      end
      return out
      """;
  // Forgets a finished job, unless it was scheduled anew while it ran (then the new one stays).
  private static final String DONE =
      """
      redis.call('ZREM', KEYS[2], ARGV[2])
      if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
      return 1
      """;

  private final Vertx vertx;
  private final Clock clock;
  private final Redis redis;
  private final String due;
  private final String leased;
  private final String parked;
  private final String jobPrefix;
  private final String name;
  private final Map<String, JobHandler> handlers = new HashMap<>();
  private final Duration lease;
  private final Duration firstRetry;
  private final int maxAttempts;
  private long timer = -1;
  private boolean claiming;

  /**
   * The service's scheduler: keys under {@code {jobs}:}, a job leased for a minute, tried 5 times.
   */
  public Scheduler(Vertx vertx, Redis redis) {
    this(vertx, redis, "jobs", Duration.ofMinutes(1), Duration.ofSeconds(30), 5, Clock.systemUTC());
  }

  /**
   * A scheduler with its keys under {@code {name}:}, one hash tag, so that claiming runs on one
   * node of a Redis Cluster and sees every job; a claimed job is leased for {@code lease}, retried
   * after {@code firstRetry} (doubling) and parked after {@code maxAttempts}. What is due is read
   * off {@code clock}.
   */
  public Scheduler(
      Vertx vertx,
      Redis redis,
      String name,
      Duration lease,
      Duration firstRetry,
      int maxAttempts,
      Clock clock) {
    this.vertx = vertx;
    this.clock = clock;
    this.redis = redis;
    this.name = name;
    String tag = "{" + name + "}";
    this.due = tag + ":due";
    this.leased = tag + ":leased";
    this.parked = tag + ":parked";
    this.jobPrefix = tag + ":job:";
    this.lease = lease;
    this.firstRetry = firstRetry;
    this.maxAttempts = maxAttempts;
  }

  /**
   * Moves the jobs an earlier version kept under {@code name:}, before the keys had a hash tag, to
   * {@code {name}:}, scores and leases as they were. Run before the scheduler starts.
   */
  public Future<Long> adoptOldKeys() {
    String old = name + ":";
    return redis.renameAll(old + "*", k -> "{" + name + "}:" + k.substring(old.length()));
  }

  /** Registers the handler of a job type; a type has exactly one. */
  public Scheduler on(String type, JobHandler handler) {
    if (handlers.putIfAbsent(type, handler) != null) {
      throw new IllegalStateException("two handlers for job type " + type);
    }
    return this;
  }

  /** Schedules a job, replacing one of the same id. */
  public Future<Void> schedule(Job job) {
    String json = encode(job);
    return redis
        .call(c -> c.set(jobPrefix + job.id(), json))
        .compose(ok -> redis.call(c -> c.zrem(leased, job.id())))
        .compose(n -> redis.call(c -> c.zadd(due, job.due().toEpochMilli(), job.id())))
        .mapEmpty();
  }

  /** Cancels a job that has not run yet; true when there was one. */
  public Future<Boolean> cancel(String id) {
    return redis
        .call(c -> c.zrem(due, id))
        .compose(n -> redis.call(c -> c.del(jobPrefix + id)).map(d -> n > 0));
  }

  /** Starts polling for due jobs every {@code every}. */
  public void start(Duration every) {
    timer = vertx.setPeriodic(0, every.toMillis(), t -> runDue());
  }

  public void stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }

  /** Claims and runs what is due now; completes when the claimed jobs have finished. */
  public Future<Integer> runDue() {
    if (claiming) {
      return Future.succeededFuture(0);
    }
    claiming = true;
    String now = Long.toString(clock.millis());
    return redis
        .<List<String>>eval(
            CLAIM,
            ScriptOutputType.MULTI,
            new String[] {due, leased},
            now,
            Long.toString(lease.toMillis()),
            Integer.toString(BATCH),
            jobPrefix)
        .compose(
            claimed -> {
              List<Future<Void>> runs = new ArrayList<>();
              for (String json : claimed) {
                runs.add(run(json));
              }
              return Future.join(runs).map(v -> claimed.size());
            })
        .onComplete(r -> claiming = false)
        .onFailure(e -> LOG.warn("scheduler: claiming due jobs failed: {}", e.toString()));
  }

  private Future<Void> run(String json) {
    Job job;
    try {
      job = decode(json);
    } catch (RuntimeException e) {
      LOG.error("scheduler: unreadable job dropped: {}", e.toString());
      return Future.succeededFuture();
    }
    JobHandler handler = handlers.get(job.type());
    Future<Void> ran;
    try {
      ran =
          handler == null
              ? Future.failedFuture("no handler for job type " + job.type())
              : handler.run(job);
    } catch (RuntimeException e) {
      ran = Future.failedFuture(e);
    }
    Job claimed = job;
    return ran.compose(v -> done(claimed, json), e -> failed(claimed, json, e, handler == null));
  }

  private Future<Void> done(Job job, String json) {
    return redis
        .<Long>eval(
            DONE,
            ScriptOutputType.INTEGER,
            new String[] {jobPrefix + job.id(), leased},
            json,
            job.id())
        .mapEmpty();
  }

  private Future<Void> failed(Job job, String json, Throwable cause, boolean unknown) {
    int attempts = job.attempts() + 1;
    Job again = new Job(job.id(), job.type(), job.due(), job.data(), attempts);
    if (unknown || attempts >= maxAttempts) {
      LOG.warn(
          "scheduler: job {} ({}) parked after {} attempts: {}",
          job.id(),
          job.type(),
          attempts,
          cause.getMessage());
      JsonObject entry =
          new JsonObject(encode(again))
              .put("error", String.valueOf(cause.getMessage()))
              .put("parkedAt", clock.instant().toString());
      return redis
          .call(c -> c.hset(parked, job.id(), entry.encode()))
          .compose(b -> done(job, json));
    }
    long wait = firstRetry.toMillis() << Math.min(attempts - 1, 16);
    LOG.info(
        "scheduler: job {} ({}) failed, retry in {} ms: {}",
        job.id(),
        job.type(),
        wait,
        cause.getMessage());
    return redis
        .call(c -> c.set(jobPrefix + job.id(), encode(again)))
        .compose(ok -> redis.call(c -> c.zrem(leased, job.id())))
        .compose(n -> redis.call(c -> c.zadd(due, clock.millis() + wait, job.id())))
        .mapEmpty();
  }

  /** Jobs given up on, for staff to see, with the last error. */
  public Future<List<JsonObject>> parked() {
    return redis.call(c -> c.hvals(parked)).map(all -> all.stream().map(JsonObject::new).toList());
  }

  private static String encode(Job job) {
    JsonObject data = new JsonObject();
    job.data().forEach(data::put);
    return new JsonObject()
        .put("id", job.id())
        .put("type", job.type())
        .put("due", job.due().toEpochMilli())
        .put("attempts", job.attempts())
        .put("data", data)
        .encode();
  }

  private static Job decode(String json) {
    JsonObject j = new JsonObject(json);
    Map<String, String> data = new HashMap<>();
    j.getJsonObject("data", new JsonObject())
        .forEach(e -> data.put(e.getKey(), String.valueOf(e.getValue())));
    return new Job(
        j.getString("id"),
        j.getString("type"),
        Instant.ofEpochMilli(j.getLong("due")),
        data,
        j.getInteger("attempts", 0));
  }
}
