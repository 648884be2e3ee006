package org.beatline.pipeline;

import java.util.List;
import org.beatline.contact.Contact;
import org.beatline.message.Outbound;
import org.beatline.message.Understood;

/**
 * What became of one inbound message.
 *
 * @param duplicate true when the provider delivered a message already processed; nothing was done
 */
public record Handled(
    boolean duplicate,
    Contact contact,
    Understood understood,
    List<Outbound> replies,
    String flow,
    String step) {

  static Handled duplicateMessage() {
    return new Handled(true, null, null, List.of(), null, null);
  }
}
