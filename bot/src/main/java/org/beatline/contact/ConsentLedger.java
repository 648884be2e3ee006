package org.beatline.contact;

import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.beatline.config.Tokens;
import org.beatline.redis.Redis;

/**
 * Every change of consent, appended to a Redis stream: when, on which channel, a keyed hash of the
 * address (never the address itself), what changed and why. Changing a contact's consent goes
 * through here so that no change is left unrecorded.
 */
public final class ConsentLedger {
  static final String STREAM = "consent:ledger";
  private static final String SECRET_KEY = "secret:address-hash";

  private final Redis redis;
  private final Contacts contacts;
  private volatile Mac mac;

  /**
   * A ledger whose keyed hashes use {@code hashKey} (from the environment, so that the key is not
   * stored beside the hashes); without one, a key kept in Redis, for development.
   */
  public ConsentLedger(Redis redis, Contacts contacts, String hashKey) {
    this(redis, contacts);
    if (hashKey != null) {
      this.mac = hmac(hashKey);
    }
  }

  public ConsentLedger(Redis redis, Contacts contacts) {
    this.redis = redis;
    this.contacts = contacts;
  }

  /** One entry of the ledger. */
  public record Entry(
      String id,
      Instant at,
      String channel,
      String addressHash,
      String change,
      String reason,
      String topic) {}

  /**
   * Sets the contact's consent and records the change.
   *
   * @param reason the keyword they sent, or why the change happened (a provider error code)
   */
  public Future<Void> change(
      String channel, String address, Contact.Consent consent, String reason, Instant at) {
    return hash(address)
        .compose(
            h -> {
              Map<String, String> fields = new LinkedHashMap<>();
              fields.put("at", at.toString());
              fields.put("channel", channel);
              fields.put("address", h);
              fields.put("change", consent == Contact.Consent.OPTED_OUT ? "opt_out" : "opt_in");
              fields.put("reason", reason);
              return redis.call(c -> c.xadd(STREAM, fields));
            })
        .compose(id -> contacts.setConsent(channel, address, consent));
  }

  /**
   * Records consent to one topic (meeting announcements for a neighbourhood) or its withdrawal, and
   * keeps the contact's topic set in step.
   */
  public Future<Void> topic(Contact contact, String topic, boolean consent, Instant at) {
    String member = topic;
    return hash(contact.address())
        .compose(
            h -> {
              Map<String, String> fields = new LinkedHashMap<>();
              fields.put("at", at.toString());
              fields.put("channel", contact.channel());
              fields.put("address", h);
              fields.put("change", consent ? "topic_in" : "topic_out");
              fields.put("reason", "conversation");
              fields.put("topic", topic);
              return redis.call(c -> c.xadd(STREAM, fields));
            })
        .compose(
            id ->
                consent
                    ? redis.call(c -> c.sadd("subs:" + contact.key(), member))
                    : redis.call(c -> c.srem("subs:" + contact.key(), member)))
        .compose(
            n ->
                consent
                    ? redis.call(c -> c.sadd(subscribers(member), contact.key()))
                    : redis.call(c -> c.srem(subscribers(member), contact.key())))
        .mapEmpty();
  }

  /**
   * The index of who consented to a topic ({@code meetings.announcements|eastside}): contact keys,
   * so that a broadcast finds its recipients without scanning every contact.
   */
  public static String subscribers(String topic) {
    return "topic:" + topic;
  }

  /** The contacts who consented to {@code topic}; consent itself is checked again at send time. */
  public Future<java.util.Set<String>> subscribersOf(String topic) {
    return redis.call(c -> c.smembers(subscribers(topic)));
  }

  /**
   * Up to {@code count} entries older than the entry {@code before} (null: the newest), newest
   * first.
   */
  public Future<List<Entry>> recent(String before, int count) {
    io.lettuce.core.Range<String> range =
        before == null
            ? io.lettuce.core.Range.create("-", "+")
            : io.lettuce.core.Range.from(
                io.lettuce.core.Range.Boundary.unbounded(),
                io.lettuce.core.Range.Boundary.excluding(before));
    return redis
        .call(c -> c.xrevrange(STREAM, range, io.lettuce.core.Limit.from(count)))
        .map(
            msgs ->
                msgs.stream()
                    .map(
                        m ->
                            new Entry(
                                m.getId(),
                                Instant.parse(m.getBody().get("at")),
                                m.getBody().get("channel"),
                                m.getBody().get("address"),
                                m.getBody().get("change"),
                                m.getBody().get("reason"),
                                m.getBody().get("topic")))
                    .toList());
  }

  /** A keyed hash of an address, the same on every instance that shares the Redis. */
  public Future<String> hash(String address) {
    return mac()
        .map(
            m -> {
              synchronized (m) {
                return HexFormat.of()
                    .formatHex(m.doFinal(address.getBytes(StandardCharsets.UTF_8)))
                    .substring(0, 32);
              }
            });
  }

  private Future<Mac> mac() {
    Mac current = mac;
    if (current != null) {
      return Future.succeededFuture(current);
    }
    String candidate = Tokens.random();
    return redis
        .call(c -> c.setnx(SECRET_KEY, candidate))
        .compose(ignored -> redis.call(c -> c.get(SECRET_KEY)))
        .map(
            secret -> {
              Mac m = hmac(secret);
              mac = m;
              return m;
            });
  }

  private static Mac hmac(String secret) {
    try {
      Mac m = Mac.getInstance("HmacSHA256");
      m.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return m;
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
