package org.beatline.nlu;

/**
 * The consonants of a folded word, in one alphabet for Arabic script and for Arabizi (Arabic
 * written in Latin letters and digits), so that "shakwa" and "شكوى" (complaint), or "3ayez" and
 * "عايز" (I want), share a feature. Vowels are dropped, because Arabic script leaves the short ones
 * out and Arabizi spells them as it likes; so are و, ي and their Arabizi w and y, which stand for
 * vowels as often as for consonants, and ء, ة and Arabizi 2. Sounds that Arabizi spells several
 * ways meet in one letter: ش, sh and ch; خ, kh, 5 and x; غ, ق, gh, q, g and 8; ص, س, s and 9; ط, ت,
 * th and 6.
 *
 * <p>Other scripts have no skeleton. Latin words of other languages get one too, which measured
 * neither better nor worse for them.
 */
final class Skeleton {
  private static final long SEED = 0x51ED27AB3C1F5E9DL;
  private static final long MULTIPLIER = 0x100000001B3L;

  /** A consonant class of each Arabic letter from U+0621 to U+064A; 0 for those dropped. */
  private static final char[] ARABIC = arabic();

  /** A consonant class of each ASCII letter and digit; 0 for those dropped. */
  private static final char[] LATIN = latin();

  private Skeleton() {}

  /**
   * The hash of a word's skeleton, the first {@code n} consonant classes of {@code c} as {@link
   * #consonants} wrote them, or 0 when it has none: fewer than two consonants.
   */
  static long hash(char[] c, int n) {
    if (n < 2) {
      return 0;
    }
    long h = SEED;
    for (int i = 0; i < n; i++) {
      h = (h ^ c[i]) * MULTIPLIER;
    }
    return h;
  }

  /**
   * Writes the consonant classes of {@code s[start, end)}, a word of a folded message, to {@code
   * out} from index {@code 0} and returns how many there are: 0 for a script other than Arabic or
   * Latin. {@code out} must hold {@code end - start}.
   */
  static int consonants(String s, int start, int end, char[] out) {
    boolean arabic = s.charAt(start) >= 0x0621 && s.charAt(start) <= 0x064A;
    int from = start;
    if (arabic
        && end - start > 3
        && s.charAt(start) == '\u0627'
        && s.charAt(start + 1) == '\u0644') {
      from += 2; // the article ال
    }
    int n = 0;
    char previous = 0;
    for (int i = from; i < end; i++) {
      char c = s.charAt(i);
      char m;
      if (arabic) {
        if (c < 0x0621 || c > 0x064A) {
          return 0;
        }
        m = c == '\u0647' && i == end - 1 ? 0 : ARABIC[c - 0x0621]; // final ه is mostly ة
      } else {
        if (c >= 0x80) {
          return 0;
        }
        m = LATIN[c];
        char next = i + 1 < end ? s.charAt(i + 1) : 0;
        if (next == 'h' && "sckgtd".indexOf(c) >= 0) {
          m = c == 'k' ? '5' : c == 'g' ? 'q' : c == 't' || c == 'd' ? c : 'c'; // sh ch kh gh th dh
          i++;
        }
      }
      if (m != 0 && m != previous) {
        out[n++] = m;
        previous = m;
      }
    }
    return n;
  }

  private static char[] arabic() {
    char[] t = new char[0x064A - 0x0621 + 1];
    String[] classes = {
      "ب b", "تطث t", "ج j", "ح 7", "خ 5", "دذض d", "ر r", "زظ z", "سص s", "ش c", "ع 3", "غق q",
      "ف f", "ك k", "ل l", "م m", "ن n", "ه h"
    };
    for (String c : classes) {
      char to = c.charAt(c.length() - 1);
      for (int i = 0; i < c.length() - 2; i++) {
        t[c.charAt(i) - 0x0621] = to;
      }
    }
    return t;
  }

  private static char[] latin() {
    char[] t = new char[0x80];
    for (char c = 'a'; c <= 'z'; c++) {
      t[c] = c;
    }
    for (char c : "aeiouwy".toCharArray()) {
      t[c] = 0;
    }
    t['3'] = '3';
    t['7'] = '7';
    t['5'] = '5';
    t['x'] = '5';
    t['8'] = 'q';
    t['g'] = 'q';
    t['9'] = 's';
    t['6'] = 't';
    t['p'] = 'b';
    t['v'] = 'f';
    return t;
  }
}
