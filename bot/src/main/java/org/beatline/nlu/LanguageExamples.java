package org.beatline.nlu;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The training material of one language, as written in {@code conversations/intents/<lang>.yaml}:
 * example messages per intent and the phrases that describe danger now.
 */
record LanguageExamples(
    String language, Map<String, List<String>> intents, List<String> emergencyLexicon) {

  LanguageExamples {
    intents = intents == null ? Map.of() : copy(intents);
    emergencyLexicon = emergencyLexicon == null ? List.of() : List.copyOf(emergencyLexicon);
  }

  /** Every example as one flat list, in file order. */
  List<Example> examples() {
    return intents.entrySet().stream()
        .flatMap(e -> e.getValue().stream().map(t -> new Example(language, e.getKey(), t)))
        .toList();
  }

  /** The same language with only {@code examples}; the lexicon is kept whole. */
  LanguageExamples withExamples(List<Example> examples) {
    Map<String, List<String>> byIntent = new LinkedHashMap<>();
    for (Example e : examples) {
      byIntent.computeIfAbsent(e.intent(), k -> new ArrayList<>()).add(e.text());
    }
    return new LanguageExamples(language, byIntent, emergencyLexicon);
  }

  private static Map<String, List<String>> copy(Map<String, List<String>> intents) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    intents.forEach(
        (intent, texts) ->
            out.put(
                intent,
                texts == null
                    ? List.of()
                    : texts.stream().filter(t -> t != null && !t.isBlank()).toList()));
    return Collections.unmodifiableMap(out);
  }
}
