package org.beatline.i18n;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * How text fits into SMS: GSM-7 text fits 160 characters in one segment (153 per segment when
 * concatenated); anything outside GSM-7 forces UCS-2, 70 (67) UTF-16 units. One message carries at
 * most {@link #MAX_SEGMENTS} segments; longer text is split at word boundaries into several.
 */
public final class SmsText {
  public static final int MAX_SEGMENTS = 10;
  private static final String GSM_BASIC =
      "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
          + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
  private static final String GSM_EXTENDED = "^{}\\[~]|€\f";

  // The alphabets as sets of characters, looked up once per character of every reply.
  private static final BitSet GSM = chars(GSM_BASIC + GSM_EXTENDED);
  private static final BitSet EXTENDED = chars(GSM_EXTENDED);

  /**
   * Text of at most this many UTF-16 units is never over {@link #MAX_SEGMENTS} segments: as UCS-2
   * it fills at most ten parts of 67, as GSM-7 at most 1,340 septets, nine parts of 153.
   */
  private static final int ALWAYS_FITS = 67 * MAX_SEGMENTS;

  private SmsText() {}

  private static BitSet chars(String s) {
    BitSet set = new BitSet();
    s.chars().forEach(set::set);
    return set;
  }

  /** Whether the text can be sent in the GSM-7 alphabet. */
  public static boolean isGsm7(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!GSM.get(c)) {
        return false;
      }
    }
    return true;
  }

  /** Units the text takes: septets for GSM-7 (extension characters take two), else UTF-16 units. */
  public static int units(CharSequence text, boolean gsm) {
    if (!gsm) {
      return text.length();
    }
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      n += EXTENDED.get(text.charAt(i)) ? 2 : 1;
    }
    return n;
  }

  /** How many segments a carrier bills for the text sent as one message. */
  public static int segments(CharSequence text) {
    boolean gsm = isGsm7(text);
    int units = units(text, gsm);
    int single = gsm ? 160 : 70;
    int part = gsm ? 153 : 67;
    return units <= single ? 1 : (units + part - 1) / part;
  }

  /**
   * Splits the text into messages of at most {@link #MAX_SEGMENTS} segments each, cutting at spaces
   * where possible; text that fits is one message.
   */
  public static List<String> split(String text) {
    if (text.length() <= ALWAYS_FITS || segments(text) <= MAX_SEGMENTS) {
      return List.of(text);
    }
    boolean gsm = isGsm7(text);
    int limit = (gsm ? 153 : 67) * MAX_SEGMENTS;
    List<String> parts = new ArrayList<>();
    String rest = text.strip();
    while (!rest.isEmpty()) {
      int cut = cutPoint(rest, limit, gsm);
      parts.add(rest.substring(0, cut).strip());
      rest = rest.substring(cut).strip();
    }
    return parts;
  }

  private static int cutPoint(String s, int limit, boolean gsm) {
    if (units(s, gsm) <= limit) {
      return s.length();
    }
    int end = fitting(s, limit, gsm);
    for (int i = end; i > end / 2; i--) {
      if (Character.isWhitespace(s.charAt(i - 1))) {
        return i;
      }
    }
    return end; // one very long word: cut inside it, but never inside a surrogate pair
  }

  /** The longest prefix length within {@code limit} units that does not split a character. */
  private static int fitting(String s, int limit, boolean gsm) {
    int used = 0;
    int i = 0;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      int len = Character.charCount(cp);
      int cost = gsm ? units(s.substring(i, i + len), true) : len;
      if (used + cost > limit) {
        break;
      }
      used += cost;
      i += len;
    }
    return i;
  }
}
