package org.beatline.pipeline;

import java.util.List;
import org.beatline.contact.Contact;
import org.beatline.message.Inbound;
import org.beatline.message.Outbound;
import org.beatline.message.Understood;

/**
 * What became of one inbound message.
 *
 * @param duplicate true when the provider delivered a message already processed; nothing was done
 * @param understood what was understood of it (null for a duplicate)
 * @param response the responder's answer (null for a duplicate)
 * @param message the message itself (null for a duplicate)
 */
public record Handled(
    boolean duplicate, Understood understood, Response response, Inbound message) {

  static Handled duplicateMessage() {
    return new Handled(true, null, null, null);
  }

  /** The contact as it stands after the message. */
  public Contact contact() {
    return response == null ? null : response.contact();
  }

  /** The replies to the sender of the message, in order (what the simulator shows). */
  public List<Outbound> replies() {
    if (response == null) {
      return List.of();
    }
    return response.messages().stream()
        .filter(m -> m.channel().equals(message.channel()) && m.address().equals(message.address()))
        .toList();
  }

  /** The flow the sender's conversation is in now, or null. */
  public String flow() {
    return response == null ? null : response.flow();
  }

  /** The step the sender's conversation waits in now, or null. */
  public String step() {
    return response == null ? null : response.step();
  }
}
