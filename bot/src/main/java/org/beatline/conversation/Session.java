package org.beatline.conversation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a contact is in the conversation; the edges store it per contact until {@link #keepUntil()}
 * and hand it back on the next message.
 *
 * @param stack the flows entered, outermost first; empty when no flow is waiting for an answer
 * @param vars answers and values kept for the conversation
 * @param retries how many unparseable answers the waiting step has had
 * @param more what {@code MORE} says next, or null
 * @param offered languages already offered to the contact, so that we offer each once
 * @param expiresAt when the waiting step expires (the flow says whether to resume or start over)
 * @param keepUntil when the edges may forget the session
 */
public record Session(
    List<Frame> stack,
    Map<String, String> vars,
    int retries,
    Line more,
    Set<String> offered,
    Instant expiresAt,
    Instant keepUntil) {

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public Session {
    stack = stack == null ? List.of() : List.copyOf(stack);
    vars = vars == null ? Map.of() : Map.copyOf(vars);
    offered = offered == null ? Set.of() : Set.copyOf(offered);
  }

  /**
   * A position in a flow: the step waiting for an answer, or the step that entered a sub-flow.
   *
   * @param aside whether this flow was started on top of a question still waiting below it, which
   *     is asked again when this flow ends
   */
  public record Frame(String flow, String step, boolean aside) {
    public Frame(String flow, String step) {
      this(flow, step, false);
    }
  }

  /** Whether a flow waits for an answer. */
  public boolean waiting() {
    return !stack.isEmpty();
  }

  /** The session as JSON, for storage. */
  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("session cannot be written", e);
    }
  }

  /** Reads a stored session; unknown fields from older versions are ignored. */
  public static Session fromJson(String json) {
    try {
      return JSON.readValue(json, Session.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "stored session cannot be read: " + e.getOriginalMessage());
    }
  }
}
