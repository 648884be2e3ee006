package org.beatline.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpConnection;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a new HTTP connection at once while {@code max} are open, so that a flood of connections
 * (idle or slow ones, until the idle timeout closes them) cannot take every file descriptor the
 * process needs for Redis and the providers.
 */
public final class ConnectionLimit implements Handler<HttpConnection> {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionLimit.class);
  private final int max;
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicInteger refused = new AtomicInteger();

  public ConnectionLimit(int max) {
    this.max = max;
  }

  @Override
  public void handle(HttpConnection connection) {
    if (open.incrementAndGet() > max) {
      open.decrementAndGet();
      // One line per thousand refusals: a flood must not flood the log as well.
      if (refused.getAndIncrement() % 1000 == 0) {
        LOG.warn("{} HTTP connections open: refusing new ones", max);
      }
      connection.close();
      return;
    }
    connection.closeHandler(v -> open.decrementAndGet());
  }

  /** Connections open now. */
  public int open() {
    return open.get();
  }
}
