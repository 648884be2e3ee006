package org.beatline.pipeline;

import org.beatline.contact.Contact;
import org.beatline.message.Inbound;
import org.beatline.message.Understood;

/**
 * A message as the responders see it: who sent it (with the language already settled), what
 * arrived, and what was understood of it.
 */
public record Incoming(Contact contact, Inbound message, Understood understood) {}
