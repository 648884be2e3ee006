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
  private boolean reserving;
  private boolean scheduled;

  Pacer(Redis redis, Context context, String channel, double messagesPerSecond) {
    this.redis = redis;
    this.context = context;
    this.keys = new String[] {OutboxKeys.rate(channel)};
    this.intervalMicros = Math.max(1, Math.round(1_000_000 / messagesPerSecond));
  }

  /** Completes when the caller may send; call on the worker's event loop only. */
  Future<Void> slot() {
    Promise<Void> p = Promise.promise();
    waiting.add(p);
    if (!reserving && !scheduled) {
      scheduled = true;
      context.runOnContext(v -> reserve());
    }
    return p.future();
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
                  p.fail(r.cause());
                  continue;
                }
                long waitMillis = (r.result() + i * intervalMicros) / 1000;
                if (waitMillis >= 1) {
                  context.owner().setTimer(waitMillis, t -> p.complete());
                } else {
                  p.complete();
                }
              }
              reserve();
            });
  }
}
