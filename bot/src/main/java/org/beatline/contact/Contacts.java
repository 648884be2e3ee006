package org.beatline.contact;

import io.lettuce.core.KeyValue;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.beatline.redis.Redis;

/** Contacts in Redis: one hash per channel and address, created on the first message. */
public final class Contacts {
  private final Redis redis;

  public Contacts(Redis redis) {
    this.redis = redis;
  }

  static String key(String channel, String address) {
    return "contact:" + channel + ":" + address;
  }

  /** Finds the contact, or creates it, and records that it was seen now. */
  public Future<Contact> touch(String channel, String address, Instant now) {
    String key = key(channel, address);
    String ms = Long.toString(now.toEpochMilli());
    // The three commands go out together (one round trip): Redis runs them in the order sent.
    return redis.call(
        c -> {
          var created = c.hsetnx(key, "created", ms).toCompletableFuture();
          var seen = c.hset(key, Map.of("seen", ms)).toCompletableFuture();
          var hash = c.hgetall(key).toCompletableFuture();
          return CompletableFuture.allOf(created, seen, hash)
              .thenApply(v -> Contact.fromHash(channel, address, hash.join(), created.join()));
        });
  }

  /** The contact, or null when Beatline has never heard from this address. */
  public Future<Contact> find(String channel, String address) {
    return redis
        .call(c -> c.hgetall(key(channel, address)))
        .map(h -> h.isEmpty() ? null : Contact.fromHash(channel, address, h, false));
  }

  /**
   * The language of each of many contacts ({@code channel:address} keys, as the consent ledger's
   * topic index holds them) in one pipelined round trip: contacts that do not exist are left out,
   * one without a language maps to an empty string.
   */
  public Future<Map<String, String>> languages(List<String> contactKeys) {
    return redis.call(
        c -> {
          List<CompletableFuture<List<KeyValue<String, String>>>> each = new ArrayList<>();
          for (String k : contactKeys) {
            each.add(c.hmget("contact:" + k, "created", "language").toCompletableFuture());
          }
          return CompletableFuture.allOf(each.toArray(CompletableFuture<?>[]::new))
              .thenApply(
                  v -> {
                    Map<String, String> out = new HashMap<>();
                    for (int i = 0; i < contactKeys.size(); i++) {
                      List<KeyValue<String, String>> f = each.get(i).join();
                      if (f.get(0).hasValue()) {
                        out.put(contactKeys.get(i), f.get(1).getValueOrElse(""));
                      }
                    }
                    return out;
                  });
        });
  }

  public Future<Void> setLanguage(Contact contact, String language) {
    return redis
        .call(c -> c.hset(key(contact.channel(), contact.address()), "language", language))
        .mapEmpty();
  }

  Future<Void> setConsent(String channel, String address, Contact.Consent consent) {
    return redis.call(c -> c.hset(key(channel, address), "consent", consent.name())).mapEmpty();
  }

  /** Notes that the provider cannot deliver to this address, and why. */
  public Future<Void> undeliverable(String channel, String address, String code) {
    String key = key(channel, address);
    return redis
        .call(c -> c.exists(key))
        .compose(
            n ->
                n == 0
                    ? Future.<Void>succeededFuture()
                    : redis
                        .call(
                            c ->
                                c.hset(
                                    key,
                                    Map.of(
                                        "undeliverable",
                                        code,
                                        "undeliverableAt",
                                        Instant.now().toString())))
                        .mapEmpty());
  }

  /** Sets one profile field (neighbourhood, survey invitation); null removes it. */
  public Future<Void> setField(Contact contact, String field, String value) {
    String key = key(contact.channel(), contact.address());
    return (value == null
            ? redis.call(c -> c.hdel(key, field))
            : redis.call(c -> c.hset(key, field, value)).map(b -> 1L))
        .mapEmpty();
  }

  /** One profile field, or null. */
  public Future<String> field(Contact contact, String field) {
    return redis.call(c -> c.hget(key(contact.channel(), contact.address()), field));
  }

  /** Several profile fields at once; a field that is not set is absent from the map. */
  public Future<java.util.Map<String, String>> fields(Contact contact, String... names) {
    return redis
        .call(c -> c.hmget(key(contact.channel(), contact.address()), names))
        .map(
            values -> {
              java.util.Map<String, String> out = new java.util.HashMap<>();
              values.forEach(kv -> kv.ifHasValue(v -> out.put(kv.getKey(), v)));
              return out;
            });
  }

  /** The topics the contact consented to, as {@code topic|neighbourhood}. */
  public Future<java.util.Set<String>> subscriptions(Contact contact) {
    return redis.call(c -> c.smembers("subs:" + contact.key()));
  }
}
