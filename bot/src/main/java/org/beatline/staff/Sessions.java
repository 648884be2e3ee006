package org.beatline.staff;

import io.lettuce.core.SetArgs;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import org.beatline.redis.Redis;

/**
 * Signed-in staff sessions. The cookie holds a random id; Redis holds only its digest, the login
 * and the session's cross-site request token. A session ends at logout or after {@link #LENGTH},
 * and all of an account's sessions end when it is disabled, deleted or given a new password.
 */
public final class Sessions {
  /** How long a session lasts after sign-in. */
  public static final Duration LENGTH = Duration.ofHours(12);

  private final Redis redis;

  public Sessions(Redis redis) {
    this.redis = redis;
  }

  /** A session as Redis keeps it. */
  public record Session(String login, String csrf) {}

  /** The cookie value and the session it opens. */
  public record Opened(String id, Session session) {}

  private static String key(String id) {
    return "staff:session:" + Secrets.digest(id);
  }

  private static String ofLogin(String login) {
    return "staff:sessions:" + login;
  }

  /** Opens a session for {@code login}. */
  public Future<Opened> open(String login, Instant at) {
    String id = Secrets.random(32);
    Session s = new Session(login, Secrets.random(24));
    String value =
        new JsonObject()
            .put("login", login)
            .put("csrf", s.csrf())
            .put("at", at.toString())
            .encode();
    long ttl = LENGTH.toSeconds();
    return redis
        .call(c -> c.set(key(id), value, SetArgs.Builder.ex(ttl)))
        .compose(v -> redis.call(c -> c.sadd(ofLogin(login), key(id))))
        .compose(v -> redis.call(c -> c.expire(ofLogin(login), ttl)))
        .map(new Opened(id, s));
  }

  /** The session behind a cookie value, or null. */
  public Future<Session> find(String id) {
    if (id == null || id.length() > 100) {
      return Future.succeededFuture(null);
    }
    return redis
        .call(c -> c.get(key(id)))
        .map(
            v -> {
              if (v == null) {
                return null;
              }
              JsonObject j = new JsonObject(v);
              return new Session(j.getString("login"), j.getString("csrf"));
            });
  }

  /** Ends one session. */
  public Future<Void> close(String id) {
    return id == null ? Future.succeededFuture() : redis.call(c -> c.del(key(id))).mapEmpty();
  }

  /** Ends every session of {@code login}. */
  public Future<Void> closeAll(String login) {
    return redis
        .call(c -> c.smembers(ofLogin(login)))
        .compose(
            members -> {
              java.util.List<String> keys = new java.util.ArrayList<>(members);
              keys.add(ofLogin(login));
              return redis.call(c -> c.del(keys.toArray(String[]::new)));
            })
        .mapEmpty();
  }
}
