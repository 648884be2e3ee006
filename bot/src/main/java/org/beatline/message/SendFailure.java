package org.beatline.message;

import java.time.Duration;

/** Why a send failed, classified so the outbox knows whether to retry, give up, or opt out. */
public final class SendFailure extends RuntimeException {

  /** What the outbox should do about the failure. */
  public enum Kind {
    /** Rate limits, server errors, timeouts: try again later. */
    RETRYABLE,
    /** The message can never be delivered as it is: record it and move on. */
    PERMANENT,
    /** The recipient has opted out or blocked us: record it and stop messaging them. */
    OPTED_OUT
  }

  private final Kind kind;
  private final String code;
  private final Duration retryAfter;
  private final boolean unanswered;

  public SendFailure(Kind kind, String code, String message, Duration retryAfter) {
    this(kind, code, message, retryAfter, false);
  }

  private SendFailure(
      Kind kind, String code, String message, Duration retryAfter, boolean unanswered) {
    super(message, null, false, false);
    this.kind = kind;
    this.code = code;
    this.retryAfter = retryAfter;
    this.unanswered = unanswered;
  }

  public static SendFailure retryable(String code, String message, Duration retryAfter) {
    return new SendFailure(Kind.RETRYABLE, code, message, retryAfter);
  }

  /**
   * Retryable, but the provider may have taken the message anyway: the connection broke, or the
   * provider failed on its side after it had the request.
   */
  public static SendFailure unanswered(String code, String message, Duration retryAfter) {
    return new SendFailure(Kind.RETRYABLE, code, message, retryAfter, true);
  }

  public static SendFailure permanent(String code, String message) {
    return new SendFailure(Kind.PERMANENT, code, message, null);
  }

  public static SendFailure optedOut(String code, String message) {
    return new SendFailure(Kind.OPTED_OUT, code, message, null);
  }

  public Kind kind() {
    return kind;
  }

  /** The provider's error code (Twilio's 21610, an HTTP status), or null. */
  public String code() {
    return code;
  }

  /** Whether the provider may have taken the message although the send failed. */
  public boolean unanswered() {
    return unanswered;
  }

  /** How long the provider asked us to wait, or null. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
