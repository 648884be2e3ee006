package org.beatline.pipeline;

import com.ibm.icu.util.ULocale;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the language a phone or app reports ("es-MX", "zh-TW", "zh-hant") as the supported language
 * of the same language and script, so that a resident whose phone is set to Taiwanese or Hong Kong
 * Chinese is answered in Traditional characters and one set to Mexican Spanish in Spanish.
 */
final class LanguageHints {
  /** Each supported language by its language and likely script ("zh-Hant" for zh-TW). */
  private final Map<String, String> byScript = new LinkedHashMap<>();

  LanguageHints(Collection<String> supported) {
    for (String language : supported) {
      byScript.putIfAbsent(languageAndScript(language), language);
    }
  }

  /** The supported language {@code tag} names, or null when it names none. */
  String closest(String tag) {
    ULocale locale =
        tag == null ? ULocale.ROOT : ULocale.forLanguageTag(tag.strip().replace('_', '-'));
    return locale.getLanguage().isEmpty() ? null : byScript.get(languageAndScript(locale));
  }

  private static String languageAndScript(String tag) {
    return languageAndScript(ULocale.forLanguageTag(tag));
  }

  private static String languageAndScript(ULocale locale) {
    ULocale likely = ULocale.addLikelySubtags(locale);
    return (likely.getLanguage() + "-" + likely.getScript()).toLowerCase(Locale.ROOT);
  }
}
