package org.beatline.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.beatline.i18n.Catalogue;

/**
 * Reads a number the way people write one: digits of any script (Arabic-Indic, Burmese,
 * full-width), keycap emoji, a row of stars, or a number word from the catalogue's {@code
 * keywords.number.<n>}.
 */
final class Numbers {
  static final int MAX_WORD = 10;
  private static final Pattern DIGITS = Pattern.compile("\\d{1,9}");

  private Numbers() {}

  /** The number in {@code text}, or null when there is none or more than one. */
  static Integer read(Catalogue catalogue, String language, String text) {
    List<Integer> all = all(catalogue, language, text);
    return all.stream().distinct().count() == 1 ? all.get(0) : null;
  }

  /**
   * Every number in {@code text}, in order: digits, number words, and digits written onto a unit in
   * a script without spaces ("4分"), but not onto Latin letters ("5th").
   */
  static List<Integer> all(Catalogue catalogue, String language, String text) {
    String t = text == null ? "" : text.strip();
    if (t.isEmpty()) {
      return List.of();
    }
    Integer stars = stars(t);
    if (stars != null) {
      return List.of(stars);
    }
    // Keycaps are a digit followed by U+FE0F and U+20E3; the ten keycap is one character.
    t = t.replace("\uFE0F", "").replace("\u20E3", "").replace("\uD83D\uDD1F", "10");
    String digits = asciiDigits(t);
    if (digits.matches("\\s*\\d{1,9}\\s*")) {
      return List.of(Integer.parseInt(digits.strip()));
    }
    String folded = Words.fold(digits);
    Integer word = word(catalogue, language, folded);
    if (word != null) {
      return List.of(word);
    }
    List<Integer> found = new ArrayList<>();
    for (String token : folded.split(" ")) {
      Integer n =
          token.matches("\\d{1,9}") ? Integer.valueOf(token) : word(catalogue, language, token);
      if (n != null) {
        found.add(n);
      } else if (Phrases.unspaced(token)) {
        Matcher m = DIGITS.matcher(token);
        while (m.find()) {
          found.add(Integer.valueOf(m.group()));
        }
      }
    }
    return found;
  }

  private static Integer word(Catalogue catalogue, String language, String folded) {
    for (int n = 0; n <= MAX_WORD; n++) {
      if (Words.matches(catalogue.words(language, "keywords.number." + n), folded)) {
        return n;
      }
    }
    return null;
  }

  /** Counts a message made only of star emoji, as people rate with them. */
  private static Integer stars(String t) {
    int count = 0;
    for (int c : t.codePoints().toArray()) {
      if (c == 0x2B50 || c == 0x2605 || c == 0x1F31F) {
        count++;
      } else if (!Character.isWhitespace(c) && c != 0xFE0F) {
        return null;
      }
    }
    return count == 0 ? null : count;
  }

  /** Every decimal digit of any script as its ASCII digit. */
  static String asciiDigits(String t) {
    StringBuilder out = new StringBuilder(t.length());
    t.codePoints()
        .forEach(
            c -> {
              if (Character.getType(c) == Character.DECIMAL_DIGIT_NUMBER) {
                out.append((char) ('0' + Character.digit(c, 10)));
              } else {
                out.appendCodePoint(c);
              }
            });
    return out.toString();
  }
}
