package org.beatline.outbox;

import org.beatline.message.Outbound;

/** Redis key names of the outbox, in one place so that worker, enqueue and tests agree. */
final class OutboxKeys {
  static final String GROUP = "senders";

  /** How long a recipient's sequence and progress are kept after their last message. */
  static final long ORDER_TTL_SECONDS = 30L * 24 * 3600;

  private OutboxKeys() {}

  static String lane(String channel, Outbound.Lane lane) {
    return "outbox:" + channel + ":" + lane.id();
  }

  static String delayed(String channel) {
    return "outbox:" + channel + ":delayed";
  }

  static String dead(String channel) {
    return "outbox:" + channel + ":dead";
  }

  static String rate(String channel) {
    return "outbox:" + channel + ":rate";
  }

  /** Kept alive by a running consumer of the channel's outbox (see {@link Takeover}). */
  static String alive(String channel, String consumer) {
    return "outbox:" + channel + ":alive:" + consumer;
  }

  /** The last sequence number handed out to messages for one recipient. */
  static String seq(String channel, String address) {
    return "outbox:seq:" + channel + ":" + address;
  }

  /** The highest sequence number finished (sent or given up) for one recipient. */
  static String done(String channel, String address) {
    return "outbox:done:" + channel + ":" + address;
  }
}
