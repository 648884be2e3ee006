package org.beatline.pipeline;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.beatline.contact.Contact;
import org.beatline.i18n.Renderer;
import org.beatline.message.Outbound;

/** Messages the gate says in its own words: rendered once, addressed to a contact. */
final class Say {
  private final Renderer renderer;

  Say(Renderer renderer) {
    this.renderer = renderer;
  }

  /** {@code key} in {@code language}, to {@code contact}, on {@code lane}. */
  Outbound to(
      Contact contact, String language, String key, Map<String, ?> args, Outbound.Lane lane) {
    return message(contact, renderer.text(language, key, args), List.of(), lane, key, language);
  }

  /** Whether {@code language} has a catalogue of its own. */
  boolean supports(String language) {
    return renderer.catalogue().supports(language);
  }

  /** {@code key} rendered in {@code language}, to be quoted inside another message. */
  String text(String language, String key, Map<String, ?> args) {
    return renderer.text(language, key, args);
  }

  /** An already rendered text, to {@code contact}. */
  static Outbound message(
      Contact contact,
      String text,
      List<Outbound.Option> options,
      Outbound.Lane lane,
      String key,
      String language) {
    return new Outbound(
        UUID.randomUUID().toString(),
        contact.channel(),
        contact.address(),
        text,
        options,
        lane,
        key,
        language);
  }
}
