package org.beatline.conversation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every catalogue has the keys English has, and the word lists answers are parsed with. */
class TranslationsTest {

  @Test
  void everyLanguageHasItsNameAndAnswerWords() {
    for (String lang : Content.CONVERSATIONS.department().languages()) {
      var own = Content.CATALOGUE.entries(lang);
      assertTrue(own.containsKey("language.name"), lang + " has no language.name");
      for (String key : List.of("keywords.yes", "keywords.no", "keywords.number.5")) {
        assertTrue(own.containsKey(key), lang + " has no " + key);
      }
    }
  }

  @Test
  void everyLanguageHasEveryEnglishKey() {
    List<String> missing = new ArrayList<>();
    for (String lang : Content.CONVERSATIONS.department().languages()) {
      for (String key : Content.CATALOGUE.entries("en").keySet()) {
        if (!Content.CATALOGUE.entries(lang).containsKey(key)) {
          missing.add(lang + ": " + key);
        }
      }
    }
    assertTrue(missing.isEmpty(), missing.size() + " missing: " + missing);
  }
}
