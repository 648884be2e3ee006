package org.beatline.concern;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.beatline.redis.Redis;

/**
 * Who answers a neighbourhood's concerns, as staff set it: a primary liaison, a backup, and how
 * many hours a concern may wait for acknowledgement before it escalates.
 */
public final class Routing {
  private final Redis redis;

  public Routing(Redis redis) {
    this.redis = redis;
  }

  /**
   * One neighbourhood's routing.
   *
   * @param ackDeadlineHours null for the department profile's working days
   */
  public record Rule(String primary, String backup, Integer ackDeadlineHours) {
    public JsonObject toJson() {
      return new JsonObject()
          .put("primary", primary)
          .put("backup", backup)
          .put("ackDeadlineHours", ackDeadlineHours);
    }
  }

  private static String key(String neighbourhood) {
    return "routing:" + neighbourhood;
  }

  public Future<Void> set(String neighbourhood, Rule rule) {
    return redis.call(c -> c.set(key(neighbourhood), rule.toJson().encode())).mapEmpty();
  }

  /** The neighbourhood's rule, or null when staff set none. */
  public Future<Rule> get(String neighbourhood) {
    if (neighbourhood == null) {
      return Future.succeededFuture(null);
    }
    return redis
        .call(c -> c.get(key(neighbourhood)))
        .map(
            json -> {
              if (json == null) {
                return null;
              }
              JsonObject j = new JsonObject(json);
              return new Rule(
                  j.getString("primary"), j.getString("backup"), j.getInteger("ackDeadlineHours"));
            });
  }
}
