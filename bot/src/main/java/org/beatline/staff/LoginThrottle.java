package org.beatline.staff;

import io.vertx.core.Future;
import java.time.Duration;
import org.beatline.redis.Redis;

/**
 * Slows down password guessing: after {@link #PER_LOGIN} failed sign-ins for one login, or {@link
 * #PER_ADDRESS} from one network address, within {@link #WINDOW}, further attempts are refused
 * until the window has passed. A successful sign-in clears its login's count.
 */
public final class LoginThrottle {
  static final int PER_LOGIN = 5;
  static final int PER_ADDRESS = 20;
  static final Duration WINDOW = Duration.ofMinutes(15);
  private final Redis redis;

  public LoginThrottle(Redis redis) {
    this.redis = redis;
  }

  private static String byLogin(String login) {
    return "staff:login-failures:login:" + Secrets.digest(login);
  }

  private static String byAddress(String address) {
    return "staff:login-failures:address:" + Secrets.digest(address);
  }

  /** Seconds to wait before another attempt, or 0 when one may be made now. */
  public Future<Long> wait(String login, String address) {
    return redis
        .call(c -> c.mget(byLogin(login), byAddress(address)))
        .compose(
            kvs -> {
              long logins = kvs.get(0).hasValue() ? Long.parseLong(kvs.get(0).getValue()) : 0;
              long addresses = kvs.get(1).hasValue() ? Long.parseLong(kvs.get(1).getValue()) : 0;
              if (logins >= PER_LOGIN) {
                return redis.call(c -> c.ttl(byLogin(login))).map(t -> Math.max(1, t));
              }
              if (addresses >= PER_ADDRESS) {
                return redis.call(c -> c.ttl(byAddress(address))).map(t -> Math.max(1, t));
              }
              return Future.succeededFuture(0L);
            });
  }

  /** Counts a failed attempt. */
  public Future<Void> failed(String login, String address) {
    long window = WINDOW.toSeconds();
    return count(byLogin(login), window).compose(v -> count(byAddress(address), window));
  }

  private Future<Void> count(String key, long window) {
    return redis
        .call(c -> c.incr(key))
        .compose(n -> n == 1 ? redis.call(c -> c.expire(key, window)) : Future.succeededFuture())
        .mapEmpty();
  }

  /** Clears a login's failures after it signed in. */
  public Future<Void> succeeded(String login) {
    return redis.call(c -> c.del(byLogin(login))).mapEmpty();
  }
}
