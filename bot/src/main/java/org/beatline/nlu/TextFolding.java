package org.beatline.nlu;

import java.text.Normalizer;

/**
 * Folds a message to the form that intents and danger phrases are matched on: lower case, accents
 * and Arabic vowel marks removed, letter variants unified, Traditional Chinese characters as their
 * Simplified forms, digits as ASCII, numbers as 0 but for 911 and a digit that stands for a letter
 * ("3ayez", "ra2mi" in Arabizi), repeated letters typed three times or more kept once ("helloooo"
 * becomes "hello"), emoji and question marks as their own words, every other symbol a space.
 */
final class TextFolding {
  /** Base letters of the accented Latin letters, because SMS often drops accents and tones. */
  private static final char[] LATIN_BASE = latinBase();

  private TextFolding() {}

  /** The folded form of {@code text}: words separated by single spaces, no leading space. */
  static String fold(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    int last = ' ';
    int run = 0;
    int digitStart = -1;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      int c = map(cp);
      if (c == DROP) {
        continue;
      }
      if (c >= '0' && c <= '9') {
        if (digitStart < 0) {
          digitStart = out.length();
        }
        out.append((char) c);
        last = c;
        continue;
      }
      if (digitStart >= 0) {
        foldNumber(out, digitStart, Character.isLetter(c));
        digitStart = -1;
      }
      if (c == SPACE) {
        if (last != ' ') {
          out.append(' ');
          last = ' ';
        }
      } else if (c == WORD_OF_ITS_OWN || c == '?') {
        if (last != ' ') {
          out.append(' ');
        }
        out.appendCodePoint(c == '?' ? '?' : cp).append(' ');
        last = ' ';
      } else if (c != last || !Character.isLetter(c)) {
        out.appendCodePoint(c);
        last = c;
        run = 1;
      } else if (++run == 2) {
        out.appendCodePoint(c); // a double letter is spelling (Somali "dhiig", Vietnamese "cuu")
      } else if (run == 3) {
        // A letter typed three times or more is emphasis ("helloooo", "heyyy"): keep one.
        out.setLength(out.length() - Character.charCount(c));
      }
    }
    if (digitStart >= 0) {
      foldNumber(out, digitStart, false);
    }
    int end = out.length();
    while (end > 0 && out.charAt(end - 1) == ' ') {
      end--;
    }
    out.setLength(end);
    return out.toString();
  }

  private static final int DROP = -1;
  private static final int SPACE = -2;
  private static final int WORD_OF_ITS_OWN = -3;

  /** What one code point becomes: a code point, or one of DROP, SPACE, WORD_OF_ITS_OWN. */
  private static int map(int cp) {
    if (cp < 0x80) {
      if (cp >= 'A' && cp <= 'Z') {
        return cp + 32;
      }
      if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') || cp == '?') {
        return cp;
      }
      return cp == '\'' ? DROP : SPACE;
    }
    if (cp >= 0xFF01 && cp <= 0xFF5E) {
      return map(cp - 0xFEE0); // full-width forms typed on Chinese keyboards
    }
    if (cp >= 0xC0 && cp < 0x250 || cp >= 0x1E00 && cp < 0x1F00) {
      char base = LATIN_BASE[cp < 0x250 ? cp - 0xC0 : cp - 0x1E00 + 0x190];
      if (base != 0) {
        return base;
      }
    }
    switch (cp) {
      case 0x2019, 0x2018, 0x02BC, 0x0640, 0x200B, 0x200C, 0x200D, 0xFEFF, 0xFE0F, 0x20E3:
        return DROP; // apostrophes inside words, tatweel, zero-width joiners, emoji selectors
      case 0x00BF, 0x061F, 0x037E:
        return '?';
      case 0x0622, 0x0623, 0x0625, 0x0671:
        return 0x0627; // alef with hamza or madda: typed either way
      case 0x0649, 0x06CC:
        return 0x064A; // alef maqsura and Persian yeh read as yeh
      case 0x0629:
        return 0x0647; // teh marbuta is often typed as heh
      case 0x06A9:
        return 0x0643;
      default:
        break;
    }
    if (cp >= 0x064B && cp <= 0x065F || cp == 0x0670 || cp >= 0x0300 && cp <= 0x036F) {
      return DROP; // Arabic vowel marks and Latin combining accents
    }
    if (cp >= 0x1F3FB && cp <= 0x1F3FF || cp >= 0xE0020 && cp <= 0xE007F) {
      return DROP; // skin tones and flag tags change nothing of the meaning
    }
    if (Character.isDigit(cp)) {
      return '0' + Character.digit(cp, 10);
    }
    if (Character.isLetter(cp)) {
      return Character.toLowerCase(ChineseCharacters.simplified(cp));
    }
    int type = Character.getType(cp);
    if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK) {
      return cp; // Myanmar and other Brahmic vowel signs belong to their syllable
    }
    if (type == Character.OTHER_SYMBOL || cp >= 0x1F000 && cp <= 0x1FAFF) {
      return WORD_OF_ITS_OWN;
    }
    return SPACE;
  }

  /**
   * Numbers carry no intent, except the emergency number. A single digit written against letters is
   * a letter: Arabizi writes ع as 3, ح as 7 and ء or ق as 2.
   */
  private static void foldNumber(StringBuilder out, int start, boolean letterAfter) {
    String digits = out.substring(start);
    boolean letterBefore = start > 0 && Character.isLetter(out.charAt(start - 1));
    boolean letter = digits.length() == 1 && (letterBefore || letterAfter);
    if (!letter && !digits.equals("911")) {
      out.setLength(start);
      out.append('0');
    }
  }

  private static char[] latinBase() {
    char[] table = new char[0x190 + 0x100];
    for (int cp = 0xC0; cp < 0x250; cp++) {
      table[cp - 0xC0] = base(cp);
    }
    for (int cp = 0x1E00; cp < 0x1F00; cp++) {
      table[cp - 0x1E00 + 0x190] = base(cp);
    }
    table[0xD0 - 0xC0] = 'd';
    table[0xF0 - 0xC0] = 'd';
    table[0x110 - 0xC0] = 'd'; // Vietnamese đ does not decompose
    table[0x111 - 0xC0] = 'd';
    table[0xD8 - 0xC0] = 'o';
    table[0xF8 - 0xC0] = 'o';
    table[0x141 - 0xC0] = 'l';
    table[0x142 - 0xC0] = 'l';
    table[0xDF - 0xC0] = 's';
    return table;
  }

  private static char base(int cp) {
    String d = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFD);
    char first = Character.toLowerCase(d.charAt(0));
    return first >= 'a' && first <= 'z' ? first : 0;
  }
}
