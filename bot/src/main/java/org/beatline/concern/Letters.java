package org.beatline.concern;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.beatline.conversation.Department;
import org.beatline.conversation.Neighbourhood;
import org.beatline.i18n.Renderer;
import org.beatline.message.Outbound;

/**
 * What the concern desk writes: to an officer in the officer's language, to a resident in the
 * resident's, each rendered by the one renderer and addressed to their own channel.
 */
final class Letters {
  private final Renderer renderer;
  private final Department department;

  Letters(Renderer renderer, Department department) {
    this.renderer = renderer;
    this.department = department;
  }

  String defaultLanguage() {
    return department.defaultLanguage();
  }

  Department department() {
    return department;
  }

  Outbound toOfficer(Officer o, String key, Map<String, ?> args) {
    String lang = o.language(department.defaultLanguage());
    return message(o.channel(), o.address(), lang, key, args);
  }

  Outbound toResident(Concern c, String key, Map<String, ?> args) {
    String lang = c.language() == null ? department.defaultLanguage() : c.language();
    return message(c.channel(), c.address(), lang, key, args);
  }

  /** A neighbourhood's name in {@code language}, or an empty string when unknown. */
  String neighbourhood(String id, String language) {
    Neighbourhood n = id == null ? null : department.neighbourhood(id);
    return n == null ? "" : n.name(language, department.defaultLanguage());
  }

  /**
   * What a concern is about ({@code concern.report}) as a reader of {@code language} says it
   * ("neighbourhood concern"); a category the catalogue has no label for is shown as it is stored.
   */
  String category(String id, String language) {
    if (id == null || id.isBlank()) {
      return "";
    }
    String key = "concern.category." + id;
    return renderer.catalogue().has(key) ? renderer.text(language, key) : id;
  }

  /** A language's own name ("Español"), as its catalogue gives it. */
  String languageName(String language) {
    return renderer.text(
        language == null ? department.defaultLanguage() : language, "language.name");
  }

  private Outbound message(
      String channel, String address, String lang, String key, Map<String, ?> args) {
    return new Outbound(
        UUID.randomUUID().toString(),
        channel,
        address,
        renderer.text(lang, key, args),
        List.of(),
        Outbound.Lane.REPLY,
        key,
        lang);
  }
}
