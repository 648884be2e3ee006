package org.beatline.conversation;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What the engine made of one turn: the session to store, what to say, what the edges must do, and
 * what happened, so that nothing outside the engine reads meaning into reply keys.
 *
 * @param session the new session; store it until {@link Session#keepUntil()}
 * @param replies what to send, in order
 * @param effects what to carry out, in order, before the replies are sent
 * @param outcomes what the turn amounted to
 */
public record Step(
    Session session, List<Reply> replies, List<Effect> effects, Set<Outcome> outcomes) {

  public Step {
    replies = List.copyOf(replies);
    effects = List.copyOf(effects);
    outcomes = outcomes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(outcomes));
  }

  /** Whether the turn amounted to {@code outcome}. */
  public boolean is(Outcome outcome) {
    return outcomes.contains(outcome);
  }

  /** What a turn amounted to, beyond its replies. */
  public enum Outcome {
    /**
     * The message was not understood: the fallback, a clarifying question, a re-ask or a way out
     * was said.
     */
    NOT_UNDERSTOOD,
    /** The message was taken as the answer to the question that was waiting. */
    ANSWERED,
    /** Emergency guidance was given. */
    GUIDANCE_GIVEN,
    /** A flow ran to its end this turn and nothing waits any more. */
    FLOW_FINISHED
  }
}
