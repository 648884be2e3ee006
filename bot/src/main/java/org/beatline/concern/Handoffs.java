package org.beatline.concern;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.beatline.redis.Redis;

/** Questions the bot could not answer, passed to a person who replies through the line. */
public final class Handoffs {
  static final String KEY = "handoffs";
  private final Redis redis;

  public Handoffs(Redis redis) {
    this.redis = redis;
  }

  public Future<Void> add(
      String intent,
      String question,
      String neighbourhood,
      String language,
      String contactKey,
      Instant at) {
    JsonObject entry =
        new JsonObject()
            .put("intent", intent)
            .put("question", question)
            .put("neighbourhood", neighbourhood)
            .put("language", language)
            .put("contact", contactKey)
            .put("at", at.toString());
    return redis.call(c -> c.rpush(KEY, entry.encode())).mapEmpty();
  }
}
