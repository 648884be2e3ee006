package org.beatline.outbox;

import java.time.Duration;

/**
 * How a channel's outbox worker paces and retries.
 *
 * @param messagesPerSecond the channel's send rate, shared by all instances
 * @param firstRetry the delay before the first retry; it doubles with each attempt
 * @param maxRetry the longest delay between attempts
 * @param maxAttempts attempts before a message goes to the dead-letter stream
 * @param claimIdle how long another consumer's unacknowledged entry waits before it is taken over
 * @param sendTimeout how long one send may take before it counts as a retryable failure
 * @param maxInFlight the most sends one worker keeps in flight at once
 */
public record OutboxSettings(
    double messagesPerSecond,
    Duration firstRetry,
    Duration maxRetry,
    int maxAttempts,
    Duration claimIdle,
    Duration sendTimeout,
    int maxInFlight) {

  /** Sends in flight per worker unless a channel asks for fewer. */
  public static final int MAX_IN_FLIGHT = 256;

  public static OutboxSettings defaults(double messagesPerSecond) {
    return new OutboxSettings(
        messagesPerSecond,
        Duration.ofSeconds(2),
        Duration.ofMinutes(10),
        8,
        Duration.ofMinutes(2),
        Duration.ofSeconds(30),
        MAX_IN_FLIGHT);
  }

  /**
   * The wait before attempt {@code attempt + 1}, never shorter than what the provider asked for.
   */
  Duration backoff(int attempt, Duration providerAsked) {
    long base = firstRetry.toMillis() << Math.min(attempt, 20);
    long capped = Math.min(base, maxRetry.toMillis());
    long jittered = (long) (capped * (0.8 + Math.random() * 0.4));
    long asked = providerAsked == null ? 0 : providerAsked.toMillis();
    return Duration.ofMillis(Math.max(jittered, asked));
  }
}
