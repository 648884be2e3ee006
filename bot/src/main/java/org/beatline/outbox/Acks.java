package org.beatline.outbox;

import io.lettuce.core.ScriptOutputType;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.beatline.redis.Redis;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acknowledges finished stream entries in batches: one script call records how far each recipient's
 * order has got and acknowledges and deletes everything finished since the last flush, instead of
 * three round trips per message. Recording and acknowledging in one step means an entry is never
 * gone while its recipient's order still waits for it. A flush that fails (Redis away) is kept and
 * written with a later one, so that what was sent during an outage is not sent again after it.
 */
final class Acks {
  private static final Logger LOG = LoggerFactory.getLogger(Acks.class);
  private static final int FLUSH_AT = 200;
  // Long enough for a busy worker to gather tens of entries per flush, short against the wait
  // a message to the same recipient on another instance takes before it looks again.
  private static final long FLUSH_AFTER_MS = 2;
  private static final long RETRY_AFTER_MS = 250;
  // KEYS: the done keys, then the streams. ARGV: group, ttl, number of done keys, their sequence
  // numbers, then for each stream the number of its entries and their ids.
  private static final String FLUSH =
      """
      local dones = tonumber(ARGV[3])
      local at = 4
      for k = 1, dones do
        local seq = tonumber(ARGV[at])
        at = at + 1
        if tonumber(redis.call('GET', KEYS[k]) or '0') < seq then
          redis.call('SET', KEYS[k], seq, 'EX', ARGV[2])
        end
      end
      for s = dones + 1, #KEYS do
        local ids = {}
        for i = 1, tonumber(ARGV[at]) do ids[i] = ARGV[at + i] end
        at = at + #ids + 1
        redis.call('XACK', KEYS[s], ARGV[1], unpack(ids))
        redis.call('XDEL', KEYS[s], unpack(ids))
      end
      return 1
      """;
  private final Redis redis;
  private final Context context;
  private final Map<String, List<String>> waiting = new LinkedHashMap<>();
  private final Map<String, Long> done = new LinkedHashMap<>();
  // Every entry noted and not yet acknowledged in Redis, written or not.
  private final Set<String> unwritten = new HashSet<>();
  private int count;
  private boolean scheduled;
  private boolean failing;
  private Future<Void> lastFlush = Future.succeededFuture();

  Acks(Redis redis, Context context) {
    this.redis = redis;
    this.context = context;
  }

  /**
   * Notes an entry as finished; it is acknowledged with the next flush, on this event loop, within
   * a few milliseconds.
   */
  void add(String stream, String id) {
    waiting.computeIfAbsent(stream, s -> new ArrayList<>()).add(id);
    unwritten.add(entry(stream, id));
    if (++count >= FLUSH_AT) {
      flush();
    } else if (!scheduled) {
      scheduled = true;
      context.owner().setTimer(FLUSH_AFTER_MS, t -> flush());
    }
  }

  /**
   * Notes an entry as finished and its recipient's order as done up to {@code seq}; both are
   * written with the next flush.
   */
  void finished(String stream, String id, String doneKey, long seq) {
    done.merge(doneKey, seq, Math::max);
    add(stream, id);
  }

  /** Whether the entry is finished here but not yet acknowledged in Redis. */
  boolean holds(String stream, String id) {
    return unwritten.contains(entry(stream, id));
  }

  /**
   * An entry's name here: its stream and its id, since the lanes' streams give the same ids to
   * entries queued in the same millisecond (a turn's emergency guidance and its reply).
   */
  static String entry(String stream, String id) {
    return stream + " " + id;
  }

  /**
   * Writes what was noted so far if it holds progress for one of these done keys, so that commands
   * sent on the same connection afterwards read that recipient's progress as this worker left it.
   */
  void flushFor(Iterable<String> doneKeys) {
    for (String key : doneKeys) {
      if (done.containsKey(key)) {
        flush();
        return;
      }
    }
  }

  /**
   * Writes everything noted so far; completes when Redis has done so. Commands sent on the same
   * connection afterwards see what it wrote.
   */
  Future<Void> flush() {
    scheduled = false;
    if (waiting.isEmpty()) {
      return lastFlush;
    }
    List<String> keys = new ArrayList<>(done.keySet());
    List<String> args = new ArrayList<>();
    args.add(OutboxKeys.GROUP);
    args.add(Long.toString(OutboxKeys.ORDER_TTL_SECONDS));
    args.add(Integer.toString(done.size()));
    done.values().forEach(seq -> args.add(Long.toString(seq)));
    waiting.forEach(
        (stream, ids) -> {
          keys.add(stream);
          args.add(Integer.toString(ids.size()));
          args.addAll(ids);
        });
    Map<String, List<String>> ids = new LinkedHashMap<>(waiting);
    Map<String, Long> dones = new LinkedHashMap<>(done);
    waiting.clear();
    done.clear();
    count = 0;
    String[] k = keys.toArray(String[]::new);
    String[] a = args.toArray(String[]::new);
    lastFlush =
        redis
            .<Long>eval(FLUSH, ScriptOutputType.INTEGER, k, a)
            .<Void>mapEmpty()
            .onSuccess(
                v -> {
                  failing = false;
                  ids.forEach(
                      (stream, list) -> list.forEach(id -> unwritten.remove(entry(stream, id))));
                })
            .onFailure(e -> retry(ids, dones, e));
    return lastFlush;
  }

  /**
   * Keeps a batch that could not be written for the next flush, which is due soon: the entries stay
   * unacknowledged meanwhile, and this worker, holding them, sends none of them again.
   */
  private void retry(Map<String, List<String>> ids, Map<String, Long> dones, Throwable e) {
    if (!failing) {
      failing = true;
      LOG.warn("outbox acknowledgements failed, to be written again: {}", e.toString());
    }
    ids.forEach(
        (stream, list) -> {
          waiting.computeIfAbsent(stream, s -> new ArrayList<>()).addAll(list);
          count += list.size();
        });
    dones.forEach((key, seq) -> done.merge(key, seq, Math::max));
    if (!scheduled) {
      scheduled = true;
      context.owner().setTimer(RETRY_AFTER_MS, t -> flush());
    }
  }
}
