package org.beatline.conversation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** English SMS text stays in GSM-7, and every short accountability answer fits two segments. */
class ShortAnswersTest {
  private static final String GSM7 =
      "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZ"
          + "ÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
  private static final String GSM7_EXTENDED = "^{}\\[~]|€";

  static int gsm7Length(String text) {
    int n = 0;
    for (char c : text.toCharArray()) {
      if (GSM7_EXTENDED.indexOf(c) >= 0) {
        n += 2;
      } else if (GSM7.indexOf(c) >= 0) {
        n++;
      } else {
        return -1;
      }
    }
    return n;
  }

  @Test
  void everyShortAnswerFitsTwoSmsSegmentsWithTheDepartmentsFacts() {
    Engine engine = new Engine(Content.CONVERSATIONS);
    java.util.List<String> tooLong = new java.util.ArrayList<>();
    for (String flowId : Content.CONVERSATIONS.flowIds()) {
      Flow flow = Content.CONVERSATIONS.flow(flowId);
      for (String intent : flow.triggers().intents()) {
        if (!intent.startsWith("accountability.") && !intent.startsWith("transparency.")) {
          continue;
        }
        Step step = engine.handle(null, Scripts.turn("question", intent, "en"));
        Reply answer = step.replies().get(0);
        String text = Replies.render(Content.RENDERER, answer, "en", false).text();
        int length = gsm7Length(text);
        assertTrue(answer.key().endsWith(".short"), answer.key());
        if (length < 0 || length > 306) {
          tooLong.add(answer.key() + " is " + length + ": " + text);
        }
      }
    }
    assertTrue(tooLong.isEmpty(), String.join("\n", tooLong));
  }

  @Test
  void englishMessagesUsePlainGsm7Punctuation() {
    for (Map.Entry<String, Object> e : Content.CATALOGUE.entries("en").entrySet()) {
      if (e.getValue() instanceof String s && !e.getKey().startsWith("keywords.")) {
        assertTrue(gsm7Length(s) >= 0, e.getKey() + " leaves GSM-7: " + s);
      }
    }
  }
}
