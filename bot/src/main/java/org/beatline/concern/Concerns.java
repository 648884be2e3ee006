package org.beatline.concern;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.SetArgs;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.beatline.conversation.Facts;
import org.beatline.redis.Redis;

/**
 * Residents' concerns as cases in Redis, each under a reference the resident can quote: the case,
 * its thread (what the resident and officers wrote), its progress records and its audit trail.
 */
public final class Concerns {
  private static final String SEQ = "concern:seq";
  private static final String ALL = "concerns:all";
  private static final long TURN_SECONDS = 48L * 3600;
  private static final String OFFICER_WROTE = "officerWrote";
  private static final String OFFICER_WORDS = "officerWords";
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

  /** The department's prefix of references ({@code RIV}). */
  public String prefix() {
    return prefix;
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
   * Stores a new concern, linked to the contact who reported it; true when it is new (storing the
   * same reference again changes nothing).
   */
  public Future<Boolean> create(Concern e) {
    String key = key(e.reference());
    return redis
        .call(c -> c.hsetnx(key, "reference", e.reference()))
        .compose(
            fresh ->
                !fresh
                    ? Future.succeededFuture(false)
                    : save(e)
                        .compose(
                            v -> redis.call(c -> c.lpush(byContact(e.contact()), e.reference())))
                        .compose(
                            n ->
                                redis.call(
                                    c -> c.zadd(ALL, e.created().toEpochMilli(), e.reference())))
                        .map(true));
  }

  /** Writes the case's fields (its state, its officer, when it last changed). */
  public Future<Void> save(Concern e) {
    Map<String, String> f = new HashMap<>();
    f.put("reference", e.reference());
    f.put("contact", e.contact());
    f.put("what", orEmpty(e.what()));
    f.put("where", orEmpty(e.where()));
    f.put("neighbourhood", orEmpty(e.neighbourhood()));
    f.put("contactPreference", orEmpty(e.contactPreference()));
    f.put("contactDetail", orEmpty(e.contactDetail()));
    f.put("language", orEmpty(e.language()));
    f.put("category", orEmpty(e.category()));
    f.put("state", e.state());
    f.put("officer", orEmpty(e.officer()));
    f.put("created", e.created().toString());
    f.put("updated", e.updated().toString());
    return redis.call(c -> c.hset(key(e.reference()), f)).mapEmpty();
  }

  /** One case, or null. */
  public Future<Concern> find(String reference) {
    return redis.call(c -> c.hgetall(key(reference))).map(Concerns::read);
  }

  /** The newest cases first, at most {@code limit}, created before {@code before} (a cursor). */
  public Future<List<Concern>> recent(long before, int limit) {
    return redis
        .call(
            c ->
                c.zrevrangebyscore(
                    ALL,
                    Range.create((double) Long.MIN_VALUE, (double) before - 1),
                    Limit.create(0, limit)))
        .compose(this::load);
  }

  /** The fields a case's first answer and its resolution are kept in. */
  static final String ANSWERED = "answeredAt";

  static final String RESOLVED = "resolvedAt";

  /**
   * Notes when a case reached a milestone ({@link #ANSWERED}, {@link #RESOLVED}); the first wins.
   */
  Future<Void> mark(String reference, String milestone, Instant at) {
    return redis.call(c -> c.hsetnx(key(reference), milestone, at.toString())).mapEmpty();
  }

  /**
   * The times of the cases created from {@code from} (inclusive) to {@code to} (exclusive), oldest
   * first, at most {@code limit}.
   */
  public Future<List<CaseTimes>> timesBetween(Instant from, Instant to, int limit) {
    return redis
        .call(
            c ->
                c.zrangebyscore(
                    ALL,
                    Range.create((double) from.toEpochMilli(), (double) to.toEpochMilli() - 1),
                    Limit.create(0, limit)))
        .compose(
            refs -> {
              List<Future<CaseTimes>> all = new ArrayList<>();
              for (String ref : refs) {
                all.add(
                    redis
                        .call(
                            c ->
                                c.hmget(
                                    key(ref),
                                    "neighbourhood",
                                    "category",
                                    "officer",
                                    "created",
                                    ANSWERED,
                                    RESOLVED))
                        .map(
                            v ->
                                v.get(3).hasValue()
                                    ? new CaseTimes(
                                        ref,
                                        blankToNull(v.get(0).getValueOrElse(null)),
                                        blankToNull(v.get(1).getValueOrElse(null)),
                                        blankToNull(v.get(2).getValueOrElse(null)),
                                        Instant.parse(v.get(3).getValue()),
                                        instantOrNull(v.get(4).getValueOrElse(null)),
                                        instantOrNull(v.get(5).getValueOrElse(null)))
                                    : null));
              }
              return Future.all(all)
                  .map(v -> all.stream().map(Future::result).filter(t -> t != null).toList());
            });
  }

  private static Instant instantOrNull(String s) {
    return s == null || s.isEmpty() ? null : Instant.parse(s);
  }

  private Future<List<Concern>> load(List<String> refs) {
    List<Future<Concern>> all = new ArrayList<>();
    refs.forEach(r -> all.add(find(r)));
    return Future.all(all)
        .map(v -> all.stream().map(Future::result).filter(c -> c != null).toList());
  }

  /**
   * Appends to one of the case's records: {@code thread}, {@code progress} or {@code audit}. What
   * an officer writes in the thread is also kept on the case, its start only, for STATUS to quote
   * without reading the whole thread on every message.
   */
  public Future<Void> append(String reference, String record, JsonObject entry) {
    Future<Long> appended = redis.call(c -> c.rpush(key(reference) + ":" + record, entry.encode()));
    if (!"thread".equals(record) || !"officer".equals(entry.getString("from"))) {
      return appended.mapEmpty();
    }
    Map<String, String> last =
        Map.of(
            OFFICER_WROTE, entry.getString("at"),
            OFFICER_WORDS, Excerpts.of(entry.getString("text", "")));
    return appended.compose(n -> redis.call(c -> c.hset(key(reference), last))).mapEmpty();
  }

  /** One of the case's records, oldest first. */
  public Future<List<JsonObject>> record(String reference, String record) {
    return redis
        .call(c -> c.lrange(key(reference) + ":" + record, 0, -1))
        .map(l -> l.stream().map(JsonObject::new).toList());
  }

  /** The contact's concerns, newest first (at most 10), as the conversation engine reads them. */
  public Future<List<Facts.Concern>> forContact(String contactKey) {
    return redis
        .call(c -> c.lrange(byContact(contactKey), 0, 9))
        .compose(
            refs -> {
              List<Future<Map<String, String>>> all = new ArrayList<>();
              refs.forEach(r -> all.add(redis.call(c -> c.hgetall(key(r)))));
              return Future.all(all).map(v -> all.stream().map(Future::result).toList());
            })
        .map(list -> list.stream().map(Concerns::view).filter(c -> c != null).toList());
  }

  /**
   * The states the engine's STATUS texts know (new cases are "received", resolved "closed") and
   * what the officer last wrote; null for a case that cannot be read.
   */
  private static Facts.Concern view(Map<String, String> h) {
    Concern c = read(h);
    if (c == null) {
      return null;
    }
    String status =
        switch (c.state()) {
          case Concern.NEW -> "received";
          case Concern.RESOLVED -> "closed";
          default -> c.state();
        };
    String wrote = h.get(OFFICER_WROTE);
    return new Facts.Concern(
        c.reference(),
        status,
        c.created(),
        c.neighbourhood(),
        wrote == null ? null : Instant.parse(wrote),
        h.get(OFFICER_WORDS));
  }

  private static Concern read(Map<String, String> h) {
    if (h == null || h.isEmpty() || h.get("created") == null) {
      return null;
    }
    Instant created = Instant.parse(h.get("created"));
    String state = h.getOrDefault("state", h.get("status"));
    return new Concern(
        h.get("reference"),
        h.get("contact"),
        h.get("what"),
        h.get("where"),
        blankToNull(h.get("neighbourhood")),
        blankToNull(h.get("contactPreference")),
        blankToNull(h.get("contactDetail")),
        blankToNull(h.get("language")),
        blankToNull(h.get("category")),
        state == null || "received".equals(state) ? Concern.NEW : state,
        blankToNull(h.get("officer")),
        created,
        h.get("updated") == null ? created : Instant.parse(h.get("updated")));
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  private static String blankToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
