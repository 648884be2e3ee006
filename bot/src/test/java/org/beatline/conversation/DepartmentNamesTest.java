package org.beatline.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.beatline.message.Understood;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The oversight board and the complaint intake office are named in the resident's language in the
 * accountability answers, from the department profile, and in the default language where the
 * profile gives no name of that language.
 */
class DepartmentNamesTest {
  private static final Department DEPARTMENT = Content.CONVERSATIONS.department();

  static List<String> languages() {
    return DEPARTMENT.languages();
  }

  @ParameterizedTest
  @MethodSource("languages")
  void accountabilityAnswersNameTheBoardAndTheOfficeInTheResidentsLanguage(String language) {
    String board = (String) DEPARTMENT.fact("oversight.name", language);
    String fullBoard = (String) DEPARTMENT.fact("oversight.full_name", language);
    String shortBoard = (String) DEPARTMENT.fact("oversight.short_name", language);
    String intake = (String) DEPARTMENT.fact("complaints.intake", language);
    String fullIntake = (String) DEPARTMENT.fact("complaints.full_intake", language);
    if (!language.equals(DEPARTMENT.defaultLanguage())) {
      // Every language the department serves has its own names; the full ones keep the English
      // name in brackets, as residents see it on letters.
      assertThat(board).isNotEqualTo(DEPARTMENT.fact("oversight.name")).doesNotContain("Board");
      assertThat(fullBoard).contains(board, "Riverton Community Police Review Board");
      assertThat(shortBoard).isNotEqualTo(DEPARTMENT.fact("oversight.short_name"));
      assertThat(intake).isNotEqualTo(DEPARTMENT.fact("complaints.intake"));
      assertThat(fullIntake).contains(intake, "Office of Professional Standards");
    }
    // Short answers (SMS-sized) by the names in the language, long answers by the full ones.
    Step oversight = answer(language, "accountability.oversight");
    assertThat(args(oversight, "accountability.oversight.short")).containsEntry("board", board);
    assertThat(args(more(oversight, language), "accountability.oversight.long"))
        .containsEntry("board", fullBoard);
    Step process = answer(language, "accountability.investigation_process");
    assertThat(args(process, "accountability.investigation_process.short"))
        .containsEntry("intake", intake);
    assertThat(args(more(process, language), "accountability.investigation_process.long"))
        .containsEntry("intake", fullIntake);
    Step complaint = answer(language, "accountability.file_complaint");
    String text =
        complaint.replies().stream()
            .filter(r -> r.key().equals("accountability.file_complaint.short"))
            .map(r -> Replies.render(Content.RENDERER, r, language, false).text())
            .findFirst()
            .orElseThrow();
    assertThat(text).contains(intake).contains(shortBoard).doesNotContain("{en=");
  }

  @ParameterizedTest
  @CsvSource({"es, Oficina", "so, Professional Standards", "fr, Professional Standards"})
  void aLanguageWithoutItsOwnNameGetsTheDefaultOne(String language, String expected) {
    // A profile naming the office in English and Spanish only.
    Department d =
        new Department(
            "Riverton Police Department",
            "America/Chicago",
            "en",
            List.of("en", "es", "so"),
            List.of(),
            2,
            null,
            Map.of(
                "complaints",
                Map.of(
                    "intake",
                    Map.of(
                        "en", "Office of Professional Standards",
                        "es", "Oficina de Normas Profesionales"),
                    "phone",
                    "(555) 010-0150")));
    assertThat((String) d.fact("complaints.intake", language)).contains(expected);
    assertThat(d.fact("complaints.intake")).isEqualTo("Office of Professional Standards");
    // A map that is not per language (its keys are no languages) is a fact like any other.
    assertThat(d.fact("complaints", language)).isInstanceOf(Map.class);
    assertThat(d.fact("complaints.phone", language)).isEqualTo("(555) 010-0150");
  }

  private static Step answer(String language, String intent) {
    Facts facts =
        new Facts(
            language,
            false,
            "eastside",
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            null,
            Facts.NEW_REFERENCE);
    Understood u = new Understood("?", language, 1.0, intent, 0.95, List.of(), false);
    return new Engine(Content.CONVERSATIONS)
        .handle(null, new Turn("?", null, u, false, Instant.parse("2030-06-01T15:00:00Z"), facts));
  }

  /** The resident replies MORE to {@code step}. */
  private static Step more(Step step, String language) {
    Understood u = new Understood("MORE", language, 1.0, null, 0, List.of(), false);
    return new Engine(Content.CONVERSATIONS)
        .handle(
            Session.fromJson(step.session().toJson()),
            new Turn(
                "MORE", null, u, false, Instant.parse("2030-06-01T15:01:00Z"), facts(language)));
  }

  private static Facts facts(String language) {
    return new Facts(
        language,
        false,
        "eastside",
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        null,
        Facts.NEW_REFERENCE);
  }

  private static Map<String, Object> args(Step step, String key) {
    return step.replies().stream()
        .filter(r -> r.key().equals(key))
        .findFirst()
        .map(Reply::args)
        .orElseThrow(() -> new AssertionError("no " + key + " in " + step.replies()));
  }
}
