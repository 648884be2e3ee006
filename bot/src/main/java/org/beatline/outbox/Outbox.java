package org.beatline.outbox;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.beatline.message.Outbound;
import org.beatline.message.Sender;
import org.beatline.redis.Redis;

/**
 * Where every outbound message is put to be delivered: a Redis stream per channel and lane. Each
 * message gets the next number in its recipient's sequence, so that workers on any instance deliver
 * one recipient's messages in the order they were queued.
 */
public final class Outbox {
  // INCR the recipient's sequence and append to the lane in one step, so no number is ever lost.
  // A recipient whose sequence expired starts again from 1 and forgets what was finished before.
  private static final String ENQUEUE =
      """
      if redis.call('EXISTS', KEYS[2]) == 0 then redis.call('DEL', KEYS[3]) end
      local seq = redis.call('INCR', KEYS[2])
      redis.call('EXPIRE', KEYS[2], ARGV[1])
      redis.call('XADD', KEYS[1], '*', 'm', ARGV[2], 'seq', seq, 'attempts', 0, 'at', ARGV[3])
      return seq
      """;

  private static final byte[] ENQUEUE_BYTES = ENQUEUE.getBytes(StandardCharsets.UTF_8);
  private static final String TTL = Long.toString(OutboxKeys.ORDER_TTL_SECONDS);
  private final Redis redis;
  private final Map<String, Sender> senders;

  /** An outbox for the given senders; a channel's sender decides how its long text is split. */
  public Outbox(Redis redis, Map<String, Sender> senders) {
    this.redis = redis;
    this.senders = Map.copyOf(senders);
  }

  /**
   * Queues the messages in order; completes once all of them are safely in Redis. The commands go
   * out pipelined on one connection, which Redis runs in the order sent, so each recipient's
   * sequence follows the order given here.
   */
  public Future<Void> enqueue(List<Outbound> messages) {
    if (messages.isEmpty()) {
      return Future.succeededFuture();
    }
    // A broadcast sends one text to thousands: split each distinct text once.
    Map<String, List<String>> splits = new HashMap<>();
    List<Outbound> all = new ArrayList<>();
    for (Outbound m : messages) {
      all.addAll(parts(m, splits));
    }
    String now = Long.toString(System.currentTimeMillis());
    // Pipelined on the one connection, with one completion on the caller's context for them all.
    return redis
        .call(
            c -> {
              CompletableFuture<?>[] each = new CompletableFuture<?>[all.size()];
              for (int i = 0; i < all.size(); i++) {
                each[i] = enqueue(c, all.get(i), now).toCompletableFuture();
              }
              return CompletableFuture.allOf(each);
            })
        .mapEmpty();
  }

  private List<Outbound> parts(Outbound m, Map<String, List<String>> splits) {
    Sender sender = senders.get(m.channel());
    List<String> texts =
        sender == null
            ? List.of(m.text())
            : splits.computeIfAbsent(m.channel() + "\n" + m.text(), k -> sender.split(m));
    if (texts.size() == 1) {
      return List.of(m);
    }
    List<Outbound> out = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      boolean last = i == texts.size() - 1;
      out.add(
          new Outbound(
              m.id() + "-" + (i + 1),
              m.channel(),
              m.address(),
              texts.get(i),
              last ? m.options() : List.of(),
              m.lane(),
              m.key(),
              m.language()));
    }
    return out;
  }

  /** Queues one message as it is and returns its number in the recipient's sequence. */
  Future<Long> enqueue(Outbound m) {
    String now = Long.toString(System.currentTimeMillis());
    return redis.call(c -> enqueue(c, m, now));
  }

  private static CompletionStage<Long> enqueue(
      RedisAsyncCommands<String, String> c, Outbound m, String now) {
    String[] keys = {
      OutboxKeys.lane(m.channel(), m.lane()),
      OutboxKeys.seq(m.channel(), m.address()),
      OutboxKeys.done(m.channel(), m.address())
    };
    String body = new Entry(m, 0, 0, 0).toFields().get("m");
    return c.<Long>eval(ENQUEUE_BYTES, ScriptOutputType.INTEGER, keys, TTL, body, now);
  }

  /** How many messages wait in one channel's lanes (delayed retries included). */
  public Future<Long> depth(String channel) {
    List<Future<Long>> counts = new ArrayList<>();
    for (Outbound.Lane lane : Outbound.Lane.values()) {
      counts.add(redis.call(c -> c.xlen(OutboxKeys.lane(channel, lane))));
    }
    counts.add(redis.call(c -> c.zcard(OutboxKeys.delayed(channel))));
    return Future.all(counts).map(all -> counts.stream().mapToLong(f -> f.result()).sum());
  }

  /** The messages given up on for one channel, newest first. */
  public Future<List<java.util.Map<String, String>>> dead(String channel, int count) {
    return redis
        .call(
            c ->
                c.xrevrange(
                    OutboxKeys.dead(channel),
                    io.lettuce.core.Range.create("-", "+"),
                    io.lettuce.core.Limit.from(count)))
        .map(list -> list.stream().map(io.lettuce.core.StreamMessage::getBody).toList());
  }
}
