package org.beatline.nlu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The training files keep the contract: every language, every intent of the catalogue, no other.
 */
class IntentFilesTest {
  /** The intent catalogue: names are stable identifiers shared with flows, the API and the CLI. */
  static final Set<String> CATALOGUE =
      Set.of(
          "accountability.investigation_process",
          "accountability.investigation_outcomes",
          "accountability.discipline",
          "accountability.oversight",
          "accountability.timeline",
          "accountability.complainant",
          "accountability.fbi_da",
          "accountability.file_complaint",
          "transparency.data",
          "transparency.policy",
          "meetings.next",
          "meetings.subscribe",
          "academy.info",
          "volunteer.join",
          "concern.report",
          "case.followup",
          "survey.take",
          "officer.contact",
          "emergency",
          "language.change",
          "greeting",
          "thanks",
          "help",
          "opt_out",
          "opt_in",
          "out_of_scope");

  @Test
  void everyLanguageHasExamplesOfEveryIntentAndOnlyThose() {
    List<LanguageExamples> all = ExampleFiles.read(TrainedNlu.conversations());
    assertEquals(
        Set.copyOf(TrainedNlu.LANGUAGES),
        Set.copyOf(all.stream().map(LanguageExamples::language).toList()));
    for (LanguageExamples l : all) {
      assertEquals(CATALOGUE, l.intents().keySet(), l.language());
      l.intents().forEach((intent, texts) -> assertTrue(texts.size() >= 20, l.language() + intent));
      assertFalse(l.emergencyLexicon().isEmpty(), l.language());
      EmergencyCues.Lists cues = ExampleFiles.cues(TrainedNlu.conversations(), l.language());
      assertFalse(cues.danger().isEmpty(), l.language());
      assertFalse(cues.notNow().isEmpty(), l.language());
      assertFalse(cues.now().isEmpty(), l.language());
    }
  }

  @Test
  void heldOutFilesNameKnownLanguagesAndIntents() {
    for (String language : TrainedNlu.LANGUAGES) {
      Set<String> intents = new HashSet<>();
      for (Example e : TrainedNlu.eval(language)) {
        assertEquals(language, e.language(), e.text());
        assertTrue(CATALOGUE.contains(e.intent()), e.intent());
        intents.add(e.intent());
      }
      assertEquals(CATALOGUE, intents, language);
    }
  }
}
