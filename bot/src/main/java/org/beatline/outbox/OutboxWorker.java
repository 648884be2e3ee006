package org.beatline.outbox;

import io.lettuce.core.Consumer;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.beatline.message.Masking;
import org.beatline.message.Outbound;
import org.beatline.message.SendFailure;
import org.beatline.message.Sender;
import org.beatline.redis.Redis;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one channel's outbox: reads the reply lane before the bulk lane as a member of a
 * consumer group, paces sends to the channel's rate, retries what may succeed later, dead-letters
 * what never will, and takes over entries a crashed instance left unacknowledged.
 */
public final class OutboxWorker extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(OutboxWorker.class);
  // A message waiting for an earlier one to the same recipient looks again soon at first, then
  // less often, so that a predecessor in a long backoff is not polled five times a second.
  private static final long ORDER_WAIT_MIN_MS = 200;
  private static final long ORDER_WAIT_MAX_MS = 5000;
  private static final Duration ORDER_GIVE_UP = Duration.ofMinutes(15);
  private static final String MOVE_DUE =
      """
      local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, 100)
      for _, json in ipairs(due) do
        local e = cjson.decode(json)
        local lane = KEYS[2]
        if cjson.decode(e.m).lane == 'BULK' then lane = KEYS[3] end
        redis.call('XADD', lane, '*', 'm', e.m, 'seq', e.seq, 'attempts', e.attempts, 'at', e.at)
        redis.call('ZREM', KEYS[1], json)
      end
      return #due
      """;
  private static final String NEXT_SLOT =
      """
      local now = tonumber(ARGV[1])
      local next = tonumber(redis.call('GET', KEYS[1]) or '0')
      if next < now then next = now end
      redis.call('SET', KEYS[1], next + tonumber(ARGV[2]), 'PX', 60000)
      return next - now
      """;
  private static final String FINISH =
      """
      local done = tonumber(redis.call('GET', KEYS[1]) or '0')
      if done < tonumber(ARGV[1]) then redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2]) end
      return 1
      """;

  private final Redis redis;
  private final Sender sender;
  private final DeliveryListener listener;
  private final OutboxSettings settings;
  private final OutboxMetrics metrics;
  private final String consumer;
  private final String channel;
  private final String replyLane;
  private final String bulkLane;
  private Redis reader;
  private volatile boolean running;
  private Promise<Void> stopped;
  private long lastClaim;

  public OutboxWorker(
      Redis redis,
      Sender sender,
      DeliveryListener listener,
      OutboxSettings settings,
      MeterRegistry registry,
      String consumer) {
    this.redis = redis;
    this.sender = sender;
    this.listener = listener;
    this.settings = settings;
    this.consumer = consumer;
    this.channel = sender.channel();
    this.replyLane = OutboxKeys.lane(channel, Outbound.Lane.REPLY);
    this.bulkLane = OutboxKeys.lane(channel, Outbound.Lane.BULK);
    this.metrics = new OutboxMetrics(registry, channel);
  }

  @Override
  public Future<?> start() {
    reader = redis.dedicated();
    return createGroup(replyLane)
        .compose(v -> createGroup(bulkLane))
        .onSuccess(
            v -> {
              running = true;
              stopped = Promise.promise();
              context.runOnContext(x -> loop());
            });
  }

  @Override
  public Future<?> stop() {
    if (!running) {
      return Future.succeededFuture();
    }
    running = false;
    return stopped.future().onComplete(v -> reader.close());
  }

  private Future<Void> createGroup(String stream) {
    return redis
        .call(
            c ->
                c.xgroupCreate(
                    XReadArgs.StreamOffset.from(stream, "0"),
                    OutboxKeys.GROUP,
                    XGroupCreateArgs.Builder.mkstream()))
        .<Void>mapEmpty()
        .recover(
            e ->
                e.getMessage() != null && e.getMessage().contains("BUSYGROUP")
                    ? Future.succeededFuture()
                    : Future.failedFuture(e));
  }

  private void loop() {
    if (!running) {
      stopped.tryComplete();
      return;
    }
    moveDue()
        .compose(v -> claimOrRead())
        .compose(this::deliverAll)
        .onComplete(
            r -> {
              if (r.failed() && running) {
                LOG.warn("outbox {}: {}", channel, r.cause().toString());
                vertx.setTimer(1000, t -> loop());
              } else {
                context.runOnContext(v -> loop());
              }
            });
  }

  private Future<Void> moveDue() {
    String now = Long.toString(System.currentTimeMillis());
    String[] keys = {OutboxKeys.delayed(channel), replyLane, bulkLane};
    return redis.call(c -> c.<Long>eval(MOVE_DUE, ScriptOutputType.INTEGER, keys, now)).mapEmpty();
  }

  private Future<List<StreamMessage<String, String>>> claimOrRead() {
    long now = System.currentTimeMillis();
    if (now - lastClaim >= Math.min(settings.claimIdle().toMillis(), 5000)) {
      lastClaim = now;
      return claim(replyLane)
          .compose(r -> claim(bulkLane).map(b -> concat(r, b)))
          .compose(claimed -> claimed.isEmpty() ? read() : Future.succeededFuture(claimed));
    }
    return read();
  }

  private Future<List<StreamMessage<String, String>>> claim(String stream) {
    var args =
        XAutoClaimArgs.Builder.xautoclaim(
                Consumer.from(OutboxKeys.GROUP, consumer), settings.claimIdle(), "0-0")
            .count(50);
    return redis
        .call(c -> c.xautoclaim(stream, args))
        .map(
            claimed -> {
              if (!claimed.getMessages().isEmpty()) {
                LOG.info(
                    "outbox {}: took over {} unacknowledged entries",
                    channel,
                    claimed.getMessages().size());
                metrics.claimed(claimed.getMessages().size());
              }
              return claimed.getMessages();
            });
  }

  @SuppressWarnings("unchecked")
  private Future<List<StreamMessage<String, String>>> read() {
    return reader.call(
        c ->
            c.xreadgroup(
                Consumer.from(OutboxKeys.GROUP, consumer),
                XReadArgs.Builder.count(20).block(Duration.ofMillis(250)),
                XReadArgs.StreamOffset.lastConsumed(replyLane),
                XReadArgs.StreamOffset.lastConsumed(bulkLane)));
  }

  private Future<Void> deliverAll(List<StreamMessage<String, String>> batch) {
    List<StreamMessage<String, String>> ordered = new ArrayList<>(batch);
    // Replies to residents who are waiting go before announcements.
    ordered.sort(Comparator.comparing(m -> m.getStream().equals(replyLane) ? 0 : 1));
    Future<Void> chain = Future.succeededFuture();
    for (StreamMessage<String, String> m : ordered) {
      chain = chain.compose(v -> running ? deliver(m) : Future.succeededFuture());
    }
    return chain;
  }

  private Future<Void> deliver(StreamMessage<String, String> raw) {
    Entry entry;
    try {
      entry = Entry.fromFields(raw.getBody());
    } catch (RuntimeException e) {
      LOG.error("outbox {}: unreadable entry {} dropped", channel, raw.getId());
      return ack(raw);
    }
    Outbound m = entry.message();
    String doneKey = OutboxKeys.done(channel, m.address());
    return redis
        .call(c -> c.get(doneKey))
        .compose(
            d -> {
              long done = d == null ? 0 : Long.parseLong(d);
              if (done >= entry.seq()) {
                return ack(raw); // already delivered by another consumer
              }
              boolean overdue =
                  System.currentTimeMillis() - entry.enqueuedAt() > ORDER_GIVE_UP.toMillis();
              if (done < entry.seq() - 1 && !overdue) {
                return later(raw, entry, orderWait(entry)); // an earlier message is not out yet
              }
              if (m.lane() == Outbound.Lane.BULK) {
                return listener
                    .mayDeliver(m)
                    .compose(ok -> ok ? send(raw, entry) : finish(raw, entry, "suppressed"));
              }
              return send(raw, entry);
            });
  }

  private Future<Void> send(StreamMessage<String, String> raw, Entry entry) {
    Outbound m = entry.message();
    long intervalMs = Math.max(1, Math.round(1000 / settings.messagesPerSecond()));
    String[] keys = {OutboxKeys.rate(channel)};
    return redis
        .call(
            c ->
                c.<Long>eval(
                    NEXT_SLOT,
                    ScriptOutputType.INTEGER,
                    keys,
                    Long.toString(System.currentTimeMillis()),
                    Long.toString(intervalMs)))
        .compose(
            wait -> wait > 0 ? vertx.timer(wait, TimeUnit.MILLISECONDS) : Future.succeededFuture())
        .compose(
            v -> sender.send(m).timeout(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS))
        .compose(
            providerId -> {
              metrics.sent();
              listener.sent(m, providerId);
              return finish(raw, entry, "sent");
            },
            failure -> failed(raw, entry, failure));
  }

  private Future<Void> failed(StreamMessage<String, String> raw, Entry entry, Throwable cause) {
    Outbound m = entry.message();
    SendFailure f =
        cause instanceof SendFailure sf
            ? sf
            : SendFailure.retryable(null, cause.getClass().getSimpleName(), null);
    String who = Masking.mask(m.address());
    switch (f.kind()) {
      case OPTED_OUT -> {
        LOG.info("outbox {}: {} has opted out ({})", channel, who, f.code());
        metrics.failed("opted_out");
        return listener
            .optedOut(m, f)
            .recover(e -> Future.succeededFuture())
            .compose(v -> toDead(raw, entry, "opted_out", f));
      }
      case PERMANENT -> {
        LOG.warn(
            "outbox {}: permanent failure to {}: {} {}", channel, who, f.code(), f.getMessage());
        metrics.failed("permanent");
        return toDead(raw, entry, "permanent", f);
      }
      default -> {
        if (entry.attempts() + 1 >= settings.maxAttempts()) {
          LOG.warn(
              "outbox {}: giving up on {} after {} attempts", channel, who, entry.attempts() + 1);
          metrics.failed("exhausted");
          return toDead(raw, entry, "exhausted", f);
        }
        Duration wait = settings.backoff(entry.attempts(), f.retryAfter());
        LOG.info(
            "outbox {}: retry to {} in {} ms ({} {})",
            channel,
            who,
            wait.toMillis(),
            f.code(),
            f.getMessage());
        metrics.retried();
        return later(raw, entry.retried(), wait);
      }
    }
  }

  private Future<Void> toDead(
      StreamMessage<String, String> raw, Entry entry, String reason, SendFailure f) {
    Map<String, String> fields = new java.util.HashMap<>(entry.toFields());
    fields.put("reason", reason);
    fields.put("code", f.code() == null ? "" : f.code());
    fields.put("error", String.valueOf(f.getMessage()));
    fields.put("failedAt", Long.toString(System.currentTimeMillis()));
    listener.dead(entry.message(), reason);
    return redis
        .call(
            c ->
                c.xadd(
                    OutboxKeys.dead(channel),
                    io.lettuce.core.XAddArgs.Builder.maxlen(10_000).approximateTrimming(),
                    fields))
        .compose(id -> finish(raw, entry, reason));
  }

  private static Duration orderWait(Entry entry) {
    long waited = System.currentTimeMillis() - entry.enqueuedAt();
    return Duration.ofMillis(Math.max(ORDER_WAIT_MIN_MS, Math.min(ORDER_WAIT_MAX_MS, waited / 10)));
  }

  /** Puts the entry back for later, keeping its place in the recipient's order. */
  private Future<Void> later(StreamMessage<String, String> raw, Entry entry, Duration wait) {
    double due = System.currentTimeMillis() + wait.toMillis();
    return redis
        .call(c -> c.zadd(OutboxKeys.delayed(channel), due, entry.toJson()))
        .compose(n -> ack(raw));
  }

  private Future<Void> finish(StreamMessage<String, String> raw, Entry entry, String outcome) {
    String[] keys = {OutboxKeys.done(channel, entry.message().address())};
    return redis
        .call(
            c ->
                c.<Long>eval(
                    FINISH,
                    ScriptOutputType.INTEGER,
                    keys,
                    Long.toString(entry.seq()),
                    Long.toString(30L * 24 * 3600)))
        .compose(v -> ack(raw));
  }

  private Future<Void> ack(StreamMessage<String, String> raw) {
    return redis
        .call(c -> c.xack(raw.getStream(), OutboxKeys.GROUP, raw.getId()))
        .compose(n -> redis.call(c -> c.xdel(raw.getStream(), raw.getId())))
        .mapEmpty();
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
