package org.beatline.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.Bidi;
import java.util.Map;
import org.beatline.config.Content;
import org.junit.jupiter.api.Test;

/** The one renderer: department facts, and left-to-right values kept whole in Arabic. */
class RendererTest {
  static final Catalogue CATALOGUE =
      Catalogue.load(Content.folder(null, "translations"), "en", "America/Chicago");
  static final Map<String, Object> DEPARTMENT =
      Map.of(
          "department", "Riverton Police Department",
          "phone", "(555) 010-0199",
          "website", "https://police.riverton.example");
  // Realistic values for every argument a catalogue message may take.
  static final Map<String, Object> VALUES =
      Map.ofEntries(
          Map.entry("board_phone", "(555) 010-0240"),
          Map.entry("intake_phone", "(555) 010-0150"),
          Map.entry("reference", "RIV-1042"),
          Map.entry("link", "https://police.riverton.example/complaint"),
          Map.entry("email", "ops@riverton.example"),
          Map.entry("url", "https://police.riverton.example/meetings"));

  @Test
  void everyArabicMessageShowsPhoneNumbersReferencesAndLinksInTheirOwnOrder() {
    Renderer renderer = new Renderer(CATALOGUE, DEPARTMENT);
    int checked = 0;
    for (var e : CATALOGUE.entries("ar").entrySet()) {
      if (!(e.getValue() instanceof String pattern) || e.getKey().startsWith("keywords.")) {
        continue;
      }
      String text;
      try {
        text = renderer.text("ar", e.getKey(), VALUES);
      } catch (IllegalArgumentException missingArgumentType) {
        continue; // a plural or date argument this generic run cannot fill
      }
      String visual = new Bidi(text, Bidi.RTL).writeReordered(Bidi.DO_MIRRORING);
      for (Object v : allValues()) {
        String value = v.toString();
        if (text.contains(value)) {
          assertThat(visual).as(e.getKey() + " shows " + value + " as written").contains(value);
          checked++;
        }
      }
    }
    assertThat(checked).as("Arabic messages quoting a number or a link").isGreaterThan(5);
  }

  @Test
  void arabicMessagesPickTheVariantTheirSelectorNames() {
    Renderer renderer = new Renderer(CATALOGUE, DEPARTMENT);
    String acknowledged =
        renderer.text(
            "ar",
            "concern.status.item",
            Map.of(
                "reference", "RIV-1042",
                "neighbourhood", "الحي الشرقي",
                "created", java.time.Instant.parse("2030-05-28T10:00:00Z"),
                "status", "acknowledged"));
    assertThat(acknowledged).contains("الضابط يتابع الأمر").doesNotContain("تم الاستلام");
    String answered =
        renderer.text(
            "ar",
            "concern.status.question",
            Map.of(
                "asked", java.time.Instant.parse("2030-05-28T10:00:00Z"),
                "question", "can I get the bodycam video?",
                "answered", "yes"));
    assertThat(answered).contains("ردّ عليه").contains("\u2066can I get the bodycam video?");
  }

  @Test
  void withoutIsolationTheBidiAlgorithmWouldReverseAPhoneNumber() {
    String bare = "اتصل على (555) 010-0199 الآن";
    String visual = new Bidi(bare, Bidi.RTL).writeReordered(Bidi.DO_MIRRORING);
    assertThat(visual).doesNotContain("(555) 010-0199");
  }

  @Test
  void leftToRightLanguagesAreLeftAlone() {
    Renderer renderer = new Renderer(CATALOGUE, DEPARTMENT);
    assertThat(renderer.text("en", "help", Map.of()))
        .contains("(555) 010-0199")
        .doesNotContain("\u2066");
  }

  static Iterable<Object> allValues() {
    java.util.List<Object> all = new java.util.ArrayList<>(DEPARTMENT.values());
    all.addAll(VALUES.values());
    return all;
  }
}
