package org.beatline.outbox;

/**
 * How many sends one worker keeps in flight: enough to reach the channel's rate at the provider's
 * observed latency (rate times latency, with headroom), plus 20 ms of sending at the rate (or
 * four), never more than the configured ceiling. The extra lets a fast worker read and send in
 * batches when the provider answers within a millisecond, and holds an emergency behind at most 20
 * ms of slots besides the provider's latency.
 */
final class Window {
  private static final double HEADROOM = 1.5;
  private static final int FLOOR = 4;
  private static final double SLACK_SECONDS = 0.02;
  private final double messagesPerSecond;
  private final int ceiling;
  private double latencySeconds = 0.25; // until measured: a provider round trip over the Internet
  private int size;

  Window(double messagesPerSecond, int ceiling) {
    this.messagesPerSecond = messagesPerSecond;
    this.ceiling = Math.max(1, ceiling);
    resize();
  }

  int size() {
    return size;
  }

  /** Folds one delivery's duration into the latency estimate (a moving average). */
  void observe(long nanos) {
    latencySeconds = 0.9 * latencySeconds + 0.1 * (nanos / 1e9);
    resize();
  }

  private void resize() {
    int slack = Math.max(FLOOR, (int) Math.ceil(messagesPerSecond * SLACK_SECONDS));
    int wanted = (int) Math.ceil(messagesPerSecond * latencySeconds * HEADROOM) + slack;
    size = Math.min(ceiling, wanted);
  }
}
