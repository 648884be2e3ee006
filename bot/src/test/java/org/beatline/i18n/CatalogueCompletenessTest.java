package org.beatline.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.MessagePattern;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.beatline.config.Content;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every key in every language, with the same placeholders, and every keyword list filled. */
class CatalogueCompletenessTest {
  static final List<String> LANGUAGES =
      List.of("en", "es", "vi", "zh", "zh-Hant", "ar", "so", "my");
  static final Catalogue CATALOGUE =
      Catalogue.load(Content.folder(null, "translations"), "en", "America/Chicago");

  @Test
  void everySupportedLanguageHasACatalogue() {
    assertThat(CATALOGUE.languages()).containsAll(LANGUAGES);
  }

  @ParameterizedTest
  @ValueSource(strings = {"es", "vi", "zh", "zh-Hant", "ar", "so", "my"})
  void languageHasEveryKeyWithTheSamePlaceholders(String lang) {
    Map<String, Object> en = CATALOGUE.entries("en");
    Map<String, Object> other = CATALOGUE.entries(lang);
    assertThat(other.keySet())
        .as("keys of " + lang)
        .containsExactlyInAnyOrderElementsOf(en.keySet());
    for (var e : en.entrySet()) {
      Object theirs = other.get(e.getKey());
      if (e.getValue() instanceof String pattern) {
        assertThat(theirs).as(lang + " " + e.getKey()).isInstanceOf(String.class);
        assertThat(placeholders((String) theirs))
            .as(lang + " " + e.getKey() + " placeholders")
            .isEqualTo(placeholders(pattern));
      } else {
        assertThat(theirs).as(lang + " " + e.getKey() + " is a word list").isInstanceOf(List.class);
        assertThat((List<?>) theirs).as(lang + " " + e.getKey()).isNotEmpty();
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "es", "vi", "zh", "zh-Hant", "ar", "so", "my"})
  void everyMessageRenders(String lang) {
    CATALOGUE
        .entries(lang)
        .forEach(
            (key, value) -> {
              if (value instanceof String pattern) {
                assertThat(CATALOGUE.render(lang, key, sampleArgs(pattern)))
                    .as(lang + " " + key)
                    .isNotBlank()
                    .doesNotContain("{");
              }
            });
  }

  /** English and Somali are written in GSM-7 letters; a curly quote would double the cost. */
  @ParameterizedTest
  @ValueSource(strings = {"en", "so"})
  void gsmLanguagesAvoidCharactersThatForceUcs2(String lang) {
    CATALOGUE
        .entries(lang)
        .forEach(
            (key, value) -> {
              if (value instanceof String s) {
                assertThat(SmsText.isGsm7(s.replace("{", "(").replace("}", ")")))
                    .as(lang + " " + key)
                    .isTrue();
              }
            });
  }

  @Test
  void aMissingKeyOrPlaceholderIsCaught() {
    Catalogue broken =
        new Catalogue(
            Map.of(
                "en", Map.of("a", "Hi {name}", "b", "x"),
                "es", Map.of("a", "Hola {nombre}")),
            "en",
            "UTC");
    assertThat(broken.entries("es").keySet()).isNotEqualTo(broken.entries("en").keySet());
    assertThat(placeholders((String) broken.entries("es").get("a")))
        .isNotEqualTo(placeholders((String) broken.entries("en").get("a")));
  }

  /** A value of the right kind for every argument of a pattern. */
  static Map<String, Object> sampleArgs(String pattern) {
    MessagePattern p = new MessagePattern(pattern);
    Map<String, Object> args = new java.util.HashMap<>();
    for (int i = 1; i < p.countParts(); i++) {
      MessagePattern.Part part = p.getPart(i);
      if (part.getType() != MessagePattern.Part.Type.ARG_NAME) {
        continue;
      }
      MessagePattern.ArgType type = p.getPart(i - 1).getArgType();
      String name = p.getSubstring(part);
      String style = i + 1 < p.countParts() ? p.getSubstring(p.getPart(i + 1)) : "";
      Object value =
          switch (type) {
            case PLURAL, SELECTORDINAL -> 3;
            case SELECT -> "other";
            case SIMPLE ->
                style.startsWith("date") || style.startsWith("time") ? new java.util.Date() : 3;
            default -> "x";
          };
      args.putIfAbsent(name, value);
    }
    return args;
  }

  static Set<String> placeholders(String pattern) {
    MessagePattern p = new MessagePattern(pattern);
    Set<String> names = new TreeSet<>();
    for (int i = 0; i < p.countParts(); i++) {
      MessagePattern.Part part = p.getPart(i);
      if (part.getType() == MessagePattern.Part.Type.ARG_NAME) {
        names.add(p.getSubstring(part));
      }
    }
    return names;
  }
}
