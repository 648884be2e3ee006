package org.beatline.outbox;

import io.lettuce.core.ScriptOutputType;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.beatline.message.Outbound;
import org.beatline.message.Sender;
import org.beatline.redis.Redis;

/**
 * Where every outbound message is put to be delivered: a Redis stream per channel and lane. Each
 * message gets the next number in its recipient's sequence, so that workers on any instance deliver
 * one recipient's messages in the order they were queued.
 */
public final class Outbox {
  // First the texts that several messages share, each kept once under its key; then for each
  // message (three keys, one body): INCR the recipient's sequence and append to the lane in one
  // step, so no number is ever lost. A recipient whose sequence expired starts again from 1 and
  // forgets what was finished before. ARGV: the sequence's lifetime, the time, the shared texts'
  // lifetime, the number of messages, their bodies, then the shared texts.
  private static final String ENQUEUE =
      """
      local n = tonumber(ARGV[4])
      for j = 3 * n + 1, #KEYS do
        redis.call('SET', KEYS[j], ARGV[4 + j - 2 * n], 'EX', ARGV[3])
      end
      for i = 1, n do
        local lane, seq_key, done_key = KEYS[3 * i - 2], KEYS[3 * i - 1], KEYS[3 * i]
        if redis.call('EXISTS', seq_key) == 0 then redis.call('DEL', done_key) end
        local seq = redis.call('INCR', seq_key)
        redis.call('EXPIRE', seq_key, ARGV[1])
        redis.call('XADD', lane, '*', 'm', ARGV[i + 4], 'seq', seq, 'attempts', 0, 'at', ARGV[2])
      end
      return n
      """;

  /** The most messages queued by one script call, so that a broadcast never holds Redis long. */
  static final int BATCH = 64;

  private final Redis redis;
  private final Map<String, Sender> senders;

  /** An outbox for the given senders; a channel's sender decides how its long text is split. */
  public Outbox(Redis redis, Map<String, Sender> senders) {
    this.redis = redis;
    this.senders = Map.copyOf(senders);
  }

  /**
   * The same outbox over another connection: a broadcast queues on its own, so that its hundred
   * thousand commands never wait in line before a resident's reply.
   */
  public Outbox over(Redis connection) {
    return new Outbox(connection, senders);
  }

