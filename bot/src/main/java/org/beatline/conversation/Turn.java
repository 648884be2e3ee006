package org.beatline.conversation;

import java.time.Instant;
import org.beatline.message.Understood;

/**
 * One message from a resident, as the engine sees it: what they typed or pressed, what the NLU
 * understood, and the facts the edges loaded for the contact before calling the engine.
 *
 * @param text the message text (Zawgyi already converted), may be empty when a button was pressed
 * @param choice the value of a pressed button, or null
 * @param understood what the NLU made of {@code text}
 * @param buttons whether the channel shows buttons (Telegram) rather than numbered options (SMS)
 * @param now the time the message arrived
 * @param facts what storage knows about the contact
 */
public record Turn(
    String text, String choice, Understood understood, boolean buttons, Instant now, Facts facts) {

  public Turn {
    text = text == null ? "" : text;
    facts = facts == null ? Facts.none() : facts;
  }
}
