package org.beatline.outbox;

import io.lettuce.core.ScriptOutputType;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.beatline.redis.Redis;

/**
 * Paces one channel's sends to its rate across every instance: send slots are reserved in Redis,
 * spaced by the interval. Every send that asks in the same turn of the event loop, or while a
 * reservation is under way, is served by one script call.
 */
final class Pacer {
  private static final int MOST_AT_ONCE = 1000;
  // Reserves ARGV[3] consecutive slots; the answer is how long to wait for the first of them
  // (microseconds, from the caller's clock). Slots further apart than a minute are forgotten.
  private static final String RESERVE =
      """
      local now = tonumber(ARGV[1])
      local next = tonumber(redis.call('GET', KEYS[1]) or '0')
      if next < now then next = now end
      redis.call('SET', KEYS[1], next + tonumber(ARGV[2]) * tonumber(ARGV[3]), 'PX', 60000)
      return next - now
      """;

  private final Redis redis;
  private final Context context;
  private final String[] keys;
  private final long intervalMicros;
  private final ArrayDeque<Promise<Void>> waiting = new ArrayDeque<>();
  // Every slot promised and not yet due, so that stopping can give them all back at once.
  private final java.util.Set<Promise<Void>> promised = new java.util.HashSet<>();
  private boolean reserving;
  private boolean scheduled;
  private boolean stopped;

  /** What a send waiting for its slot is told when the worker stops: it was not sent. */
  static final class Stopped extends RuntimeException {
    Stopped() {
      super("the outbox worker is stopping", null, false, false);
    }
  }

  Pacer(Redis redis, Context context, String channel, double messagesPerSecond) {
    this.redis = redis;
    this.context = context;
    this.keys = new String[] {OutboxKeys.rate(channel)};
    this.intervalMicros = Math.max(1, Math.round(1_000_000 / messagesPerSecond));
  }

  /** Completes when the caller may send; call on the worker's event loop only. */
  Future<Void> slot() {
    Promise<Void> p = Promise.promise();
    if (stopped) {
      p.fail(new Stopped());
      return p.future();
    }
    promised.add(p);
    p.future().onComplete(r -> promised.remove(p));
    waiting.add(p);
    if (!reserving && !scheduled) {
      scheduled = true;
      context.runOnContext(v -> reserve());
    }
    return p.future();
  }

  /**
   * Fails every send still waiting for its slot with {@link Stopped}, at once: with a backlog at a
   * slow rate, the last slot reserved may be minutes away.
   */
  void stop() {
    stopped = true;
    waiting.clear();
    for (Promise<Void> p : java.util.List.copyOf(promised)) {
      p.tryFail(new Stopped());
    }
  }

  private void reserve() {
    scheduled = false;
    if (reserving || waiting.isEmpty()) {
      return;
    }
    reserving = true;
    List<Promise<Void>> batch = new ArrayList<>();
    while (!waiting.isEmpty() && batch.size() < MOST_AT_ONCE) {
      batch.add(waiting.poll());
    }
    String now = Long.toString(System.currentTimeMillis() * 1000);
    redis
        .<Long>eval(
            RESERVE,
            ScriptOutputType.INTEGER,
            keys,
            now,
            Long.toString(intervalMicros),
            Integer.toString(batch.size()))
        .onComplete(
            r -> {
              reserving = false;
              for (int i = 0; i < batch.size(); i++) {
                Promise<Void> p = batch.get(i);
                if (r.failed()) {
                  p.tryFail(r.cause());
                  continue;
                }
                long waitMillis = (r.result() + i * intervalMicros) / 1000;
                if (waitMillis >= 1) {
                  context.owner().setTimer(waitMillis, t -> p.tryComplete());
                } else {
                  p.tryComplete();
                }
              }
              reserve();
            });
  }
}
