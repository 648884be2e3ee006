package org.beatline.conversation;

import java.time.Instant;
import java.util.List;
import org.beatline.message.Understood;

/** Turns for tests that do not need a whole script. */
final class Scripts {
  static final Instant NOW = Instant.parse("2030-06-01T15:00:00Z");

  private Scripts() {}

  static Turn turn(String text, String intent, String language) {
    Understood understood =
        new Understood(text, language, 0.9, intent, intent == null ? 0 : 0.9, List.of(), false);
    Facts facts =
        new Facts(language, false, null, List.of(), List.of(), List.of(), List.of(), null, "RIV-1");
    return new Turn(text, null, understood, false, NOW, facts);
  }
}
