package org.beatline.pipeline;

import io.lettuce.core.ScriptOutputType;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.beatline.redis.Redis;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One resident's messages are handled one after the other, on this instance and across every
 * instance sharing the Redis, so that a turn reads the session, consent and concerns its
 * predecessor wrote (never a stale copy) and queues its replies after the predecessor's.
 *
 * <p>On this instance a resident's messages wait for each other in arrival order. Across instances
 * a message's turn is a lease in Redis ({@code turn:{<channel>:<address>}}, a token of its own,
 * held for {@link #HOLD}) taken in the same script call that marks the provider's message id as
 * seen, so it costs no round trip of its own; it is kept while a long turn runs and given back by a
 * compare-and-delete when the turn ends. A message that finds the lease taken asks again, soon at
 * first, for up to {@link #WAIT}, then fails (a webhook answers 503). Which of two messages
 * arriving at two instances at once goes first is whichever takes the lease first. An instance that
 * dies holding a lease blocks its resident for {@link #HOLD} at most; a turn still running after
 * {@link #LONGEST} (something is hung) stops keeping its lease, and the next message goes ahead.
 */
final class Turns {
  private static final Logger LOG = LoggerFactory.getLogger(Turns.class);
  static final Duration HOLD = Duration.ofSeconds(5);
  static final Duration WAIT = Duration.ofSeconds(12);
  static final Duration LONGEST = Duration.ofSeconds(30);
  private static final long FIRST_ASK_MS = 4;
  private static final long LAST_ASK_MS = 100;
  // Takes the resident's turn (KEYS[1]) unless another message holds it; then, when the message
  // has a provider id, marks it seen (KEYS[2]). 0: taken by another, 1: ours and a new message,
  // 2: ours and a message already seen (a provider's retry).
  private static final String TAKE =
      """
      if not redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 0 end
      if KEYS[2] and not redis.call('SET', KEYS[2], ARGV[3], 'NX', 'EX', ARGV[4]) then return 2 end
      return 1
      """;
  private static final String KEEP =
      """
      if redis.call('GET', KEYS[1]) == ARGV[1] then
        return redis.call('PEXPIRE', KEYS[1], ARGV[2])
      end
      return 0
      """;
  private static final String GIVE_BACK =
      """
      if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
      return 0
      """;

  private final Vertx vertx;
  private final Redis redis;
  private final long seenSeconds;
  private final String instance = UUID.randomUUID().toString().substring(0, 8);
  private final AtomicLong counter = new AtomicLong();
  // The end of the last turn queued here per resident; a resident with none queued is absent.
  private final Map<String, Future<Void>> last = new HashMap<>();

  /** Turns whose message ids are remembered as seen for {@code seenSeconds}. */
  Turns(Vertx vertx, Redis redis, long seenSeconds) {
    this.vertx = vertx;
    this.redis = redis;
    this.seenSeconds = seenSeconds;
  }

  /**
   * Runs {@code turn} when the resident {@code who} ({@code channel:address}) has no other message
   * being handled; it is told whether the message is new, by its {@code seen} mark (null for a
   * message without a provider id, which is always new).
   */
  <T> Future<T> run(String who, String seen, Function<Boolean, Future<T>> turn) {
    String key = "turn:{" + who + "}";
    Promise<Void> ended = Promise.promise();
    Future<Void> before;
    synchronized (last) {
      before = last.put(key, ended.future());
    }
    String token = instance + ":" + counter.incrementAndGet();
    Held held = new Held();
    Future<T> result =
        (before == null ? Future.<Void>succeededFuture() : before)
            .compose(v -> take(key, seen, token, System.nanoTime() + WAIT.toNanos(), FIRST_ASK_MS))
            .compose(
                fresh -> {
                  held.taken = true;
                  held.since = System.nanoTime();
                  held.timer =
                      vertx.setPeriodic(HOLD.toMillis() / 3, t -> keep(key, token, held, ended));
                  Future<T> done;
                  try {
                    done = turn.apply(fresh);
                  } catch (RuntimeException e) {
                    done = Future.failedFuture(e);
                  }
                  return done;
                });
    result.onComplete(r -> end(key, token, held, ended));
    return result;
  }

  private Future<Boolean> take(String key, String seen, String token, long deadline, long ask) {
    String[] keys = seen == null ? new String[] {key} : new String[] {key, seen};
    return redis
        .<Long>eval(
            TAKE,
            ScriptOutputType.INTEGER,
            keys,
            token,
            Long.toString(HOLD.toMillis()),
            Instant.now().toString(),
            Long.toString(seenSeconds))
        .compose(
            got -> {
              if (got != 0) {
                return Future.succeededFuture(got == 1);
              }
              if (System.nanoTime() > deadline) {
                return Future.failedFuture(
                    new IllegalStateException(
                        "the sender's previous message was still being handled after "
                            + WAIT.toSeconds()
                            + " s"));
              }
              long wait = ask / 2 + ThreadLocalRandom.current().nextLong(ask / 2 + 1);
              return vertx
                  .timer(wait, TimeUnit.MILLISECONDS)
                  .compose(v -> take(key, seen, token, deadline, Math.min(LAST_ASK_MS, ask * 2)));
            });
  }

  /** Keeps a long turn's lease, until the turn has run for {@link #LONGEST}. */
  private void keep(String key, String token, Held held, Promise<Void> ended) {
    if (System.nanoTime() - held.since > LONGEST.toNanos()) {
      vertx.cancelTimer(held.timer);
      LOG.warn(
          "a message has been handled for over {} s; the next one goes ahead", LONGEST.toSeconds());
      ended.tryComplete();
      return;
    }
    redis
        .<Long>eval(
            KEEP,
            ScriptOutputType.INTEGER,
            new String[] {key},
            token,
            Long.toString(HOLD.toMillis()))
        .onFailure(e -> LOG.warn("keeping a message's turn failed: {}", e.toString()));
  }

  /**
   * Gives the lease back, then lets the resident's next message on this instance go; the webhook's
   * answer does not wait for it.
   */
  private void end(String key, String token, Held held, Promise<Void> ended) {
    if (held.timer >= 0) {
      vertx.cancelTimer(held.timer);
    }
    Future<Void> given =
        held.taken
            ? redis
                .<Long>eval(GIVE_BACK, ScriptOutputType.INTEGER, new String[] {key}, token)
                .<Void>mapEmpty()
                .recover(
                    e -> {
                      // The lease runs out by itself within HOLD.
                      LOG.warn("giving back a message's turn failed: {}", e.toString());
                      return Future.succeededFuture();
                    })
            : Future.succeededFuture();
    given.onComplete(
        v -> {
          synchronized (last) {
            last.remove(key, ended.future());
          }
          ended.tryComplete();
        });
  }

  /** What one turn holds: whether it took the lease, since when, and the timer keeping it. */
  private static final class Held {
    volatile boolean taken;
    volatile long since;
    volatile long timer = -1;
  }
}