  /**
   * Queues the messages in order; completes once all of them are safely in Redis. A turn's replies
   * go in one script call per channel (one round trip); a longer list in calls of {@link #BATCH}.
   * Calls whose recipients do not appear in an earlier call still under way go at once, together (a
   * broadcast's calls all do); a call with a recipient of an earlier one waits for it, so that each
   * recipient's sequence follows the order given here.
   */
  public Future<Void> enqueue(List<Outbound> messages) {
    // A broadcast sends one text to thousands: split each distinct text once.
    Map<String, List<String>> splits = new HashMap<>();
    List<Outbound> all = new ArrayList<>();
    for (Outbound m : messages) {
      all.addAll(parts(m, splits));
    }
    Map<String, String> shared = shared(all);
    // One script call touches one channel's keys (one slot of a cluster); a recipient belongs to
    // one channel, so splitting by channel keeps each recipient's order.
    Map<String, List<Outbound>> byChannel = new LinkedHashMap<>();
    for (Outbound m : all) {
      byChannel.computeIfAbsent(m.channel(), c -> new ArrayList<>()).add(m);
    }
    List<Future<Void>> calls = new ArrayList<>();
    for (List<Outbound> one : byChannel.values()) {
      Future<Void> before = Future.succeededFuture();
      List<Future<Void>> together = new ArrayList<>();
      Set<String> recipients = new HashSet<>();
      for (int i = 0; i < one.size(); i += BATCH) {
        List<Outbound> batch = one.subList(i, Math.min(one.size(), i + BATCH));
        List<String> these = batch.stream().map(Outbound::address).toList();
        if (these.stream().anyMatch(recipients::contains)) {
          before = Future.all(together).mapEmpty();
          together = new ArrayList<>();
          recipients.clear();
        }
        recipients.addAll(these);
        together.add(before.compose(v -> enqueueBatch(batch, shared)));
      }
      // The last calls wait for every earlier wave, so they complete when the channel's do.
      calls.addAll(together);
    }
    return Future.all(calls).mapEmpty();
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

  private Future<Void> enqueueBatch(List<Outbound> batch, Map<String, String> shared) {
    Map<String, String> texts = new LinkedHashMap<>(); // key -> text, for this call's shared ones
    String[] messages = new String[batch.size()];
    for (int i = 0; i < batch.size(); i++) {
      Outbound m = batch.get(i);
      String ref = shared.get(m.text());
      if (ref != null) {
        texts.putIfAbsent(OutboxKeys.text(m.channel(), ref), m.text());
      }
      messages[i] = new Entry(m, 0, 0, 0, false, ref).encodeMessage();
    }
    String[] keys = new String[batch.size() * 3 + texts.size()];
    String[] args = new String[4 + batch.size() + texts.size()];
    args[0] = Long.toString(OutboxKeys.ORDER_TTL_SECONDS);
    args[1] = Long.toString(System.currentTimeMillis());
    args[2] = Long.toString(OutboxKeys.TEXT_TTL_SECONDS);
    args[3] = Integer.toString(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      Outbound m = batch.get(i);
      keys[3 * i] = OutboxKeys.lane(m.channel(), m.lane());
      keys[3 * i + 1] = OutboxKeys.seq(m.channel(), m.address());
      keys[3 * i + 2] = OutboxKeys.done(m.channel(), m.address());
      args[4 + i] = messages[i];
    }
    int j = 0;
    for (var t : texts.entrySet()) {
      keys[batch.size() * 3 + j] = t.getKey();
      args[4 + batch.size() + j] = t.getValue();
      j++;
    }
    return redis.<Long>eval(ENQUEUE, ScriptOutputType.INTEGER, keys, args).mapEmpty();
  }

  /**
   * The texts that more than one of the messages carry, each with its reference: a digest of the
   * text. These are kept once in Redis rather than in every entry.
   */
  private static Map<String, String> shared(List<Outbound> messages) {
    Map<String, Integer> uses = new HashMap<>();
    for (Outbound m : messages) {
      uses.merge(m.text(), 1, Integer::sum);
    }
    Map<String, String> refs = new HashMap<>();
    uses.forEach(
        (text, n) -> {
          if (n > 1) {
            refs.put(text, digest(text));
          }
        });
    return refs;
  }

  private static String digest(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The keys the outbox keeps for one recipient (their order), for whoever forgets a contact. */
  public static List<String> recipientKeys(String channel, String address) {
    return List.of(OutboxKeys.seq(channel, address), OutboxKeys.done(channel, address));
  }

  /**
   * Moves the outbox's keys from the names an earlier version gave them, without the channel as a
   * hash tag ({@code outbox:twilio:reply}, {@code outbox:seq:twilio:+1…}), to today's; a stream
   * keeps its consumer group and unacknowledged entries. Run before the workers start.
   */
  public static Future<Long> adoptOldKeys(Redis redis) {
    return redis.renameAll("outbox:*", Outbox::tagged);
  }

  /** Today's name of an outbox key named by an earlier version; null for a key named today. */
  static String tagged(String key) {
    String[] parts = key.split(":", 4);
    if (parts.length < 3 || parts[1].startsWith("{")) {
      return null;
    }
    if (parts.length == 4 && (parts[1].equals("seq") || parts[1].equals("done"))) {
      return OutboxKeys.prefix(parts[2]) + parts[1] + ":" + parts[3];
    }
    return OutboxKeys.prefix(parts[1]) + key.substring(parts[0].length() + parts[1].length() + 2);
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
