package org.beatline.conversation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The conversations README shows an example of every step type, step part and action. */
class ReadmeTest {

  @Test
  void everyStepTypeAndActionHasAnExample() throws IOException {
    String readme =
        Files.readString(
            org.beatline.config.Content.folder(null, "conversations").resolve("README.md"));
    for (AnswerType type : AnswerType.values()) {
      assertTrue(readme.contains("wait: " + type.yamlName()), "no example of wait: " + type);
    }
    for (String part :
        new String[] {
          "say:",
          "more:",
          "list:",
          "enter:",
          "options_from",
          "prefill:",
          "lenient:",
          "reask:",
          "language:",
          "do:",
          "next:",
          "go:",
          "jump:",
          "route:",
          "set:",
          "act_on:",
          "aside:",
          "back:",
          "stay:",
          "words:",
          "yes_no:",
          "asides:",
          "prefill_from:",
          "prefill_ignores:",
          "take_only_option:",
          "replied:",
          "rest:"
        }) {
      assertTrue(readme.contains(part), "no example of " + part);
    }
    for (String action : Actions.PARAMS.keySet()) {
      assertTrue(readme.contains(action), "no mention of action " + action);
    }
    for (String condition :
        new String[] {
          "answer:",
          "intent:",
          "known:",
          "missing:",
          "subscribed:",
          "vars:",
          "confident:",
          "none_of:"
        }) {
      assertTrue(readme.contains(condition), "no example of condition " + condition);
    }
  }
}
