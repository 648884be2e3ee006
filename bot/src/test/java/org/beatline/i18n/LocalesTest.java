package org.beatline.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Dates, times and numbers are written the way each catalogue's readers write them. */
class LocalesTest {
  static final Catalogue CATALOGUE = CatalogueCompletenessTest.CATALOGUE;
  static final Map<String, Object> MEETING =
      Map.of(
          "title", "Eastside community meeting",
          "start", Date.from(Instant.parse("2030-06-12T23:30:00Z")),
          "place", "Eastside Library",
          "ics", "https://example.org/m.ics");

  @Test
  void spanishTimesAreWrittenTheUsWay() {
    // ICU writes a narrow no-break space before "p.m."; replies turn it into a plain one.
    assertThat(CATALOGUE.render("es", "meetings.item", MEETING).replace('\u202F', ' '))
        .contains("6:30 p.m.");
  }

  @Test
  void somaliDatesAndTimesAreSpeltOut() {
    assertThat(CATALOGUE.render("so", "meetings.item", MEETING))
        .contains("12 Juun 2030")
        .contains("18:30")
        .doesNotContain("GD");
  }

  @Test
  void burmeseNumbersUseLatinDigits() {
    assertThat(CATALOGUE.render("my", "meetings.item", MEETING)).contains("18:30").contains("12");
    assertThat(CATALOGUE.render("my", "options.line", Map.of("n", 3, "label", "x")))
        .isEqualTo("3. x");
    assertThat(CATALOGUE.render("my", "handoff.done", Map.of("days", 2))).contains("2");
  }

  @Test
  void arabicCountsAgreeWithTheirNumber() {
    Map<String, Object> few = Map.of("days", 5, "link", "x");
    Map<String, Object> many = Map.of("days", 120, "link", "x");
    String key = "accountability.investigation_process.short";
    assertThat(CATALOGUE.render("ar", key, few)).contains("5 أيام");
    assertThat(CATALOGUE.render("ar", key, many)).contains("120 يومًا");
  }
}
