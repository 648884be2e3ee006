package org.beatline.outbox;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.StreamMessage;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.beatline.redis.Redis;

/**
 * Knows which consumers of a channel's outbox are gone, so that what a crashed instance left is
 * taken over within seconds rather than after {@code claimIdle}: each worker keeps a key alive
 * while it runs, and a consumer whose key has expired and that has not touched the stream for as
 * long is gone. Its pending entries are claimed; once it holds none, it is removed from the group.
 */
final class Takeover {
  /** How long a worker's key outlives its last beat, and how idle a gone consumer must be. */
  static final Duration GONE_AFTER = Duration.ofSeconds(5);

  private static final long BEAT_EVERY_MS = 1000;
  // KEYS[1]: the stream. ARGV: group, this consumer, the prefix of the keys kept alive, how idle a
  // gone consumer is at least (ms), the most entries to claim. Answers the entries claimed.
  // Consumers of an older version keep no key; the idle time keeps a running one from being taken
  // for gone.
  private static final String CLAIM_GONE =
      """
      local out = {}
      local most = tonumber(ARGV[5])
      for _, c in ipairs(redis.call('XINFO', 'CONSUMERS', KEYS[1], ARGV[1])) do
        local f = {}
        for i = 1, #c, 2 do f[c[i]] = c[i + 1] end
        if f.name ~= ARGV[2] and f.idle >= tonumber(ARGV[4])
            and redis.call('EXISTS', ARGV[3] .. f.name) == 0 then
          if f.pending == 0 then
            redis.call('XGROUP', 'DELCONSUMER', KEYS[1], ARGV[1], f.name)
          elseif #out < most then
            local ids = {}
            for _, p in ipairs(redis.call('XPENDING', KEYS[1], ARGV[1], '-', '+', most - #out, f.name)) do
              ids[#ids + 1] = p[1]
            end
            if #ids > 0 then
              for _, e in ipairs(redis.call('XCLAIM', KEYS[1], ARGV[1], ARGV[2], 0, unpack(ids))) do
                if e then out[#out + 1] = e end
              end
            end
          end
        end
      end
      return out
      """;
  private final Redis redis;
  private final String channel;
  private final String consumer;
  private long timer = -1;

  Takeover(Redis redis, String channel, String consumer) {
    this.redis = redis;
    this.channel = channel;
    this.consumer = consumer;
  }

  /** Keeps this consumer's key alive until {@link #stop}. */
  Future<Void> start(Vertx vertx) {
    timer = vertx.setPeriodic(BEAT_EVERY_MS, t -> beat());
    return beat();
  }

  /** Lets the key go at once: what this worker leaves pending is taken over without waiting. */
  Future<Void> stop(Vertx vertx) {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
    return redis.call(c -> c.del(OutboxKeys.alive(channel, consumer))).mapEmpty();
  }

  private Future<Void> beat() {
    return redis
        .call(c -> c.psetex(OutboxKeys.alive(channel, consumer), GONE_AFTER.toMillis(), "1"))
        .<Void>mapEmpty()
        .otherwiseEmpty();
  }

  /** Claims up to {@code most} pending entries of gone consumers in one lane. */
  Future<List<StreamMessage<String, String>>> claimGone(String stream, int most) {
    return redis
        .<List<Object>>eval(
            CLAIM_GONE,
            ScriptOutputType.MULTI,
            new String[] {stream},
            OutboxKeys.GROUP,
            consumer,
            OutboxKeys.alive(channel, ""),
            Long.toString(GONE_AFTER.toMillis()),
            Integer.toString(most))
        .map(entries -> messages(stream, entries));
  }

  /** XCLAIM's answer ({@code [id, [field, value, …]]} each) as stream messages. */
  @SuppressWarnings("unchecked")
  private static List<StreamMessage<String, String>> messages(String stream, List<Object> raw) {
    List<StreamMessage<String, String>> out = new ArrayList<>(raw.size());
    for (Object o : raw) {
      if (!(o instanceof List<?>)) {
        continue;
      }
      List<Object> e = (List<Object>) o;
      Map<String, String> body = null;
      if (e.size() > 1 && e.get(1) instanceof List<?> fields) {
        body = new LinkedHashMap<>();
        for (int i = 0; i + 1 < fields.size(); i += 2) {
          body.put((String) fields.get(i), (String) fields.get(i + 1));
        }
      }
      out.add(new StreamMessage<>(stream, (String) e.get(0), body));
    }
    return out;
  }
}
