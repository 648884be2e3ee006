package org.beatline.roster;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.beatline.redis.Redis;

/**
 * Sign-ups for the citizens' academy and volunteer roles, and questions passed to a person: lists
 * the coordinators and liaison officers work through.
 */
public final class Roster {
  private final Redis redis;

  public Roster(Redis redis) {
    this.redis = redis;
  }

  /** Adds a sign-up to the programme's roster. */
  public Future<Void> enroll(
      String program,
      String name,
      String neighbourhood,
      String interest,
      String contactKey,
      Instant at) {
    JsonObject entry =
        new JsonObject()
            .put("name", name)
            .put("neighbourhood", neighbourhood)
            .put("interest", interest)
            .put("contact", contactKey)
            .put("at", at.toString());
    return redis.call(c -> c.rpush("roster:" + program, entry.encode())).mapEmpty();
  }

  /** Queues a question the bot could not answer for a person to take up. */
  public Future<Void> handoff(
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
    return redis.call(c -> c.rpush("handoffs", entry.encode())).mapEmpty();
  }

  /** Counts whether an answer helped. */
  public Future<Void> feedback(String intent, boolean helpful) {
    return redis
        .call(c -> c.hincrby("feedback:" + intent, helpful ? "helpful" : "unhelpful", 1))
        .mapEmpty();
  }
}
