package org.beatline.concern;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.beatline.redis.Redis;

/**
 * Registered officers in Redis, found by id or by the address their messages come from. A phone
 * number or chat id belongs to at most one officer.
 */
public final class Officers {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ALL = "officers";
  private final Redis redis;

  public Officers(Redis redis) {
    this.redis = redis;
  }

  private static String key(String id) {
    return "officer:" + id;
  }

  private static String byAddress(String channel, String address) {
    return "officer:address:" + channel + ":" + address;
  }

  /** Why an officer cannot be stored as given. */
  public static final class Conflict extends RuntimeException {
    public Conflict(String message) {
      super(message, null, false, false);
    }
  }

  /** Registers a new officer; fails with {@link Conflict} when an address is already taken. */
  public Future<Officer> create(Officer o) {
    Officer stored =
        o.withId(o.id() != null ? o.id() : "off-" + UUID.randomUUID().toString().substring(0, 8));
    return save(null, stored);
  }

  /** Replaces an officer's record, moving its address claims. */
  public Future<Officer> update(Officer o) {
    return find(o.id()).compose(old -> old == null ? Future.succeededFuture(null) : save(old, o));
  }

  private Future<Officer> save(Officer old, Officer o) {
    return claim("twilio", o.phone(), o.id())
        .compose(v -> claim("telegram", o.telegramChatId(), o.id()))
        .recover(e -> unclaim(o).compose(v -> Future.failedFuture(e)))
        .compose(v -> release(old, o))
        .compose(v -> redis.call(c -> c.set(key(o.id()), encode(o))))
        .compose(v -> redis.call(c -> c.sadd(ALL, o.id())))
        .map(o);
  }

  /** Claims an address for an officer, or fails when another officer holds it. */
  private Future<Void> claim(String channel, String address, String id) {
    if (address == null) {
      return Future.succeededFuture();
    }
    String k = byAddress(channel, address);
    return redis
        .call(c -> c.setnx(k, id))
        .compose(ok -> ok ? Future.succeededFuture(id) : redis.call(c -> c.get(k)))
        .compose(
            holder ->
                id.equals(holder)
                    ? Future.succeededFuture()
                    : Future.failedFuture(
                        new Conflict(
                            ("twilio".equals(channel) ? "phone" : "telegramChatId")
                                + " belongs to another officer")));
  }

  /**
   * Frees what a refused change claimed: addresses that point at this officer but are not theirs.
   */
  private Future<Void> unclaim(Officer o) {
    return find(o.id())
        .compose(
            stored -> {
              List<Future<?>> undo = new ArrayList<>();
              if (o.phone() != null && (stored == null || !o.phone().equals(stored.phone()))) {
                undo.add(releaseIfHeld("twilio", o.phone(), o.id()));
              }
              if (o.telegramChatId() != null
                  && (stored == null || !o.telegramChatId().equals(stored.telegramChatId()))) {
                undo.add(releaseIfHeld("telegram", o.telegramChatId(), o.id()));
              }
              return Future.join(undo).<Void>mapEmpty();
            });
  }

  private Future<Void> releaseIfHeld(String channel, String address, String id) {
    String k = byAddress(channel, address);
    return redis
        .call(c -> c.get(k))
        .compose(
            holder ->
                id.equals(holder)
                    ? redis.call(c -> c.del(k)).mapEmpty()
                    : Future.succeededFuture());
  }

  /** Frees the addresses an officer's old record had and the new one does not. */
  private Future<Void> release(Officer old, Officer now) {
    if (old == null) {
      return Future.succeededFuture();
    }
    List<String> gone = new ArrayList<>();
    if (old.phone() != null && !old.phone().equals(now.phone())) {
      gone.add(byAddress("twilio", old.phone()));
    }
    if (old.telegramChatId() != null && !old.telegramChatId().equals(now.telegramChatId())) {
      gone.add(byAddress("telegram", old.telegramChatId()));
    }
    return gone.isEmpty()
        ? Future.succeededFuture()
        : redis.call(c -> c.del(gone.toArray(String[]::new))).mapEmpty();
  }

  /** Removes an officer; true when there was one. */
  public Future<Boolean> delete(String id) {
    return find(id)
        .compose(
            o -> {
              if (o == null) {
                return Future.succeededFuture(false);
              }
              return release(o, o.withId(id).withoutAddresses())
                  .compose(v -> redis.call(c -> c.del(key(id))))
                  .compose(n -> redis.call(c -> c.srem(ALL, id)))
                  .map(true);
            });
  }

  public Future<Officer> find(String id) {
    if (id == null) {
      return Future.succeededFuture(null);
    }
    return redis.call(c -> c.get(key(id))).map(json -> json == null ? null : decode(json));
  }

  /** The active officer whose messages come from this address, or null. */
  public Future<Officer> byMessageFrom(String channel, String address) {
    return redis
        .call(c -> c.get(byAddress(channel, address)))
        .compose(this::find)
        .map(o -> o != null && o.active() ? o : null);
  }

  /** Every officer, by name. */
  public Future<List<Officer>> all() {
    return redis
        .call(c -> c.smembers(ALL))
        .compose(
            ids -> {
              if (ids.isEmpty()) {
                return Future.succeededFuture(List.<Officer>of());
              }
              String[] keys = ids.stream().map(Officers::key).toArray(String[]::new);
              return redis
                  .call(c -> c.mget(keys))
                  .map(
                      values ->
                          values.stream()
                              .filter(v -> v.hasValue())
                              .map(v -> decode(v.getValue()))
                              .sorted(Comparator.comparing(Officer::name))
                              .toList());
            });
  }

  private static String encode(Officer o) {
    try {
      return JSON.writeValueAsString(o);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Officer decode(String json) {
    try {
      return JSON.readValue(json, Officer.class);
    } catch (Exception e) {
      throw new IllegalStateException("unreadable officer record", e);
    }
  }
}
