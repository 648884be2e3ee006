package org.beatline.roster;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.beatline.redis.Redis;

/** Sign-ups for the citizens' academy and volunteer roles, the lists their coordinators work. */
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
}
