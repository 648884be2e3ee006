package org.beatline.staff;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.beatline.redis.Redis;

/** Staff accounts in Redis, listed in the order of their logins. */
public final class Accounts {
  private static final String INDEX = "staff:accounts";
  private final Redis redis;

  public Accounts(Redis redis) {
    this.redis = redis;
  }

  private static String key(String login) {
    return "staff:account:" + login;
  }

  /** Stores a new account; false when the login is taken. */
  public Future<Boolean> create(Account a) {
    return redis
        .call(c -> c.setnx(key(a.login()), a.stored().encode()))
        .compose(
            created ->
                created
                    ? redis.call(c -> c.zadd(INDEX, 0, a.login())).map(true)
                    : Future.succeededFuture(false));
  }

  /** Replaces an existing account's record. */
  public Future<Void> save(Account a) {
    return redis.call(c -> c.set(key(a.login()), a.stored().encode())).mapEmpty();
  }

  /** The account, or null. */
  public Future<Account> find(String login) {
    if (!Account.validLogin(login)) {
      return Future.succeededFuture(null);
    }
    return redis
        .call(c -> c.get(key(login)))
        .map(s -> s == null ? null : Account.from(new JsonObject(s)));
  }

  /** Removes an account; false when there was none. */
  public Future<Boolean> delete(String login) {
    return redis
        .call(c -> c.del(key(login)))
        .compose(n -> redis.call(c -> c.zrem(INDEX, login)).map(n > 0));
  }

  /** Up to {@code limit} accounts whose logins sort after {@code after} (null: from the start). */
  public Future<List<Account>> page(String after, int limit) {
    Range<String> range =
        after == null
            ? Range.unbounded()
            : Range.from(Range.Boundary.excluding(after), Range.Boundary.unbounded());
    return redis
        .call(c -> c.zrangebylex(INDEX, range, Limit.create(0, limit)))
        .compose(
            logins ->
                logins.isEmpty()
                    ? Future.succeededFuture(List.<String>of())
                    : redis
                        .call(
                            c -> c.mget(logins.stream().map(Accounts::key).toArray(String[]::new)))
                        .map(
                            kvs ->
                                kvs.stream()
                                    .filter(kv -> kv.hasValue())
                                    .map(kv -> kv.getValue())
                                    .toList()))
        .map(values -> values.stream().map(s -> Account.from(new JsonObject(s))).toList());
  }

  /** Whether any account exists. */
  public Future<Boolean> any() {
    return redis.call(c -> c.zcard(INDEX)).map(n -> n > 0);
  }
}
