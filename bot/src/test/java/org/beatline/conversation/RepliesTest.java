package org.beatline.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RepliesTest {
  private final Reply reply =
      new Reply(
          "concern.ask.contact",
          Map.of(),
          List.of(
              new Reply.Option("text", "concern.contact.text", null, null),
              new Reply.Option("anonymous", "concern.contact.anonymous", null, null)),
          true,
          "en");

  @Test
  void smsNumbersTheOptionsInTheText() {
    Replies.Rendered sms = Replies.render(Content.RENDERER, reply, "en", false);
    assertEquals(
        "Would you like the officer to contact you?\n1. Yes, by text here\n2. Don't contact me (your number stays with the report)",
        sms.text());
    assertTrue(sms.buttons().isEmpty());
  }

  @Test
  void telegramGetsButtonsFromTheSameReply() {
    Replies.Rendered telegram = Replies.render(Content.RENDERER, reply, "en", true);
    assertEquals("Would you like the officer to contact you?", telegram.text());
    assertEquals(
        List.of(
            new Replies.Button("Yes, by text here", "text"),
            new Replies.Button(
                "Don't contact me (your number stays with the report)", "anonymous")),
        telegram.buttons());
  }

  @Test
  void languageNamesAreShownInTheirOwnLanguage() {
    Reply languages =
        new Reply(
            "language.ask",
            Map.of(),
            List.of(
                new Reply.Option("es", "language.name", null, "es"),
                new Reply.Option("zh", "language.name", null, "zh")),
            true,
            "en");
    assertTrue(
        Replies.render(Content.RENDERER, languages, "en", false)
            .text()
            .endsWith("1. Español\n2. 中文"));
  }
}
