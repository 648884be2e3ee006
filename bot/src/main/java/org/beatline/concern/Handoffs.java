package org.beatline.concern;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.beatline.conversation.Facts;
import org.beatline.redis.Redis;

/**
 * Questions the bot could not answer, passed to a person who replies through the line: all of them
 * for staff, and each contact's recent ones (when, the start of the question, masked) so that
 * STATUS can tell the resident what became of them.
 */
public final class Handoffs {
  static final String KEY = "handoffs";

  /** A contact's handoffs kept for STATUS: the newest ten, for 90 days after the last one. */
  static final int KEEP = 10;

  static final Duration KEPT_FOR = Duration.ofDays(90);
  private final Redis redis;

  public Handoffs(Redis redis) {
    this.redis = redis;
  }

  static String byContact(String contactKey) {
    return "handoffs:contact:" + contactKey;
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
    // Staff have no way yet to mark a handoff answered; the field is there for when they do.
    JsonObject theirs =
        new JsonObject()
            .put("at", at.toString())
            .put("question", Excerpts.of(question))
            .put("answered", false);
    String mine = byContact(contactKey);
    return redis
        .call(c -> c.rpush(KEY, entry.encode()))
        .compose(n -> redis.call(c -> c.lpush(mine, theirs.encode())))
        .compose(n -> redis.call(c -> c.ltrim(mine, 0, KEEP - 1)))
        .compose(ok -> redis.call(c -> c.expire(mine, KEPT_FOR.toSeconds())))
        .mapEmpty();
  }

  /** The contact's recent handoffs, newest first, as the conversation engine reads them. */
  public Future<List<Facts.Handoff>> forContact(String contactKey) {
    return redis
        .call(c -> c.lrange(byContact(contactKey), 0, KEEP - 1))
        .map(list -> list.stream().map(Handoffs::view).toList());
  }

  private static Facts.Handoff view(String json) {
    JsonObject j = new JsonObject(json);
    return new Facts.Handoff(
        Instant.parse(j.getString("at")),
        j.getString("question", ""),
        j.getBoolean("answered", false));
  }
}
