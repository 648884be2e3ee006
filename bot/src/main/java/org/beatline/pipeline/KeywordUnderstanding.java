package org.beatline.pipeline;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.beatline.i18n.Catalogue;
import org.beatline.message.Understanding;
import org.beatline.message.Understood;

/**
 * A first guess at a message's language from its script and the catalogues' greeting and keyword
 * lists; it recognises no intents. It stands in until trained models are configured.
 */
public final class KeywordUnderstanding implements Understanding {
  private final Catalogue catalogue;
  private final Map<String, String> words = new HashMap<>();

  public KeywordUnderstanding(Catalogue catalogue) {
    this.catalogue = catalogue;
    for (String lang : catalogue.languages()) {
      for (String list :
          List.of("keywords.greeting", "keywords.stop", "keywords.start", "keywords.help")) {
        for (String w : catalogue.ownWords(lang, list)) {
          words.putIfAbsent(ConsentWords.normalise(w), lang);
        }
      }
    }
  }

  @Override
  public Understood understand(String text, String contactLanguage) {
    String byScript = script(text);
    String lang = byScript;
    double confidence = byScript == null ? 0 : 0.9;
    if (lang == null) {
      lang = words.get(ConsentWords.normalise(text));
      confidence = lang == null ? 0 : 0.8;
    }
    if (lang == null) {
      lang = contactLanguage != null ? contactLanguage : catalogue.defaultLanguage();
    }
    return new Understood(text, lang, confidence, null, 0, List.of(), false);
  }

  private String script(String text) {
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      Character.UnicodeScript s = Character.UnicodeScript.of(cp);
      String lang =
          switch (s) {
            case ARABIC -> "ar";
            case HAN -> "zh";
            case MYANMAR -> "my";
            default -> null;
          };
      if (lang != null && catalogue.supports(lang)) {
        return lang;
      }
      if (cp >= 0x1EA0 && cp <= 0x1EF9 || "ăâđêôơư".indexOf(Character.toLowerCase(cp)) >= 0) {
        return catalogue.supports("vi") ? "vi" : null;
      }
      i += Character.charCount(cp);
    }
    return null;
  }
}
