package org.beatline.channel.web;

import io.vertx.core.Future;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.beatline.outbox.Outbox;
import org.beatline.redis.Redis;

/**
 * Who is typing in the simulator. The page is given an identity of 128 random bits in an HttpOnly
 * cookie, so that no other browser can read or drain its mailbox; staff (the admin bearer token)
 * and, while no channel is live, local tools may name an identity of their own. What any simulator
 * identity leaves in Redis expires a day after its last message.
 */
final class Identities {
  static final String COOKIE = "beatline_simulator";
  static final Duration KEEP = Duration.ofHours(24);
  private static final String PAGE = "page-[A-Za-z0-9_-]{22}";
  private static final String ADDRESS = "[A-Za-z0-9_-]{1,64}";
  private static final String LAST_USED = "simulator:identities";
  // Every key Beatline keeps under one contact; SimulatorIdentityTest walks a simulator journey
  // and fails when a key of the contact is left without an expiry.
  private static final List<String> CONTACT_KEYS =
      List.of(
          "contact:%s",
          "session:%s", "subs:%s", "concerns:contact:%s", "handoffs:contact:%s", "relay:%s");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Redis redis;
  private final String channel;
  private final boolean secure;

  Identities(Redis redis, String channel, boolean secure) {
    this.redis = redis;
    this.channel = channel;
    this.secure = secure;
  }

  /** A fresh page identity: 128 random bits. */
  static String fresh() {
    byte[] bits = new byte[16];
    RANDOM.nextBytes(bits);
    return "page-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
  }

  /** The page identity this browser holds, or null. */
  static String ofPage(RoutingContext ctx) {
    Cookie c = ctx.request().getCookie(COOKIE);
    return c != null && c.getValue().matches(PAGE) ? c.getValue() : null;
  }

  /** Gives the browser a new page identity and returns it. */
  String issue(RoutingContext ctx) {
    String id = fresh();
    ctx.response()
        .addCookie(
            Cookie.cookie(COOKIE, id)
                .setHttpOnly(true)
                .setSameSite(CookieSameSite.STRICT)
                .setSecure(secure)
                .setPath("/")
                .setMaxAge(KEEP.toSeconds()));
    return id;
  }

  /**
   * The identity a request speaks as: the one it names, or else its page's. Null after refusing it:
   * a name that is not an address, a page identity named by anyone but staff, no identity.
   */
  static String of(RoutingContext ctx, Object named, boolean staff) {
    if (named == null) {
      String page = ofPage(ctx);
      if (page == null) {
        refuse(ctx, 400, "from is required, or the identity cookie the simulator page gives");
      }
      return page;
    }
    if (!(named instanceof String from) || !from.matches(ADDRESS)) {
      refuse(ctx, 400, "from must be 1-64 characters of A-Z, a-z, 0-9, _ and -");
      return null;
    }
    if (from.matches(PAGE) && !staff && !from.equals(ofPage(ctx))) {
      refuse(ctx, 403, "a page's identity is used only by that page");
      return null;
    }
    return from;
  }

  private static void refuse(RoutingContext ctx, int status, String reason) {
    org.beatline.http.Requests.refuse(ctx, status, reason);
  }

  /**
   * Keeps what {@code address} has in Redis for {@link #KEEP} from now, and notes when it was last
   * used, so that {@link #sweep} can remove what was written after this message.
   */
  Future<Void> touch(String address) {
    long seconds = KEEP.toSeconds();
    return redis
        .call(
            c -> {
              List<java.util.concurrent.CompletableFuture<?>> all = new ArrayList<>();
              for (String key : keysOf(address)) {
                all.add(c.expire(key, seconds).toCompletableFuture());
              }
              all.add(c.zadd(LAST_USED, System.currentTimeMillis(), address).toCompletableFuture());
              return java.util.concurrent.CompletableFuture.allOf(
                  all.toArray(java.util.concurrent.CompletableFuture[]::new));
            })
        .mapEmpty();
  }

  /** Every key Beatline keeps for one simulator identity. */
  private List<String> keysOf(String address) {
    List<String> keys = new ArrayList<>();
    for (String pattern : CONTACT_KEYS) {
      keys.add(String.format(pattern, channel + ":" + address));
    }
    keys.addAll(Outbox.recipientKeys(channel, address));
    keys.add(WebChannel.Mailbox.key(address));
    return keys;
  }

  /** Removes every key of identities unused for {@link #KEEP}; the number of identities. */
  Future<Integer> sweep(long now) {
    double before = now - KEEP.toMillis();
    return redis
        .call(c -> c.zrangebyscore(LAST_USED, io.lettuce.core.Range.create(0, before)))
        .compose(
            idle -> {
              if (idle.isEmpty()) {
                return Future.succeededFuture(0);
              }
              List<String> keys = new ArrayList<>();
              for (String address : idle) {
                keys.addAll(keysOf(address));
              }
              return redis
                  .call(c -> c.del(keys.toArray(String[]::new)))
                  .compose(n -> redis.call(c -> c.zrem(LAST_USED, idle.toArray(String[]::new))))
                  .map(n -> idle.size());
            });
  }
}
