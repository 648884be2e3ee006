package org.beatline.pipeline;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.beatline.message.Masking;
import org.beatline.message.Understood;
import org.beatline.redis.Redis;

/**
 * What residents asked that the bot could not confidently understand, kept (masked, capped) so
 * staff can read it and improve the answers and the examples.
 */
public final class Unrecognized {
  static final String KEY = "nlu:unrecognized";
  private static final int KEEP = 1000;
  private final Redis redis;

  public Unrecognized(Redis redis) {
    this.redis = redis;
  }

  /** Keeps one message: its text with phone numbers and emails masked, never who sent it. */
  public Future<Void> keep(String channel, Understood u, Instant at) {
    JsonObject entry =
        u.toJson()
            .put("text", Masking.text(u.text()))
            .put("channel", channel)
            .put("at", at.toString());
    entry.remove("emergency");
    return redis
        .call(c -> c.lpush(KEY, entry.encode()))
        .compose(n -> redis.call(c -> c.ltrim(KEY, 0, KEEP - 1)))
        .mapEmpty();
  }

  /** Up to {@code limit} messages, newest first, skipping the newest {@code offset}. */
  public Future<List<JsonObject>> recent(int offset, int limit) {
    return redis
        .call(c -> c.lrange(KEY, offset, offset + Math.max(0, limit - 1)))
        .map(list -> list.stream().map(JsonObject::new).toList());
  }
}
