package org.beatline.conversation;

import java.time.Duration;
import java.util.List;

/**
 * How the engine behaves ({@code conversations/engine.yaml}): confidence thresholds, the flows it
 * starts on its own, the global words and the loop guard.
 *
 * @param confident an intent at least this likely is acted on
 * @param suggest below {@code confident}, intents at least this likely are offered as choices
 * @param switchLanguage a message confidently in another language at least this sure gets an offer
 * @param sideQuestion an intent of another flow at least this likely, in the middle of a journey,
 *     is answered aside (or offered as a way out) instead of taken or re-asked
 * @param maxSteps the most steps one message may run before the loop guard stops the flow
 * @param maxDepth the most sub-flows entered inside each other
 * @param firstFlow the flow a new contact's first message starts
 * @param fallbackFlow the flow for messages nothing else handles
 * @param clarifyFlow the flow that offers the likeliest intents
 * @param offerFlow the flow that offers another language
 * @param leaveFlow the flow that asks whether to leave a journey for what a message asks
 * @param bareFlow the flow for a bare yes, no, number or neighbourhood when nothing waits
 * @param resumeWindow how long after expiry a resumable session is kept
 * @param globals words that work in every state
 */
record Settings(
    double confident,
    double suggest,
    double switchLanguage,
    double sideQuestion,
    int maxSteps,
    int maxDepth,
    String firstFlow,
    String fallbackFlow,
    String clarifyFlow,
    String offerFlow,
    String leaveFlow,
    String bareFlow,
    Duration resumeWindow,
    List<Global> globals) {

  /** A global word list (a catalogue key) and what it does: jump to a flow, or say {@code more}. */
  record Global(String words, String jump, boolean more) {}
}
