package org.beatline.nlu;

import java.lang.Character.UnicodeScript;

/** Which writing system a letter belongs to, and whether that system separates words by spaces. */
final class Scripts {
  private Scripts() {}

  /** The script of {@code cp}, with Arabic presentation forms and Myanmar extensions folded in. */
  static UnicodeScript of(int cp) {
    if (cp < 0x250) {
      return UnicodeScript.LATIN;
    }
    if (cp >= 0x1000 && cp <= 0x109F) {
      return UnicodeScript.MYANMAR;
    }
    if (cp >= 0x0600 && cp <= 0x06FF) {
      return UnicodeScript.ARABIC;
    }
    return UnicodeScript.of(cp);
  }

  /** Scripts written without spaces between words: their features are character n-grams. */
  static boolean unspaced(UnicodeScript s) {
    return switch (s) {
      case HAN, MYANMAR, THAI, LAO, KHMER, HIRAGANA, KATAKANA, TIBETAN -> true;
      default -> false;
    };
  }

  /** Whether the word {@code w} (a folded token) is written in an unspaced script. */
  static boolean unspaced(String w) {
    return unspacedAt(w, 0);
  }

  /** Whether the word starting at {@code at} in {@code s} is written in an unspaced script. */
  static boolean unspacedAt(String s, int at) {
    int cp = s.codePointAt(at);
    return cp >= 0x0E00 && unspaced(of(cp));
  }
}
