package org.beatline.concern;

import org.beatline.message.Masking;

/**
 * The start of what someone wrote, short enough to quote back by SMS, with phone numbers and email
 * addresses masked as in every other stored resident text.
 */
final class Excerpts {
  /** Letters (code points) kept: a line of a text message. */
  static final int LENGTH = 48;

  private Excerpts() {}

  static String of(String text) {
    String t = Masking.text(text).strip().replaceAll("\\s+", " ");
    if (t.codePointCount(0, t.length()) <= LENGTH) {
      return t;
    }
    String cut = t.substring(0, t.offsetByCodePoints(0, LENGTH));
    // End at a word where the script has spaces and one is near; Chinese and Burmese cut anywhere.
    int space = cut.lastIndexOf(' ');
    if (space > LENGTH * 2 / 3) {
      cut = cut.substring(0, space);
    }
    return cut.strip() + "...";
  }
}
