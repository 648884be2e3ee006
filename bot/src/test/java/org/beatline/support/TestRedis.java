package org.beatline.support;

import org.beatline.redis.EmbeddedRedis;

/** One real Redis server for the whole test run, started on first use. */
public final class TestRedis {
  private static EmbeddedRedis server;

  private TestRedis() {}

  public static synchronized String url() {
    if (server == null) {
      server = EmbeddedRedis.start();
      Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    }
    return server.url();
  }
}
