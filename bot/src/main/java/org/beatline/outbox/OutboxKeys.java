package org.beatline.outbox;

import org.beatline.message.Outbound;

/**
 * Redis key names of the outbox, in one place so that worker, enqueue and tests agree. Every key of
 * one channel carries the channel as its hash tag ({@code outbox:{twilio}:reply}), so that each
 * script sees one slot: in a Redis Cluster one node holds a channel's outbox, whose sends share one
 * rate limit anyway.
 */
final class OutboxKeys {
  static final String GROUP = "senders";

  /** How long a recipient's sequence and progress are kept after their last message. */
  static final long ORDER_TTL_SECONDS = 30L * 24 * 3600;

  /**
   * How long a text that several messages share is kept after it was last queued: well past the
   * longest a message waits in the outbox before it is sent or given up.
   */
  static final long TEXT_TTL_SECONDS = 7L * 24 * 3600;

  private OutboxKeys() {}

  /** The start of every key of one channel's outbox. */
  static String prefix(String channel) {
    return "outbox:{" + channel + "}:";
  }

  static String lane(String channel, Outbound.Lane lane) {
    return prefix(channel) + lane.id();
  }

  static String delayed(String channel) {
    return prefix(channel) + "delayed";
  }

  static String dead(String channel) {
    return prefix(channel) + "dead";
  }

  static String rate(String channel) {
    return prefix(channel) + "rate";
  }

  /** A text that several messages share, by its digest. */
  static String text(String channel, String ref) {
    return prefix(channel) + "text:" + ref;
  }

  /**
   * Kept alive by a running consumer of the channel's outbox (see {@link Takeover}); in the
   * channel's slot, since the takeover script reads it beside the lane.
   */
  static String alive(String channel, String consumer) {
    return prefix(channel) + "alive:" + consumer;
  }

  /** The last sequence number handed out to messages for one recipient. */
  static String seq(String channel, String address) {
    return prefix(channel) + "seq:" + address;
  }

  /** The highest sequence number finished (sent or given up) for one recipient. */
  static String done(String channel, String address) {
    return prefix(channel) + "done:" + address;
  }
}
