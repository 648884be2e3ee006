package org.beatline.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** The outbox's counters, tagged by channel. */
final class OutboxMetrics {
  private final MeterRegistry registry;
  private final String channel;
  private final Counter sent;
  private final Counter retried;
  private final Counter claimed;

  OutboxMetrics(MeterRegistry registry, String channel) {
    this.registry = registry;
    this.channel = channel;
    this.sent =
        registry.counter("beatline_outbound_messages", "channel", channel, "result", "sent");
    this.retried = registry.counter("beatline_outbox_retries", "channel", channel);
    this.claimed = registry.counter("beatline_outbox_claimed", "channel", channel);
  }

  void sent() {
    sent.increment();
  }

  void retried() {
    retried.increment();
  }

  void claimed(int n) {
    claimed.increment(n);
  }

  /** The consumer group was found missing (Redis restarted empty) and made again. */
  void groupRecreated() {
    registry.counter("beatline_outbox_group_recreated", "channel", channel).increment();
  }

  /** A message taken over after a crash was found already at the provider and not sent again. */
  void foundSent() {
    registry.counter("beatline_outbox_found_sent", "channel", channel).increment();
  }

  void failed(String result) {
    registry
        .counter("beatline_outbound_messages", "channel", channel, "result", result)
        .increment();
  }
}
