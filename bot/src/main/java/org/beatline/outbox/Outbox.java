package org.beatline.outbox;

import io.lettuce.core.ScriptOutputType;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    List<Future<Long>> all = new ArrayList<>();
    for (Outbound m : messages) {
      for (Outbound part : parts(m)) {
        all.add(enqueue(part));
      }
    }
    return Future.all(all).mapEmpty();
  }

  private List<Outbound> parts(Outbound m) {
    Sender sender = senders.get(m.channel());
    List<String> texts = sender == null ? List.of(m.text()) : sender.split(m);
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
    String[] keys = {
      OutboxKeys.lane(m.channel(), m.lane()),
      OutboxKeys.seq(m.channel(), m.address()),
      OutboxKeys.done(m.channel(), m.address())
    };
    String body = new Entry(m, 0, 0, 0).toFields().get("m");
    String now = Long.toString(System.currentTimeMillis());
    return redis.call(
        c ->
            c.<Long>eval(
                ENQUEUE,
                ScriptOutputType.INTEGER,
                keys,
                Long.toString(OutboxKeys.ORDER_TTL_SECONDS),
                body,
                now));
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
