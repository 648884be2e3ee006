package org.beatline.support;

import static org.awaitility.Awaitility.await;

import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.StatusOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import redis.embedded.RedisServer;

/**
 * A real Redis Cluster of three masters on loopback: the same {@code redis-server} the embedded
 * Redis runs, three times with {@code cluster-enabled yes}, introduced to each other and given a
 * third of the slots each. No replicas: the tests need the routing, not a failover.
 */
public final class LocalCluster implements AutoCloseable {
  private static final int SLOTS = 16384;
  private final List<RedisServer> servers = new ArrayList<>();
  private final List<Integer> ports = new ArrayList<>();
  private final List<Integer> busPorts = new ArrayList<>();
  private final String password = "cluster-test-" + Long.toHexString(System.nanoTime());
  private final Path dir;

  private LocalCluster(Path dir) {
    this.dir = dir;
  }

  /** Starts {@code masters} nodes and waits until every one of them says the cluster is ok. */
  public static LocalCluster start(int masters) {
    LocalCluster cluster;
    try {
      cluster = new LocalCluster(Files.createTempDirectory("cluster"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      for (int i = 0; i < masters; i++) {
        cluster.startNode(i);
      }
      cluster.join();
      return cluster;
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  private void startNode(int index) {
    int port = freePort();
    int bus = freePort();
    RedisServer server =
        RedisServer.builder()
            .port(port)
            .bind("127.0.0.1")
            .setting("save \"\"")
            .setting("appendonly no")
            .setting("protected-mode yes")
            .setting("requirepass " + password)
            .setting("cluster-enabled yes")
            // The bus port is chosen too, rather than port + 10000, which may be taken.
            .setting("cluster-port " + bus)
            .setting("cluster-config-file " + dir.resolve("nodes-" + index + ".conf"))
            .setting("cluster-node-timeout 5000")
            .build();
    server.start();
    servers.add(server);
    ports.add(port);
    busPorts.add(bus);
  }

  private void join() {
    int n = ports.size();
    for (int i = 0; i < n; i++) {
      int first = SLOTS * i / n;
      int last = SLOTS * (i + 1) / n - 1;
      int index = i;
      onNode(
          i,
          c -> {
            if (index > 0) {
              // CLUSTER MEET with the first node's bus port, which is not its port + 10000.
              var codec = StringCodec.UTF8;
              c.sync()
                  .dispatch(
                      CommandType.CLUSTER,
                      new StatusOutput<>(codec),
                      new CommandArgs<>(codec)
                          .add("MEET")
                          .add("127.0.0.1")
                          .add(ports.get(0))
                          .add(busPorts.get(0)));
            }
            return c.sync().clusterAddSlotsRange(Range.create(first, last));
          });
    }
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              for (int i = 0; i < n; i++) {
                String info = onNode(i, c -> c.sync().clusterInfo());
                if (!info.contains("cluster_state:ok")
                    || !info.contains("cluster_known_nodes:" + n)) {
                  return false;
                }
              }
              return true;
            });
  }

  /** The URL naming the first node, password included: Beatline finds the others from it. */
  public String url() {
    return "redis://:" + password + "@127.0.0.1:" + ports.get(0);
  }

  /** How many masters the cluster has. */
  public int size() {
    return ports.size();
  }

  /** Runs {@code command} on one node by itself, not through the cluster's routing. */
  public <T> T onNode(int index, Function<StatefulRedisConnection<String, String>, T> command) {
    RedisClient client =
        RedisClient.create(
            RedisURI.create("redis://:" + password + "@127.0.0.1:" + ports.get(index)));
    try (StatefulRedisConnection<String, String> c = client.connect()) {
      return command.apply(c);
    } finally {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    for (RedisServer s : servers) {
      if (s.isActive()) {
        s.stop();
      }
    }
    try (var files = Files.list(dir)) {
      for (Path p : files.toList()) {
        Files.deleteIfExists(p);
      }
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      // A file the server still writes as it stops is left to the temporary folder's cleaning.
    }
  }
}
