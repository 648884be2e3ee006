package org.beatline.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.beatline.config.Content;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard's own catalogue: every key of English in every staff language with the same
 * placeholders, and never mixed into what residents are sent.
 */
class StaffCatalogueTest {
  static final Path TRANSLATIONS = Content.folder(null, "translations");
  static final StaffCatalogue STAFF = StaffCatalogue.load(TRANSLATIONS.resolve("staff"));
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

  @Test
  void englishAndSpanishAtLeast() {
    assertThat(STAFF.languages()).contains("en", "es");
  }

  @Test
  void arabicIsWrittenRightToLeftAndNamedInItself() {
    assertThat(STAFF.entries("ar"))
        .containsEntry("meta.dir", "rtl")
        .containsEntry("meta.name", "العربية");
    assertThat(STAFF.entries("so"))
        .containsEntry("meta.dir", "ltr")
        .containsEntry("meta.name", "Soomaali");
    assertThat(STAFF.entries("my")).containsEntry("meta.dir", "ltr");
  }

  @Test
  void everyStaffLanguageHasEveryKeyWithTheSamePlaceholders() {
    Map<String, String> en = STAFF.entries("en");
    assertThat(en).hasSizeGreaterThan(100);
    for (String lang : STAFF.languages()) {
      Map<String, String> other = STAFF.entries(lang);
      assertThat(other.keySet())
          .as("keys of staff/" + lang)
          .containsExactlyInAnyOrderElementsOf(en.keySet());
      en.forEach(
          (key, text) ->
              assertThat(placeholders(other.get(key)))
                  .as("staff/" + lang + " " + key + " placeholders")
                  .isEqualTo(placeholders(text)));
      assertThat(other.get("meta.dir")).as(lang + " meta.dir").isIn("ltr", "rtl");
    }
  }

  @Test
  void aMissingKeyOrPlaceholderIsCaught(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("en.yaml"), "a: \"Hi {name}\"\nb: x\n");
    Files.writeString(dir.resolve("es.yaml"), "a: \"Hola {nombre}\"\n");
    StaffCatalogue broken = StaffCatalogue.load(dir);
    assertThat(broken.entries("es").keySet()).isNotEqualTo(broken.entries("en").keySet());
    assertThat(placeholders(broken.entries("es").get("a")))
        .isNotEqualTo(placeholders(broken.entries("en").get("a")));
    assertThat(broken.complete("es")).containsEntry("b", "x");
    assertThat(broken.complete("xx")).isNull();
  }

  @Test
  void theResidentCatalogueNeverReadsTheStaffFolder() {
    assertThat(Files.isDirectory(TRANSLATIONS.resolve("staff"))).isTrue();
    Catalogue residents = Catalogue.load(TRANSLATIONS, "en", "America/Chicago");
    assertThat(residents.languages()).doesNotContain("staff");
    assertThat(residents.entries("en").keySet())
        .as("staff keys in the resident catalogue")
        .doesNotContain("nav.sign_out", "meta.dir", "concerns.csv");
  }

  @Test
  void aStaffFolderNamedLikeALanguageIsStillNotRead(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("en.yaml"), "hello: Hi\n");
    Files.createDirectories(dir.resolve("es.yaml"));
    Files.createDirectories(dir.resolve("staff"));
    Files.writeString(dir.resolve("staff/en.yaml"), "nav: {sign_out: Sign out}\n");
    Catalogue residents = Catalogue.load(dir, "en", "UTC");
    assertThat(residents.languages()).containsExactly("en");
    assertThat(residents.entries("en")).containsOnlyKeys("hello");
  }

  static Set<String> placeholders(String text) {
    Set<String> out = new TreeSet<>();
    if (text == null) {
      return out;
    }
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }
}
