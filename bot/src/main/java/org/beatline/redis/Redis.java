package org.beatline.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One Lettuce connection shared by the whole service, with results delivered back onto the Vert.x
 * context of the caller. Commands fail fast while Redis is unreachable instead of queueing, and the
 * connection is tried again at least every second, so that the service is back within a second of
 * Redis (Lettuce's own backoff grows to 30 s: after a 10 s outage, up to 16 s more).
 */
public final class Redis implements AutoCloseable {
  private static final Duration RECONNECT_AT_MOST = Duration.ofSeconds(1);
  private final Vertx vertx;
  private final RedisClient client;
  private final StatefulRedisConnection<String, String> connection;

  /** Each script's SHA-1 digest, computed once. */
  private static final Map<String, String> DIGESTS = new ConcurrentHashMap<>();

  private Redis(Vertx vertx, RedisClient client, StatefulRedisConnection<String, String> conn) {
    this.vertx = vertx;
    this.client = client;
    this.connection = conn;
  }

  /**
   * Connects to {@code url} (redis://, rediss:// or redis-sentinel://, with a password if the
   * server asks for one) and checks that the server answers; a server that cannot be reached or
   * refuses the password fails with a one-line reason that never shows the password.
   */
  public static Redis connect(Vertx vertx, String url) {
    RedisURI uri;
    try {
      uri = RedisURI.create(url);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("REDIS_URL cannot be read: " + e.getMessage());
    }
    // A client does not shut down resources it was given: close() does.
    ClientResources resources =
        ClientResources.builder()
            .reconnectDelay(
                Delay.exponential(
                    Duration.ofMillis(10), RECONNECT_AT_MOST, 2, TimeUnit.MILLISECONDS))
            .build();
    RedisClient client = RedisClient.create(resources, uri);
    client.setOptions(
        ClientOptions.builder()
            .autoReconnect(true)
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .timeoutOptions(TimeoutOptions.enabled(Duration.ofSeconds(5)))
            .build());
    try {
      StatefulRedisConnection<String, String> connection = client.connect();
      connection.sync().ping();
      return new Redis(vertx, client, connection);
    } catch (RuntimeException e) {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
      resources.shutdown(0, 2, TimeUnit.SECONDS);
      throw new IllegalStateException(
          "cannot use Redis at " + withoutPassword(url) + ": " + reason(e));
    }
  }

  /** {@code url} with its password (user info) replaced by stars, for messages and logs. */
  static String withoutPassword(String url) {
    return url.replaceAll("(://)[^@/]*@", "$1***@");
  }

  /** The innermost cause's own words, on one line: WRONGPASS, NOAUTH, connection refused. */
  private static String reason(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message =
        root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return message.replaceAll("\\s+", " ").strip();
  }

  /** Runs one command (or a pipeline of them) and completes on the caller's Vert.x context. */
  public <T> Future<T> call(Function<RedisAsyncCommands<String, String>, CompletionStage<T>> cmd) {
    Context ctx = vertx.getOrCreateContext();
    try {
      return Future.fromCompletionStage(cmd.apply(connection.async()), ctx);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  /**
   * Runs a Lua script by its digest (EVALSHA), so that its text is neither sent nor hashed again on
   * every call; a server that does not know it yet (first use, or restarted) is sent the text once
   * with EVAL, which also loads it.
   */
  public <T> Future<T> eval(String script, ScriptOutputType type, String[] keys, String... args) {
    String sha = DIGESTS.computeIfAbsent(script, Redis::sha1);
    return this.<T>call(c -> c.evalsha(sha, type, keys, args))
        .recover(
            e ->
                e instanceof RedisNoScriptException
                    ? call(c -> c.<T>eval(script, type, keys, args))
                    : Future.failedFuture(e));
  }

  private static String sha1(String script) {
    try {
      byte[] d =
          java.security.MessageDigest.getInstance("SHA-1")
              .digest(script.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(d);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is missing from this JVM", e);
    }
  }

  /** A second, dedicated connection for blocking reads (XREADGROUP BLOCK) so they stall nobody. */
  public Redis dedicated() {
    return new Redis(vertx, null, client.connect());
  }

  /** Whether Redis answers a PING. */
  public Future<Boolean> ping() {
    return call(c -> c.ping()).map("PONG"::equals).otherwise(false);
  }

  @Override
  public void close() {
    connection.close();
    if (client != null) {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
      client.getResources().shutdown(0, 2, TimeUnit.SECONDS);
    }
  }
}
