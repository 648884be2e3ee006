package org.beatline.pipeline;

import io.vertx.core.Future;
import java.util.List;
import org.beatline.contact.Contact;
import org.beatline.message.Inbound;
import org.beatline.message.Outbound;
import org.beatline.message.Understood;

/** What the pipeline hands a message to once it has passed the consent and safety gate. */
public interface Conversation {

  /** The rendered replies to a message, and where the conversation now stands. */
  record Answer(List<Outbound> replies, String flow, String step) {}

  Future<Answer> respond(Contact contact, Inbound message, Understood understood);

  /**
   * After emergency guidance: if the resident was answering a question (the street of a concern),
   * the answer is taken as usual, so that a false alarm does not derail them; otherwise nothing
   * more is said.
   */
  Future<Answer> respondAfterGuidance(Contact contact, Inbound message, Understood understood);
}
