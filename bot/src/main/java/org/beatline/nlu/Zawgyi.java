package org.beatline.nlu;

import com.google.myanmartools.ZawgyiDetector;
import com.ibm.icu.text.Transliterator;

/**
 * Converts Burmese typed in the Zawgyi font encoding to Unicode. Many phones in Myanmar still type
 * Zawgyi, which reuses Unicode code points for other letters, so nothing can read it before this.
 */
final class Zawgyi {
  /**
   * Google's detector answers near 0 or near 1; only a clear answer is converted. Measured on the
   * 1,913 Burmese examples and their Zawgyi forms: at 0.99 it converts 3 Unicode messages and
   * misses 4 of 1,875 Zawgyi ones; at 0.95 it converted 14 and missed 1.
   */
  static final double THRESHOLD = 0.99;

  private static final ZawgyiDetector DETECTOR = new ZawgyiDetector();
  private static final Transliterator TO_UNICODE = Transliterator.getInstance("Zawgyi-my");

  private Zawgyi() {}

  /**
   * Loads the detector and compiles the transliterator, which takes a quarter of a second; called
   * early on another thread so that startup need not wait for it.
   */
  static void load() {
    // Touching the class is enough: its fields are built when it is first used.
  }

  /** {@code text} in Unicode: converted when it is Zawgyi, unchanged otherwise. */
  static String toUnicode(String text) {
    if (!hasMyanmar(text) || DETECTOR.getZawgyiProbability(text) < THRESHOLD) {
      return text;
    }
    // ICU documents Transliterator instances as not safe to share across threads while in use.
    synchronized (TO_UNICODE) {
      return TO_UNICODE.transliterate(text);
    }
  }

  /** How likely {@code text} is Zawgyi, 0..1. */
  static double probability(String text) {
    return hasMyanmar(text) ? DETECTOR.getZawgyiProbability(text) : 0;
  }

  private static boolean hasMyanmar(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0x1000 && c <= 0x109F) {
        return true;
      }
    }
    return false;
  }
}
