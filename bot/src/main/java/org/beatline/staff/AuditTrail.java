package org.beatline.staff;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.XAddArgs;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.beatline.redis.Redis;

/**
 * Every change staff and machine tokens make, and every sign-in, with who made it, kept in a Redis
 * stream of the newest {@link #KEEP} entries. Request bodies are not kept: they may hold passwords
 * and residents' words.
 */
public final class AuditTrail {
  static final String STREAM = "staff:audit";
  static final long KEEP = 200_000;
  private final Redis redis;

  public AuditTrail(Redis redis) {
    this.redis = redis;
  }

  /** Records one change. */
  public Future<Void> record(
      String actor, String role, String method, String path, int status, Instant at) {
    Map<String, String> entry =
        Map.of(
            "at", at.toString(),
            "actor", actor,
            "role", role,
            "method", method,
            "path", path,
            "status", Integer.toString(status));
    return redis
        .call(c -> c.xadd(STREAM, XAddArgs.Builder.maxlen(KEEP).approximateTrimming(), entry))
        .mapEmpty();
  }

  /** Up to {@code limit} entries older than the entry {@code before} (null: the newest). */
  public Future<List<JsonObject>> page(String before, int limit) {
    Range<String> range =
        before == null
            ? Range.create("-", "+")
            : Range.from(Range.Boundary.unbounded(), Range.Boundary.excluding(before));
    return redis
        .call(c -> c.xrevrange(STREAM, range, Limit.from(limit)))
        .map(
            msgs ->
                msgs.stream()
                    .map(
                        m -> {
                          var b = m.getBody();
                          return new JsonObject()
                              .put("id", m.getId())
                              .put("at", b.get("at"))
                              .put("actor", b.get("actor"))
                              .put("role", b.get("role"))
                              .put("method", b.get("method"))
                              .put("path", b.get("path"))
                              .put("status", Integer.parseInt(b.get("status")));
                        })
                    .toList());
  }
}
