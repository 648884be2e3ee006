package org.beatline.redis;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Lettuce connection shared by the whole service, with results delivered back onto the Vert.x
 * context of the caller. Commands fail fast while Redis is unreachable instead of queueing, and the
 * connection is tried again at least every second, so that the service is back within a second of
 * Redis (Lettuce's own backoff grows to 30 s: after a 10 s outage, up to 16 s more). The server
 * named may be a single Redis (or Sentinel's master) or one node of a Redis Cluster: the commands
 * are the same, and in a cluster each goes to the node that holds its key.
 */
public final class Redis implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Redis.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final Duration RECONNECT_AT_MOST = Duration.ofSeconds(1);
  private final Vertx vertx;
  private final AbstractRedisClient client;
  private final StatefulConnection<String, String> connection;
  private final RedisClusterAsyncCommands<String, String> commands;
  // A dedicated connection shares the client of the one it came from and leaves it open.
  private final boolean ownsClient;

  /** Each script's SHA-1 digest, computed once. */
  private static final Map<String, String> DIGESTS = new ConcurrentHashMap<>();

  private Redis(
      Vertx vertx,
      AbstractRedisClient client,
      StatefulConnection<String, String> connection,
      RedisClusterAsyncCommands<String, String> commands,
      boolean ownsClient) {
    this.vertx = vertx;
    this.client = client;
    this.connection = connection;
    this.commands = commands;
    this.ownsClient = ownsClient;
  }

  private static Redis single(Vertx vertx, RedisClient client, boolean owns) {
    StatefulRedisConnection<String, String> c = client.connect();
    return new Redis(vertx, client, c, c.async(), owns);
  }

  private static Redis cluster(Vertx vertx, RedisClusterClient client, boolean owns) {
    StatefulRedisClusterConnection<String, String> c = client.connect();
    // A node's connection opens on its first command, and while commands are refused rather
    // than queued that first command would be refused: every master's is opened now.
    for (RedisClusterNode node : c.getPartitions()) {
      if (node.getRole().isUpstream()) {
        c.getConnection(node.getUri().getHost(), node.getUri().getPort());
      }
    }
    return new Redis(vertx, client, c, c.async(), owns);
  }

  /**
   * Connects to {@code url} (redis://, rediss:// or redis-sentinel://, with a password if the
   * server asks for one) and checks that the server answers; a server that cannot be reached or
   * refuses the password fails with a one-line reason that never shows the password. A server that
   * says it is a cluster node is used as the seed of the whole cluster, with the same password and
   * TLS.
   */
  public static Redis connect(Vertx vertx, String url) {
    RedisURI uri;
    RedisClient client;
    try {
      uri = RedisURI.create(url);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("REDIS_URL cannot be read: " + e.getMessage());
    }
    client = RedisClient.create(reconnectingResources(), uri);
    client.setOptions(
        ClientOptions.builder()
            .autoReconnect(true)
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .timeoutOptions(TimeoutOptions.enabled(TIMEOUT))
            .build());
    boolean clustered;
    try (StatefulRedisConnection<String, String> probe = client.connect()) {
      probe.sync().ping();
      clustered = clustered(probe);
    } catch (RuntimeException e) {
      shutdown(client);
      throw new IllegalStateException(
          "cannot use Redis at " + withoutPassword(url) + ": " + reason(e));
    }
    if (!clustered) {
      return single(vertx, client, true);
    }
    shutdown(client);
    RedisClusterClient cluster = RedisClusterClient.create(reconnectingResources(), List.of(uri));
    cluster.setOptions(
        ClusterClientOptions.builder()
            .autoReconnect(true)
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .timeoutOptions(TimeoutOptions.enabled(TIMEOUT))
            // A failover or a resharding moves slots: the map of nodes follows MOVED answers
            // and lost connections at once, and is read again every half minute besides.
            .topologyRefreshOptions(
                ClusterTopologyRefreshOptions.builder()
                    .enableAllAdaptiveRefreshTriggers()
                    .enablePeriodicRefresh(Duration.ofSeconds(30))
                    .build())
            .build());
    try {
      return cluster(vertx, cluster, true);
    } catch (RuntimeException e) {
      shutdown(cluster);
      throw new IllegalStateException(
          "cannot use the Redis Cluster at " + withoutPassword(url) + ": " + reason(e));
    }
  }

  /**
   * Lettuce's resources with a reconnect delay of at most a second (its default grows to 30 s). A
   * client does not shut down resources it was given: {@link #shutdown} does.
   */
  private static ClientResources reconnectingResources() {
    return ClientResources.builder()
        .reconnectDelay(
            Delay.exponential(Duration.ofMillis(10), RECONNECT_AT_MOST, 2, TimeUnit.MILLISECONDS))
        .build();
  }

  private static void shutdown(AbstractRedisClient client) {
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    client.getResources().shutdown(0, 2, TimeUnit.SECONDS);
  }

  /** Whether the server says it is a cluster node; one that will not say (INFO denied) is not. */
  private static boolean clustered(StatefulRedisConnection<String, String> c) {
    try {
      return c.sync().info("cluster").contains("cluster_enabled:1");
    } catch (RedisCommandExecutionException e) {
      return false;
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
  public <T> Future<T> call(
      Function<RedisClusterAsyncCommands<String, String>, CompletionStage<T>> cmd) {
    Context ctx = vertx.getOrCreateContext();
    try {
      return Future.fromCompletionStage(cmd.apply(commands), ctx);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  /**
   * Runs a Lua script by its digest (EVALSHA), so that its text is neither sent nor hashed again on
   * every call; a server that does not know it yet (first use, or restarted) is sent the text once
   * with EVAL, which also loads it. Its keys must share one hash slot, so that the script runs on
   * one node of a cluster; keys that do not are refused here, on a single server too, so that every
   * test finds a script that a cluster would refuse.
   */
  public <T> Future<T> eval(String script, ScriptOutputType type, String[] keys, String... args) {
    if (!oneSlot(keys)) {
      return Future.failedFuture(
          new IllegalArgumentException(
              "a script's keys must share one hash slot; these "
                  + keys.length
                  + " do not (tag them with {...})"));
    }
    String sha = DIGESTS.computeIfAbsent(script, Redis::sha1);
    return this.<T>call(c -> c.evalsha(sha, type, keys, args))
        .recover(
            e ->
                e instanceof RedisNoScriptException
                    ? call(c -> c.<T>eval(script, type, keys, args))
                    : Future.failedFuture(e));
  }

  /**
   * Whether every key hashes to one cluster slot (their {hash tags} decide it when they have one).
   */
  static boolean oneSlot(String... keys) {
    for (int i = 1; i < keys.length; i++) {
      if (SlotHash.getSlot(keys[i]) != SlotHash.getSlot(keys[0])) {
        return false;
      }
    }
    return true;
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
    return client instanceof RedisClusterClient c
        ? cluster(vertx, c, false)
        : single(vertx, (RedisClient) client, false);
  }

  /** Whether the server named is a Redis Cluster. */
  public boolean clustered() {
    return connection instanceof StatefulRedisClusterConnection;
  }

  /**
   * Renames each key matching {@code match} to {@code rename}'s name for it, unless that name is
   * taken (null: left as it is); completes with how many were renamed. This moves keys named before
   * they carried hash tags, on a single server only: no cluster ever held the old names. Once done,
   * a mark says so, and later starts do not scan the keys again.
   */
  public Future<Long> renameAll(String match, UnaryOperator<String> rename) {
    if (clustered()) {
      return Future.succeededFuture(0L);
    }
    String mark = "renamed:" + match;
    return call(c -> c.exists(mark))
        .compose(
            done ->
                done > 0
                    ? Future.succeededFuture(new long[2])
                    : renameFrom(ScanCursor.INITIAL, match, rename, new long[2])
                        .compose(counts -> call(c -> c.set(mark, "1")).map(counts)))
        .map(
            counts -> {
              if (counts[0] > 0) {
                LOG.info("{} keys matching {} renamed to their tagged names", counts[0], match);
              }
              if (counts[1] > 0) {
                LOG.warn(
                    "{} keys matching {} kept their old names: the new names were taken",
                    counts[1],
                    match);
              }
              return counts[0];
            });
  }

  private Future<long[]> renameFrom(
      ScanCursor at, String match, UnaryOperator<String> rename, long[] counts) {
    return call(c -> c.scan(at, ScanArgs.Builder.matches(match).limit(1000)))
        .compose(
            page -> {
              List<Future<Void>> moves = new ArrayList<>();
              for (String key : page.getKeys()) {
                String to = rename.apply(key);
                if (to != null && !to.equals(key)) {
                  // Another instance may have moved it a moment ago: then there is nothing to do.
                  moves.add(
                      call(c -> c.renamenx(key, to))
                          .onSuccess(moved -> counts[moved ? 0 : 1]++)
                          .<Void>mapEmpty()
                          .otherwiseEmpty());
                }
              }
              return Future.join(moves)
                  .transform(
                      v ->
                          page.isFinished()
                              ? Future.succeededFuture(counts)
                              : renameFrom(page, match, rename, counts));
            });
  }

  /** Whether Redis answers a PING. */
  public Future<Boolean> ping() {
    return call(c -> c.ping()).map("PONG"::equals).otherwise(false);
  }

  @Override
  public void close() {
    connection.close();
    if (ownsClient) {
      shutdown(client);
    }
  }
}
