package org.beatline.conversation;

/**
 * Where to go after a step: the first rule whose condition holds wins. Exactly one of {@code go} (a
 * step of this flow, or {@code end} to return to the caller), {@code jump} (another flow, dropping
 * this one), {@code route} (the flow that handles an intent, usually {@code $intent}) and {@code
 * act_on: message} (do what the message asks, as when no question waits; when it asks nothing we
 * understood, the next rule is followed) is given; {@code jump} and {@code route} may be
 * expressions.
 */
record Rule(Condition when, String go, String jump, String route, String actOn) {
  static final String END = "end";
  static final String MESSAGE = "message";

  Rule {
    when =
        when == null ? new Condition(null, null, null, null, null, null, null, null, null) : when;
  }
}
