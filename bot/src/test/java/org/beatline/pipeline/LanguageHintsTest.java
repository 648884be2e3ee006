package org.beatline.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A phone's language setting is read as the closest language Beatline speaks. */
class LanguageHintsTest {
  private static final LanguageHints HINTS =
      new LanguageHints(List.of("ar", "en", "es", "my", "so", "vi", "zh", "zh-Hant"));

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    "es, es",
    "es-MX, es",
    "es_US, es",
    "en-GB, en",
    "zh, zh",
    "zh-CN, zh",
    "zh-Hans, zh",
    "zh-TW, zh-Hant",
    "zh-HK, zh-Hant",
    "zh-hant, zh-Hant",
    "vi-VN, vi",
    "fr, ",
    "'', ",
    "!!, ",
  })
  void phoneLanguagesAreReadAsTheClosestSupportedOne(String tag, String language) {
    assertEquals(language, HINTS.closest(tag));
  }
}
