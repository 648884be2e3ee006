package org.beatline.nlu;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The characters that tell Traditional from Simplified Chinese, and the Simplified form of each
 * Traditional one, so that 媽媽暈倒 and 妈妈晕倒 are read alike. The table is ICU's Hant-Hans and Hans-Hant
 * conversion and CLDR's exemplar characters, written down in {@value #RESOURCE} because compiling
 * ICU's conversion rules takes a second and a half.
 */
final class ChineseCharacters {
  static final String RESOURCE = "chinese-characters.txt";

  /** The table covers CJK Extension A and the Unified Ideographs, where nearly all of it lies. */
  static final int FIRST = 0x3400;

  static final int LAST = 0x9FFF;

  /**
   * Characters of Cantonese as Hong Kong writes it, which Mandarin does not use (咗 "done", 唔 "not",
   * 嘅 "of", 冇 "have not", 喺 "at"); a message holding them is Cantonese whatever its script, and
   * each counts as two Traditional characters.
   */
  static final String CANTONESE = "咗唔嘅冇喺佢哋啲嘢乜嚟睇諗谂啱攞冧咁噉嗰咩嘥搵揾瞓畀冚黐嚿㗎吖喎俾";

  private static final byte SIMPLIFIED_ONLY = -1;
  private static final byte TRADITIONAL_ONLY = 1;
  private static final byte CANTONESE_WORD = 2;

  /** For each character of the range, its Simplified form, or 0 when it has no other. */
  private static final char[] SIMPLE = new char[LAST - FIRST + 1];

  /** For each character of the range, which writing it shows: one of the constants above, or 0. */
  private static final byte[] SIGN = new byte[LAST - FIRST + 1];

  static {
    read();
    CANTONESE.codePoints().forEach(cp -> SIGN[cp - FIRST] = CANTONESE_WORD);
  }

  private ChineseCharacters() {}

  /** The Simplified form of {@code cp}, or {@code cp} itself. */
  static int simplified(int cp) {
    if (cp < FIRST || cp > LAST) {
      return cp;
    }
    char s = SIMPLE[cp - FIRST];
    return s == 0 ? cp : s;
  }

  /**
   * How much {@code text} leans to Traditional or Cantonese writing: its Traditional-only
   * characters, and its Cantonese ones twice, less its Simplified-only characters; each character
   * counts once, so that 谢谢 is one sign of Simplified writing, not two.
   */
  static int traditionalLean(String text) {
    int lean = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= FIRST && c <= LAST && SIGN[c - FIRST] != 0 && text.indexOf(c) == i) {
        lean += SIGN[c - FIRST];
      }
    }
    return lean;
  }

  /**
   * Reads the table: a line {@code traditional} of pairs (a Traditional character, then its
   * Simplified form), {@code shared} (Traditional characters that Simplified writing uses too, such
   * as 著 and 乾: folded, but no sign of either) and {@code simplified} (characters only Simplified
   * writing uses).
   */
  private static void read() {
    InputStream in = ChineseCharacters.class.getClassLoader().getResourceAsStream(RESOURCE);
    if (in == null) {
      throw new IllegalStateException(RESOURCE + " is missing");
    }
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.startsWith("traditional ")) {
          String pairs = line.substring("traditional ".length());
          for (int i = 0; i + 1 < pairs.length(); i += 2) {
            SIMPLE[pairs.charAt(i) - FIRST] = pairs.charAt(i + 1);
            SIGN[pairs.charAt(i) - FIRST] = TRADITIONAL_ONLY;
          }
        } else if (line.startsWith("shared ")) {
          line.substring("shared ".length()).chars().forEach(c -> SIGN[c - FIRST] = 0);
        } else if (line.startsWith("simplified ")) {
          line.substring("simplified ".length())
              .chars()
              .forEach(c -> SIGN[c - FIRST] = SIMPLIFIED_ONLY);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
