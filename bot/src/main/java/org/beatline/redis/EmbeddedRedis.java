package org.beatline.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import redis.embedded.RedisServer;

/**
 * A real {@code redis-server} started on a free loopback port, so that a newcomer's {@code java
 * -jar} and every test run against Redis itself rather than an imitation.
 */
public final class EmbeddedRedis implements AutoCloseable {
  private final RedisServer server;
  private final int port;

  private EmbeddedRedis(RedisServer server, int port) {
    this.server = server;
    this.port = port;
  }

  /** Starts a server without persistence on a free port of 127.0.0.1. */
  public static EmbeddedRedis start() {
    int port = freePort();
    RedisServer server =
        RedisServer.builder()
            .port(port)
            .bind("127.0.0.1")
            .setting("save \"\"")
            .setting("appendonly no")
            .setting("protected-mode yes")
            .build();
    server.start();
    return new EmbeddedRedis(server, port);
  }

  private static int freePort() {
    // Redis treats port 0 as "no TCP", so the operating system picks one for it first.
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port for embedded Redis", e);
    }
  }

  public String url() {
    return "redis://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  /** Stops the server; it can be started again on the same port with {@link #restart()}. */
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
