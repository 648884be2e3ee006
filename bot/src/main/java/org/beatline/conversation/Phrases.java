package org.beatline.conversation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the phrases of word lists inside a message, each standing for a value ("no name" for {@code
 * anonymous}, "nah" for {@code no}). Words of spaced scripts match whole; Chinese and Burmese,
 * written without spaces between words, match anywhere and at any length.
 */
final class Phrases {
  private static final java.util.regex.Pattern PROCLITICS =
      java.util.regex.Pattern.compile("[وفبلك]{1,2}(ال)?|ال|لل");
  private final List<Hit> hits = new ArrayList<>();
  private final String folded;

  /** A phrase found in the folded message, standing for {@code value}. */
  private record Hit(String value, int start, int end) {
    boolean inside(Hit other) {
      return other != this
          && other.start <= start
          && end <= other.end
          && other.end - other.start > end - start;
    }
  }

  Phrases(String folded) {
    this.folded = folded;
  }

  /** Looks for every phrase of {@code words} (written as people type them) as {@code value}. */
  Phrases look(String value, List<String> words) {
    for (String word : words) {
      String phrase = Words.foldedWord(word);
      if (phrase.isEmpty()) {
        continue;
      }
      boolean unspaced = unspaced(phrase);
      for (int at = folded.indexOf(phrase); at >= 0; at = folded.indexOf(phrase, at + 1)) {
        int end = at + phrase.length();
        if (unspaced || (edge(folded, at - 1) || writtenOn(folded, at)) && edge(folded, end)) {
          hits.add(new Hit(value, at, end));
        }
      }
    }
    return this;
  }

  /**
   * The one value the phrases found stand for, or null when none was found or they disagree. A
   * phrase inside a longer one found at the same place gives way to it: "dont call me" is not "call
   * me", and 不好 is not 好.
   */
  String value() {
    Set<String> values = new LinkedHashSet<>();
    for (Hit hit : hits) {
      if (hits.stream().noneMatch(hit::inside)) {
        values.add(hit.value);
      }
    }
    return values.size() == 1 ? values.iterator().next() : null;
  }

  /**
   * Whether a word may end at {@code i}: the text ends, a space, or a letter of a script written
   * without spaces ("college ave上" ends "ave").
   */
  static boolean edge(String folded, int i) {
    if (i < 0 || i >= folded.length()) {
      return true;
    }
    int c = folded.codePointAt(i);
    return c == ' ' || unspacedLetter(c);
  }

  /**
   * Whether the Arabic word at {@code at} has only conjunctions, prepositions and the article
   * written onto it: "برسالة" holds "رسالة", "بالانجليزي" holds "انجليزي".
   */
  private static boolean writtenOn(String folded, int at) {
    int start = folded.lastIndexOf(' ', at - 1) + 1;
    return start < at && PROCLITICS.matcher(folded.substring(start, at)).matches();
  }

  /** Whether text is in a script written without spaces between words (Chinese, Burmese…). */
  static boolean unspaced(String text) {
    return text.codePoints().anyMatch(Phrases::unspacedLetter);
  }

  private static boolean unspacedLetter(int c) {
    Character.UnicodeScript s = Character.UnicodeScript.of(c);
    return s == Character.UnicodeScript.HAN
        || s == Character.UnicodeScript.MYANMAR
        || s == Character.UnicodeScript.THAI
        || s == Character.UnicodeScript.LAO
        || s == Character.UnicodeScript.KHMER
        || s == Character.UnicodeScript.HIRAGANA
        || s == Character.UnicodeScript.KATAKANA;
  }

  /**
   * Whether a message is a short reply, from which a yes, a no or an option may be read: at most
   * four words, eight Chinese letters, or twelve Burmese letters (vowel signs and medials are not
   * letters, but a syllable often stacks two).
   */
  static boolean shortReply(String folded) {
    if (folded.isEmpty()) {
      return false;
    }
    if (unspaced(folded)) {
      boolean burmese =
          folded
              .codePoints()
              .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.MYANMAR);
      return folded.codePoints().filter(Character::isLetter).count() <= (burmese ? 12 : 8);
    }
    return folded.split(" ").length <= 4;
  }
}
