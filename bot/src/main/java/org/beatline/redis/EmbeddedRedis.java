package org.beatline.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import redis.embedded.RedisServer;
import redis.embedded.RedisServerBuilder;

/**
 * A real {@code redis-server} started on a free loopback port, so that a newcomer's {@code java
 * -jar} and every test run against Redis itself rather than an imitation. It asks for a random
 * password, so that another local user or a web page posting to the port cannot use it.
 */
public final class EmbeddedRedis implements AutoCloseable {
  private final RedisServer server;
  private final int port;
  private final String password;

  private EmbeddedRedis(RedisServer server, int port, String password) {
    this.server = server;
    this.port = port;
    this.password = password;
  }

  /** Starts a server without persistence on a free port of 127.0.0.1, with a random password. */
  public static EmbeddedRedis start() {
    return start(null);
  }

  /**
   * Starts a server that keeps its data in an append-only file in {@code dir}, so that {@link
   * #stop()} and {@link #restart()} lose nothing, as a Redis with persistence does.
   */
  public static EmbeddedRedis keepingData(Path dir) {
    return start(dir);
  }

  private static EmbeddedRedis start(Path dir) {
    int port = freePort();
    byte[] bits = new byte[24];
    new SecureRandom().nextBytes(bits);
    String password = HexFormat.of().formatHex(bits);
    RedisServerBuilder builder =
        RedisServer.builder()
            .port(port)
            .bind("127.0.0.1")
            .setting("save \"\"")
            .setting("protected-mode yes")
            .setting("requirepass " + password);
    if (dir == null) {
      builder.setting("appendonly no");
    } else {
      builder.setting("dir " + dir.toAbsolutePath()).setting("appendonly yes");
    }
    RedisServer server;
    try {
      server = builder.build();
    } catch (RuntimeException e) {
      // The slim jar for containers carries no Redis server of its own.
      throw new IllegalStateException(
          "this build has no embedded Redis for "
              + System.getProperty("os.name")
              + " "
              + System.getProperty("os.arch")
              + ": set REDIS_URL to a Redis server");
    }
    server.start();
    return new EmbeddedRedis(server, port, password);
  }

  private static int freePort() {
    // Redis treats port 0 as "no TCP", so the operating system picks one for it first.
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port for embedded Redis", e);
    }
  }

  /** The URL to connect with, password included. */
  public String url() {
    return "redis://:" + password + "@127.0.0.1:" + port;
  }

  public String password() {
    return password;
  }

  public int port() {
    return port;
  }

  /**
   * Stops the server (as SIGTERM does); it can be started again on the same port with {@link
   * #restart()}, empty unless it keeps its data.
   */
  public void stop() {
    server.stop();
  }

  public void restart() {
    server.start();
  }

  @Override
  public void close() {
    if (server.isActive()) {
      server.stop();
    }
  }
}
