package org.beatline.nlu;

import java.lang.Character.UnicodeScript;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides which supported language a message is in. The script decides first: a script that only
 * one language writes (Arabic, Han, Myanmar) names it as soon as a word of it appears, because
 * residents mix English words into their own language far more often than the reverse. Languages
 * that share a script are told apart by {@link ScriptGroup}, but for Simplified and Traditional
 * Chinese, told apart by their characters ({@link ChineseWriting}).
 */
final class LanguageDetector {
  /** A script needs this many of a language's examples to count as one the language writes. */
  private static final int MIN_EXAMPLES = 5;

  /** A Han character carries about as much as a short Latin word. */
  private static final int HAN_WEIGHT = 3;

  /** Enough of an owned script to name the language, in weighted characters. */
  private static final int OWNED_PRESENCE = 2;

  private final Map<UnicodeScript, String> owned;
  private final Map<UnicodeScript, ScriptGroup> shared;
  private final ChineseWriting chinese;
  private final String fallback;

  private LanguageDetector(
      Map<UnicodeScript, String> owned,
      Map<UnicodeScript, ScriptGroup> shared,
      ChineseWriting chinese,
      String fallback) {
    this.owned = owned;
    this.shared = shared;
    this.chinese = chinese;
    this.fallback = fallback;
  }

  /**
   * Learns which languages write which script from their examples, then the words and letters that
   * tell apart the languages sharing one; {@code stock} is OpenNLP's stock model restricted to
   * every language of {@code all}, or null.
   */
  static LanguageDetector train(List<LanguageExamples> all, StockLanguageModel stock) {
    Map<UnicodeScript, Map<String, Integer>> writers = new EnumMap<>(UnicodeScript.class);
    for (LanguageExamples lang : all) {
      for (Example e : lang.examples()) {
        UnicodeScript s = dominant(count(Zawgyi.toUnicode(e.text())));
        if (s != null) {
          writers.computeIfAbsent(s, k -> new HashMap<>()).merge(lang.language(), 1, Integer::sum);
        }
      }
    }
    Map<UnicodeScript, String> owned = new EnumMap<>(UnicodeScript.class);
    ChineseWriting chinese = null;
    for (Map.Entry<UnicodeScript, Map<String, Integer>> w : writers.entrySet()) {
      List<String> enough =
          w.getValue().entrySet().stream()
              .filter(e -> e.getValue() >= MIN_EXAMPLES)
              .map(Map.Entry::getKey)
              .sorted()
              .toList();
      ChineseWriting pair = w.getKey() == UnicodeScript.HAN ? ChineseWriting.among(enough) : null;
      if (enough.size() == 1) {
        owned.put(w.getKey(), enough.get(0));
      } else if (pair != null) {
        owned.put(w.getKey(), pair.simplified());
        chinese = pair;
      }
    }
    LanguageDetector assign = new LanguageDetector(owned, Map.of(), null, null);
    // While learning, every script counts: the groups of shared scripts are what is being built.
    Map<UnicodeScript, Map<String, List<String>>> texts = new EnumMap<>(UnicodeScript.class);
    for (LanguageExamples lang : all) {
      for (Example e : lang.examples()) {
        String text = Zawgyi.toUnicode(e.text());
        UnicodeScript s = assign.script(count(text), true);
        if (s != null && !owned.containsKey(s)) {
          texts
              .computeIfAbsent(s, k -> new LinkedHashMap<>())
              .computeIfAbsent(lang.language(), k -> new java.util.ArrayList<>())
              .add(text);
        }
      }
    }
    Map<UnicodeScript, ScriptGroup> shared = new EnumMap<>(UnicodeScript.class);
    texts.forEach(
        (script, byLang) -> {
          byLang.values().removeIf(list -> list.size() < MIN_EXAMPLES);
          if (!byLang.isEmpty()) {
            shared.put(script, ScriptGroup.train(byLang, stock));
          }
        });
    String fallback =
        all.stream().anyMatch(l -> l.language().equals("en")) ? "en" : all.get(0).language();
    return new LanguageDetector(owned, shared, chinese, fallback);
  }

  /** The language of {@code text} (Unicode, not yet folded); {@code folded} is its folded form. */
  LanguageGuess detect(String text, String folded) {
    Map<UnicodeScript, Integer> counts = count(text);
    UnicodeScript s = script(counts, false);
    if (s == null) {
      return LanguageGuess.only(fallback, 0);
    }
    int total = counts.values().stream().mapToInt(Integer::intValue).sum();
    double share = (double) counts.get(s) / total;
    String owner = owned.get(s);
    if (owner != null) {
      double confidence = 0.6 + 0.4 * share;
      return s == UnicodeScript.HAN && chinese != null
          ? chinese.guess(text, confidence)
          : LanguageGuess.only(owner, confidence);
    }
    LanguageGuess g = shared.get(s).detect(text, folded);
    return share < 1 ? g.scaled(share) : g;
  }

  /**
   * The script that decides: an owned script present in earnest, else the commonest one we know
   * (or, with {@code any}, the commonest of all); null when there is none.
   */
  private UnicodeScript script(Map<UnicodeScript, Integer> counts, boolean any) {
    UnicodeScript best = null;
    for (Map.Entry<UnicodeScript, Integer> e : counts.entrySet()) {
      if (owned.containsKey(e.getKey())
          && e.getValue() >= OWNED_PRESENCE
          && (best == null || e.getValue() > counts.get(best))) {
        best = e.getKey();
      }
    }
    if (best != null) {
      return best;
    }
    for (Map.Entry<UnicodeScript, Integer> e : counts.entrySet()) {
      if ((any || owned.containsKey(e.getKey()) || shared.containsKey(e.getKey()))
          && (best == null || e.getValue() > counts.get(best))) {
        best = e.getKey();
      }
    }
    return best;
  }

  /** Letters and vowel signs per script, a Han character counting as several. */
  private static Map<UnicodeScript, Integer> count(String text) {
    Map<UnicodeScript, Integer> counts = new EnumMap<>(UnicodeScript.class);
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isLetter(cp)
          || Character.getType(cp) == Character.COMBINING_SPACING_MARK
          || Character.getType(cp) == Character.NON_SPACING_MARK) {
        UnicodeScript s = Scripts.of(cp);
        if (s != UnicodeScript.INHERITED && s != UnicodeScript.COMMON) {
          counts.merge(s, s == UnicodeScript.HAN ? HAN_WEIGHT : 1, Integer::sum);
        }
      }
    }
    return counts;
  }

  private static UnicodeScript dominant(Map<UnicodeScript, Integer> counts) {
    return counts.entrySet().stream()
        .max(Map.Entry.comparingByValue())
        .map(Map.Entry::getKey)
        .orElse(null);
  }
}
