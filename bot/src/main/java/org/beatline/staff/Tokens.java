package org.beatline.staff;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import org.beatline.redis.Redis;

/**
 * Machine tokens for integrations, each with a role. A token reads {@code bl_<id>_<secret>}; only
 * the secret's digest is stored, so the token is shown once, when it is made.
 */
public final class Tokens {
  private static final String INDEX = "staff:tokens";
  private final Redis redis;

  public Tokens(Redis redis) {
    this.redis = redis;
  }

  /** A token's record, never its secret. */
  public record Token(String id, String name, Role role, Instant createdAt, String createdBy) {
    public JsonObject toJson() {
      return new JsonObject()
          .put("id", id)
          .put("name", name)
          .put("role", role.id())
          .put("createdAt", createdAt.toString())
          .put("createdBy", createdBy);
    }
  }

  /** A token just made, with the secret the caller is shown once. */
  public record Made(Token token, String secret) {}

  private static String key(String id) {
    return "staff:token:" + id;
  }

  /** Makes a token. */
  public Future<Made> create(String name, Role role, String createdBy, Instant at) {
    String id = Secrets.random(9).replace('-', 'x').replace('_', 'y');
    String secret = "bl_" + id + "_" + Secrets.random(32);
    Token t = new Token(id, name, role, at, createdBy);
    String stored = t.toJson().put("digest", Secrets.digest(secret)).encode();
    return redis
        .call(c -> c.set(key(id), stored))
        .compose(v -> redis.call(c -> c.zadd(INDEX, at.toEpochMilli(), id)))
        .map(new Made(t, secret));
  }

  /** The token a bearer secret names, or null when it names none. */
  public Future<Token> find(String secret) {
    String[] parts = secret.split("_", 3);
    if (parts.length != 3 || !"bl".equals(parts[0]) || parts[1].length() != 12) {
      return Future.succeededFuture(null);
    }
    return redis
        .call(c -> c.get(key(parts[1])))
        .map(
            v -> {
              if (v == null) {
                return null;
              }
              JsonObject j = new JsonObject(v);
              boolean same =
                  MessageDigest.isEqual(
                      j.getString("digest").getBytes(StandardCharsets.UTF_8),
                      Secrets.digest(secret).getBytes(StandardCharsets.UTF_8));
              return same ? from(j) : null;
            });
  }

  /** Every token, oldest first. */
  public Future<List<Token>> all() {
    return redis
        .call(c -> c.zrange(INDEX, 0, -1))
        .compose(
            ids ->
                ids.isEmpty()
                    ? Future.succeededFuture(List.<Token>of())
                    : redis
                        .call(c -> c.mget(ids.stream().map(Tokens::key).toArray(String[]::new)))
                        .map(
                            kvs ->
                                kvs.stream()
                                    .filter(kv -> kv.hasValue())
                                    .map(kv -> from(new JsonObject(kv.getValue())))
                                    .toList()));
  }

  /** Revokes a token; false when there was none. */
  public Future<Boolean> revoke(String id) {
    return redis
        .call(c -> c.del(key(id)))
        .compose(n -> redis.call(c -> c.zrem(INDEX, id)).map(n > 0));
  }

  private static Token from(JsonObject j) {
    return new Token(
        j.getString("id"),
        j.getString("name"),
        Role.of(j.getString("role")).orElse(Role.VIEWER),
        Instant.parse(j.getString("createdAt")),
        j.getString("createdBy"));
  }
}
