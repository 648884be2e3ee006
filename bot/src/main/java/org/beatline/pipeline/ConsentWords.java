package org.beatline.pipeline;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.beatline.i18n.Catalogue;

/**
 * The carrier-style keywords (STOP, START, HELP and every language's own) that work in any state. A
 * keyword counts only when it is the whole message, so "stop speeding on my street" is a concern,
 * not an opt-out.
 */
final class ConsentWords {
  /** What a keyword asks for. */
  enum Kind {
    STOP,
    START,
    HELP
  }

  /** A recognised keyword and the language it belongs to. */
  record Match(Kind kind, String language) {}

  private static final Pattern TRAILING = Pattern.compile("[\\p{Punct}\\p{IsPunctuation}\\s]+$");
  private static final Pattern LEADING = Pattern.compile("^[\\p{Punct}\\p{IsPunctuation}\\s]+");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private final Map<String, Match> words = new HashMap<>();

  /**
   * Each language's own keywords, keyed by language and word, so that a word two languages share
   * (停止 in Simplified and Traditional Chinese) answers in the contact's language.
   */
  private final Map<String, Match> own = new HashMap<>();

  ConsentWords(Catalogue catalogue) {
    String fallback = catalogue.defaultLanguage();
    // Other languages first, so a word shared with the default language keeps its own language.
    for (String lang : catalogue.languages()) {
      if (!lang.equals(fallback)) {
        add(catalogue, lang);
      }
    }
    add(catalogue, fallback);
  }

  private void add(Catalogue catalogue, String lang) {
    for (Kind kind : Kind.values()) {
      for (String w :
          catalogue.ownWords(lang, "keywords." + kind.name().toLowerCase(Locale.ROOT))) {
        Match m = new Match(kind, lang);
        words.putIfAbsent(normalise(w), m);
        own.putIfAbsent(lang + "\n" + normalise(w), m);
      }
    }
  }

  /** The keyword the whole message is, in whichever language, or null. */
  Match match(String text) {
    return match(text, null);
  }

  /** The keyword the whole message is, or null; the contact's own language's when it has it. */
  Match match(String text, String contactLanguage) {
    if (text == null) {
      return null;
    }
    String word = normalise(text);
    Match theirs = contactLanguage == null ? null : own.get(contactLanguage + "\n" + word);
    return theirs != null ? theirs : words.get(word);
  }

  static String normalise(String text) {
    String s = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
    // Patterns compiled once: every message is read against the keywords three times.
    s = LEADING.matcher(TRAILING.matcher(s).replaceAll("")).replaceAll("");
    s = SPACES.matcher(s).replaceAll(" ");
    return s.toUpperCase(Locale.ROOT);
  }
}
