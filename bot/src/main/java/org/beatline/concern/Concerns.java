package org.beatline.concern;

import io.lettuce.core.SetArgs;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.beatline.conversation.Facts;
import org.beatline.redis.Redis;

/**
 * Residents' concerns as cases in Redis, each under a reference the resident can quote. Routing to
 * officers reads the same cases.
 */
public final class Concerns {
  private static final String SEQ = "concern:seq";
  private static final long TURN_SECONDS = 48L * 3600;
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
   * A new reference, drawn only when a turn creates a concern. A provider's retry of the same
   * message ({@code turnKey}, null when the channel never retries) gets the same reference, so the
   * concern is not created twice under two numbers. Unique across instances: the department's
   * prefix and a running number.
   */
  public Future<String> referenceFor(String turnKey) {
    Future<String> drawn =
        redis
            .call(c -> c.setnx(SEQ, "1000"))
            .compose(v -> redis.call(c -> c.incr(SEQ)))
            .map(n -> prefix + "-" + n);
    if (turnKey == null) {
      return drawn;
    }
    String held = "concern:turn:" + turnKey;
    return drawn
        .compose(ref -> redis.call(c -> c.set(held, ref, SetArgs.Builder.nx().ex(TURN_SECONDS))))
        .compose(ok -> redis.call(c -> c.get(held)));
  }

  /**
   * Stores a new concern from the conversation, linked to the contact who reported it; storing the
   * same reference again changes nothing.
   */
  public Future<Void> create(Concern e) {
    Instant now = e.created();
    Map<String, String> fields = new HashMap<>();
    fields.put("status", e.status());
    fields.put("created", now.toString());
    fields.put("what", e.what() == null ? "" : e.what());
    fields.put("where", e.where() == null ? "" : e.where());
    fields.put("neighbourhood", e.neighbourhood() == null ? "" : e.neighbourhood());
    fields.put("contactPreference", e.contactPreference() == null ? "" : e.contactPreference());
    fields.put("contactDetail", e.contactDetail() == null ? "" : e.contactDetail());
    fields.put("language", e.language() == null ? "" : e.language());
    fields.put("category", e.category() == null ? "" : e.category());
    fields.put("contact", e.contact());
    String key = key(e.reference());
    return redis
        .call(c -> c.hsetnx(key, "reference", e.reference()))
        .compose(
            fresh ->
                !fresh
                    ? Future.succeededFuture()
                    : redis
                        .call(c -> c.hset(key, fields))
                        .compose(
                            n -> redis.call(c -> c.lpush(byContact(e.contact()), e.reference())))
                        .compose(
                            n ->
                                redis.call(
                                    c ->
                                        c.zadd("concerns:open", now.toEpochMilli(), e.reference())))
                        .mapEmpty());
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
