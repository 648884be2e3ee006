package org.beatline.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.beatline.config.Content;
import org.beatline.conversation.Conversations;
import org.beatline.conversation.Engine;
import org.beatline.conversation.Facts;
import org.beatline.conversation.Replies;
import org.beatline.conversation.Reply;
import org.beatline.conversation.Turn;
import org.beatline.message.Understood;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What each message costs by SMS, rendered with the department's own facts: a resident's first turn
 * (the welcome and the menu) at most four segments, a short answer at most three, no other message
 * dearer than the first turn, and a long answer (asked for with MORE) never split into two
 * messages.
 */
class SegmentBudgetTest {
  static final int FIRST_TURN = 4;
  static final int SHORT_ANSWER = 3;
  static final int OTHER = FIRST_TURN;
  static final int LONG_ANSWER = SmsText.MAX_SEGMENTS;

  static final Catalogue CATALOGUE = CatalogueCompletenessTest.CATALOGUE;
  static final RealArguments ARGS = RealArguments.of(Content.folder(null, "conversations"));
  static final Engine ENGINE =
      new Engine(Conversations.load(Content.folder(null, "conversations"), CATALOGUE));
  private static final Map<String, String> COSTS = new TreeMap<>();
  // As the service renders: bidi isolation of numbers and links counts against the budget too.
  private static final Renderer RENDERER = new Renderer(CATALOGUE, Map.of());

  /** The budget of one key, in segments. */
  static int budget(String key) {
    if (key.startsWith("officer.")) {
      return LONG_ANSWER; // read on an officer's work phone, quoting what the resident wrote
    }
    if (key.endsWith(".short")) {
      return SHORT_ANSWER;
    }
    return key.endsWith(".long") ? LONG_ANSWER : OTHER;
  }

  static Stream<String> languages() {
    return CATALOGUE.languages().stream();
  }

  /** One message as SMS sends it, with the arguments the service passes to it. */
  static String sms(String language, String key) {
    return Replies.render(
            RENDERER, Reply.of(key, ARGS.of(key, language), language), language, false)
        .text();
  }

  /**
   * What a resident receives for a first "hello": every reply of the engine's turn rendered for SMS
   * (options numbered) and joined into one message, as the pipeline sends a turn.
   */
  static String firstTurn(String language) {
    String hello = CATALOGUE.ownWords(language, "keywords.greeting").get(0);
    Understood understood = new Understood(hello, language, 1.0, "greeting", 1.0, List.of(), false);
    Turn turn = new Turn(hello, null, understood, false, Instant.now(), Facts.none());
    return ENGINE.handle(null, turn).replies().stream()
        .map(r -> Replies.render(RENDERER, r, language, false).text())
        .collect(Collectors.joining("\n\n"));
  }

  @ParameterizedTest
  @MethodSource("languages")
  void firstTurnFitsFourSegments(String lang) {
    String text = firstTurn(lang);
    assertThat(text).as(lang + " first turn").contains(sms(lang, "welcome"), "911");
    assertThat(SmsText.segments(text))
        .as(lang + " first turn:\n" + text)
        .isLessThanOrEqualTo(FIRST_TURN);
  }

  @ParameterizedTest
  @MethodSource("languages")
  void everyMessageFitsItsBudget(String lang) {
    List<String> over = new ArrayList<>();
    int worstShort = 0;
    for (var e : CATALOGUE.entries(lang).entrySet()) {
      if (!(e.getValue() instanceof String)) {
        continue;
      }
      String text = sms(lang, e.getKey());
      assertThat(text).as(lang + " " + e.getKey()).doesNotContain("{");
      int segments = SmsText.segments(text);
      if (e.getKey().endsWith(".short")) {
        worstShort = Math.max(worstShort, segments);
      }
      if (segments > budget(e.getKey())) {
        over.add(e.getKey() + ": " + segments + " segments, budget " + budget(e.getKey()));
      }
    }
    COSTS.put(lang, SmsText.segments(firstTurn(lang)) + "\t" + worstShort);
    assertThat(over).as(lang + " messages over their SMS budget").isEmpty();
  }

  @Test
  void messagesQuoteTheDepartmentsOwnFacts() {
    String complaint = sms("en", "accountability.file_complaint.short");
    assertThat(complaint)
        .contains("Office of Professional Standards", "(555) 010-0150", "(555) 010-0240");
    assertThat(sms("en", "help")).contains("Riverton Police Department", "(555) 010-0199");
    assertThat(sms("en", "concern.created")).contains("RIV-1001");
  }

  @Test
  void aLongAnswerIsOverBudgetExactlyWhenTheSenderWouldSplitIt() {
    String fits = "ế".repeat(67 * SmsText.MAX_SEGMENTS);
    assertThat(SmsText.split(fits)).hasSize(1);
    assertThat(SmsText.segments(fits)).isLessThanOrEqualTo(budget("x.long"));
    String tooLong = fits + " ế";
    assertThat(SmsText.split(tooLong)).hasSizeGreaterThan(1);
    assertThat(SmsText.segments(tooLong)).isGreaterThan(budget("x.long"));
  }

  /** Prints the cost per language: first turn, and the dearest short answer, in segments. */
  @AfterAll
  static void printCosts() {
    StringBuilder table = new StringBuilder("SMS segments\tfirst turn\tworst short\n");
    COSTS.forEach((lang, cost) -> table.append(lang).append("\t\t").append(cost).append('\n'));
    System.out.print(table);
  }
}
