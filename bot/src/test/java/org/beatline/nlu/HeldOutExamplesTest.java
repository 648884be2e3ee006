package org.beatline.nlu;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.beatline.message.Understood;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Typical phrasings of every intent, written apart from the training examples, are understood in
 * every language: most intents right, every language nearly always, every emergency caught.
 */
class HeldOutExamplesTest {
  /** Measured 95% to 100% per language; the floor leaves room for new examples, not for decline. */
  private static final double INTENT_FLOOR = 0.88;

  private static final double LANGUAGE_FLOOR = 0.93;

  @ParameterizedTest
  @ValueSource(strings = {"ar", "en", "es", "my", "so", "vi", "zh", "zh-Hant"})
  void noHeldOutMessageIsAlsoATrainingExample(String language) {
    Set<String> training = new HashSet<>();
    ExampleFiles.read(TrainedNlu.conversations())
        .forEach(l -> l.examples().forEach(e -> training.add(e.text().strip().toLowerCase())));
    List<String> leaked =
        TrainedNlu.eval(language).stream()
            .map(Example::text)
            .filter(text -> training.contains(text.strip().toLowerCase()))
            .toList();
    assertTrue(leaked.isEmpty(), () -> language + " held-out messages also trained on: " + leaked);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ar", "en", "es", "my", "so", "vi", "zh", "zh-Hant"})
  void typicalPhrasingsOfEveryIntentAreUnderstood(String language) {
    List<Example> examples = TrainedNlu.eval(language);
    Scorecard card = new Scorecard();
    for (Example e : examples) {
      card.add(e, TrainedNlu.get());
    }
    assertTrue(
        card.accuracy(language) >= INTENT_FLOOR,
        () -> language + " intent accuracy " + card.accuracy(language));
    assertTrue(
        card.languageAccuracy() >= LANGUAGE_FLOOR,
        () -> language + " language detection " + card.languageAccuracy());
  }

  @ParameterizedTest
  @ValueSource(strings = {"ar", "en", "es", "my", "so", "vi", "zh", "zh-Hant"})
  void everyHeldOutEmergencyIsCaught(String language) {
    for (Example e : TrainedNlu.eval(language)) {
      if (e.intent().equals("emergency")) {
        Understood u = TrainedNlu.get().understand(e.text(), language);
        assertTrue(u.emergency(), () -> "missed: " + e.text());
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"ar", "en", "es", "my", "so", "vi", "zh", "zh-Hant"})
  void theContactsLanguageNeverHurtsItsOwnMessages(String language) {
    for (Example e : TrainedNlu.eval(language)) {
      Understood u = TrainedNlu.get().understand(e.text(), language);
      if (!u.language().equals(language)) {
        assertTrue(
            u.languageConfidence() >= Nlu.SWITCH_CONFIDENCE,
            () -> "a weak guess overrode the contact's language: " + e.text());
      }
    }
  }
}
