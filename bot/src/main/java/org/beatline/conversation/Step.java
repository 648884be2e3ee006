package org.beatline.conversation;

import java.util.List;

/**
 * What the engine made of one turn: the session to store, what to say, and what the edges must do.
 *
 * @param session the new session; store it until {@link Session#keepUntil()}
 * @param replies what to send, in order
 * @param effects what to carry out, in order, before the replies are sent
 */
public record Step(Session session, List<Reply> replies, List<Effect> effects) {

  public Step {
    replies = List.copyOf(replies);
    effects = List.copyOf(effects);
  }
}
