package org.beatline.conversation;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * A conversation written by department staff in {@code conversations/flows/<id>.yaml}: named steps,
 * the intents and keywords that start it, and how long it waits for an answer.
 *
 * @param expiry how long a waiting step waits (24 hours unless the flow says)
 * @param onExpiry {@code restart} (forget it) or {@code resume} (pick up where it was)
 * @param start the first step; the first one written when not given
 * @param steps the steps by name, in written order
 * @param aside whether it may answer a question asked in the middle of another journey; it then
 *     stops before it would ask anything, and the journey's question is asked again
 * @param back what is said when coming back to this flow's question after an aside (a key)
 * @param stay the label of the option to go on with this flow rather than leave it (a key)
 */
record Flow(
    String id,
    Duration expiry,
    String onExpiry,
    Triggers triggers,
    String start,
    LinkedHashMap<String, FlowStep> steps,
    boolean aside,
    String back,
    String stay) {
  static final String BACK = "answer.back";
  static final String STAY = "answer.stay";

  Flow {
    expiry = expiry == null ? Duration.ofHours(24) : expiry;
    onExpiry = onExpiry == null ? "restart" : onExpiry;
    triggers = triggers == null ? new Triggers(null, null) : triggers;
    if (start == null && steps != null && !steps.isEmpty()) {
      start = steps.keySet().iterator().next();
    }
    back = back == null ? BACK : back;
    stay = stay == null ? STAY : stay;
  }

  FlowStep step(String name) {
    return steps.get(name);
  }

  boolean resumes() {
    return "resume".equals(onExpiry);
  }

  /**
   * What starts a flow from anywhere: intents (globs) or whole-message keywords (catalogue keys).
   */
  record Triggers(List<String> intents, List<String> keywords) {
    Triggers {
      intents = intents == null ? List.of() : List.copyOf(intents);
      keywords = keywords == null ? List.of() : List.copyOf(keywords);
    }
  }
}
