package org.beatline.outbox;

import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.beatline.redis.Redis;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acknowledges finished stream entries in batches: one XACK and one XDEL per stream for everything
 * finished since the last flush, instead of two round trips per message.
 */
final class Acks {
  private static final Logger LOG = LoggerFactory.getLogger(Acks.class);
  private static final int FLUSH_AT = 200;
  private final Redis redis;
  private final Context context;
  private final Map<String, List<String>> waiting = new LinkedHashMap<>();
  private int count;
  private boolean scheduled;
  private Future<Void> lastFlush = Future.succeededFuture();

  Acks(Redis redis, Context context) {
    this.redis = redis;
    this.context = context;
  }

  /** Notes an entry as finished; it is acknowledged with the next flush, on this event loop. */
  void add(String stream, String id) {
    waiting.computeIfAbsent(stream, s -> new ArrayList<>()).add(id);
    if (++count >= FLUSH_AT) {
      flush();
    } else if (!scheduled) {
      scheduled = true;
      context.runOnContext(v -> flush());
    }
  }

  /** Acknowledges and deletes everything noted so far; completes when Redis has done so. */
  Future<Void> flush() {
    scheduled = false;
    if (waiting.isEmpty()) {
      return lastFlush;
    }
    List<Future<?>> all = new ArrayList<>();
    waiting.forEach(
        (stream, ids) -> {
          String[] array = ids.toArray(String[]::new);
          all.add(redis.call(c -> c.xack(stream, OutboxKeys.GROUP, array)));
          all.add(redis.call(c -> c.xdel(stream, array)));
        });
    waiting.clear();
    count = 0;
    lastFlush =
        Future.join(all)
            .<Void>mapEmpty()
            .onFailure(
                e ->
                    // Unacknowledged entries are taken over and found finished: nothing is lost.
                    LOG.warn(
                        "outbox acknowledgement failed, entries will be re-read: {}",
                        e.toString()));
    return lastFlush;
  }
}
