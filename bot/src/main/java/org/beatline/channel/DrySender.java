package org.beatline.channel;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.UUID;
import org.beatline.message.Masking;
import org.beatline.message.Outbound;
import org.beatline.message.Sender;
import org.beatline.redis.Redis;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sender of a channel without credentials: logs what would have been sent (masked) and keeps
 * the latest messages for the simulator to show.
 */
public final class DrySender implements Sender {
  /** Redis list of what dry channels would have sent, newest first. */
  public static final String LOG_KEY = "simulator:dry-run";

  private static final Logger LOG = LoggerFactory.getLogger(DrySender.class);
  private static final int KEEP = 200;
  private final String channel;
  private final Redis redis;

  public DrySender(String channel, Redis redis) {
    this.channel = channel;
    this.redis = redis;
  }

  @Override
  public String channel() {
    return channel;
  }

  @Override
  public Future<String> send(Outbound m) {
    LOG.info(
        "dry run {} to {}: [{}] {} chars{}",
        channel,
        Masking.mask(m.address()),
        m.key(),
        m.text().length(),
        m.options().isEmpty() ? "" : ", " + m.options().size() + " options");
    JsonObject entry =
        new JsonObject()
            .put("channel", channel)
            .put("to", Masking.mask(m.address()))
            .put("text", m.text())
            .put("key", m.key())
            .put("language", m.language())
            .put("lane", m.lane().id())
            .put("at", System.currentTimeMillis());
    String id = "dry-" + UUID.randomUUID();
    return redis
        .call(c -> c.lpush(LOG_KEY, entry.encode()))
        .compose(n -> redis.call(c -> c.ltrim(LOG_KEY, 0, KEEP - 1)))
        .map(id);
  }
}
