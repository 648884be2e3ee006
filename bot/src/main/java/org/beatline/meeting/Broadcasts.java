package org.beatline.meeting;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.beatline.redis.Redis;

/**
 * A bulk message's progress, counted as it goes: recipients, queued, sent, delivered, failed, opted
 * out, held for quiet hours. Its messages carry its id at the start of theirs.
 */
public final class Broadcasts {
  private static final long KEEP_SECONDS = 90L * 24 * 3600;
  private static final String PREFIX = "b:";
  private final Redis redis;

  public Broadcasts(Redis redis) {
    this.redis = redis;
  }

  private static String key(String id) {
    return "broadcast:" + id;
  }

  /** A new broadcast's id. */
  public static String newId() {
    return UUID.randomUUID().toString().substring(0, 12);
  }

  /** The id of the message to the {@code n}th recipient of broadcast {@code id}. */
  public static String messageId(String id, int n) {
    return PREFIX + id + ":" + n;
  }

  /** The broadcast a message belongs to, or null. */
  public static String of(String messageId) {
    if (messageId == null || !messageId.startsWith(PREFIX)) {
      return null;
    }
    int colon = messageId.indexOf(':', PREFIX.length());
    return colon < 0 ? null : messageId.substring(PREFIX.length(), colon);
  }

  /** Adds {@code n} to one of the broadcast's counts. */
  public Future<Void> count(String id, String field, long n) {
    return count(id, Map.of(field, n));
  }

  /**
   * Adds to several of the broadcast's counts at once: the commands go together, in one round trip.
   */
  public Future<Void> count(String id, Map<String, Long> counts) {
    if (id == null) {
      return Future.succeededFuture();
    }
    List<Future<?>> all = new ArrayList<>();
    counts.forEach(
        (field, n) -> {
          if (n != 0) {
            all.add(redis.call(c -> c.hincrby(key(id), field, n)));
          }
        });
    if (all.isEmpty()) {
      return Future.succeededFuture();
    }
    all.add(redis.call(c -> c.expire(key(id), KEEP_SECONDS)));
    return Future.all(all).mapEmpty();
  }

  /** Remembers which broadcast a provider's message id belongs to, for its delivery report. */
  public Future<Void> sent(String messageId, String providerId) {
    String id = of(messageId);
    if (id == null) {
      return Future.succeededFuture();
    }
    return Future.all(
            count(id, "sent", 1),
            redis.call(c -> c.setex("broadcast:sid:" + providerId, 7L * 24 * 3600, id)))
        .mapEmpty();
  }

  /** Counts a provider's report that a broadcast message was delivered. */
  public Future<Void> delivered(String providerId) {
    return redis
        .call(c -> c.get("broadcast:sid:" + providerId))
        .compose(id -> count(id, "delivered", 1));
  }

  /** The broadcast's progress, or null when there is none. */
  public Future<JsonObject> progress(String id) {
    return redis
        .call(c -> c.hgetall(key(id)))
        .map(
            h -> {
              if (h.isEmpty()) {
                return null;
              }
              JsonObject j = new JsonObject().put("id", id);
              for (String f :
                  new String[] {
                    "recipients", "queued", "sent", "delivered", "failed", "optedOut", "held"
                  }) {
                j.put(f, Long.parseLong(h.getOrDefault(f, "0")));
              }
              return j;
            });
  }

  /** Starts counting a broadcast to {@code recipients} people. */
  public Future<Void> start(String id, long recipients) {
    return Future.all(
            redis.call(
                c ->
                    c.hset(
                        key(id),
                        Map.of(
                            "recipients", Long.toString(recipients),
                            "queued", "0",
                            "held", "0"))),
            redis.call(c -> c.expire(key(id), KEEP_SECONDS)))
        .mapEmpty();
  }
}
