package org.beatline.concern;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.beatline.conversation.Effect;
import org.beatline.conversation.Facts;
import org.beatline.redis.Redis;

/**
 * Residents' concerns as cases in Redis, each under a reference the resident can quote. Routing to
 * officers reads the same cases.
 */
public final class Concerns {
  private static final String SEQ = "concern:seq";
  private final Redis redis;
  private final String prefix;

  public Concerns(Redis redis, String referencePrefix) {
    this.redis = redis;
    this.prefix = referencePrefix;
  }

  static String key(String reference) {
    return "concern:" + reference;
  }

  static String byContact(String contactKey) {
    return "concerns:contact:" + contactKey;
  }

  /**
   * The reference the contact's next concern will get: reserved once and kept until a concern is
   * created with it, so that asking on every message does not use up numbers. Unique across
   * instances: the department's prefix and a running number.
   */
  public Future<String> reserveReference(String contactKey) {
    String pending = "concern:pending:" + contactKey;
    return redis
        .call(c -> c.get(pending))
        .compose(
            held ->
                held != null
                    ? Future.succeededFuture(held)
                    : redis
                        .call(c -> c.setnx(SEQ, "1000"))
                        .compose(v -> redis.call(c -> c.incr(SEQ)))
                        .map(n -> prefix + "-" + n)
                        .compose(
                            ref ->
                                redis.call(c -> c.setex(pending, 7L * 24 * 3600, ref)).map(ref)));
  }

  /** Stores a new concern from the conversation, linked to the contact who reported it. */
  public Future<Void> create(Effect.CreateConcern e, String contactKey, Instant now) {
    Map<String, String> fields = new HashMap<>();
    fields.put("reference", e.reference());
    fields.put("status", "received");
    fields.put("created", now.toString());
    fields.put("what", e.what() == null ? "" : e.what());
    fields.put("where", e.where() == null ? "" : e.where());
    fields.put("neighbourhood", e.neighbourhood() == null ? "" : e.neighbourhood());
    fields.put("contactPreference", e.contactPreference() == null ? "" : e.contactPreference());
    fields.put("contactDetail", e.contactDetail() == null ? "" : e.contactDetail());
    fields.put("language", e.language() == null ? "" : e.language());
    fields.put("category", e.category() == null ? "" : e.category());
    fields.put("contact", contactKey);
    return redis
        .call(c -> c.hset(key(e.reference()), fields))
        .compose(n -> redis.call(c -> c.lpush(byContact(contactKey), e.reference())))
        .compose(n -> redis.call(c -> c.zadd("concerns:open", now.toEpochMilli(), e.reference())))
        .compose(n -> redis.call(c -> c.del("concern:pending:" + contactKey)))
        .mapEmpty();
  }

  /** The contact's concerns, newest first (at most 10). */
  public Future<List<Facts.Concern>> forContact(String contactKey) {
    return redis
        .call(c -> c.lrange(byContact(contactKey), 0, 9))
        .compose(
            refs -> {
              Future<List<Facts.Concern>> all = Future.succeededFuture(new java.util.ArrayList<>());
              for (String ref : refs) {
                all =
                    all.compose(
                        list ->
                            redis
                                .call(c -> c.hgetall(key(ref)))
                                .map(
                                    h -> {
                                      if (!h.isEmpty()) {
                                        list.add(
                                            new Facts.Concern(
                                                ref,
                                                h.get("status"),
                                                Instant.parse(h.get("created")),
                                                h.get("neighbourhood").isEmpty()
                                                    ? null
                                                    : h.get("neighbourhood")));
                                      }
                                      return list;
                                    }));
              }
              return all;
            });
  }
}
