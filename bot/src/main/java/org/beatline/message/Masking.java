package org.beatline.message;

/** Masks phone numbers and chat ids for logs: enough to tell two apart, never enough to dial. */
public final class Masking {
  private Masking() {}

  /** {@code +15551234567} → {@code +1555***67}; {@code whatsapp:+1555…} keeps its prefix. */
  public static String mask(String address) {
    if (address == null || address.isEmpty()) {
      return "-";
    }
    int colon = address.lastIndexOf(':');
    String prefix = colon >= 0 ? address.substring(0, colon + 1) : "";
    String rest = colon >= 0 ? address.substring(colon + 1) : address;
    if (rest.length() <= 4) {
      return prefix + "*".repeat(rest.length());
    }
    int keepStart = Math.min(rest.length() / 3, rest.startsWith("+") ? 5 : 3);
    return prefix + rest.substring(0, keepStart) + "***" + rest.substring(rest.length() - 2);
  }

  private static final java.util.regex.Pattern EMAIL =
      java.util.regex.Pattern.compile(
          "(?iu)[\\p{L}\\p{N}._%+-]+\\s*(@|\\(at\\)|\\[at\\]|\\sat\\s)\\s*[\\p{L}\\p{N}-]+"
              + "(\\s*(\\.|\\(dot\\)|\\[dot\\]|\\sdot\\s)\\s*[\\p{L}\\p{N}-]+)+");
  // Digits of any script (Arabic-Indic, Burmese, full-width...), with the separators people type.
  private static final java.util.regex.Pattern NUMBER =
      java.util.regex.Pattern.compile("(?u)[+＋]?\\p{Nd}[\\p{Nd}\\s().\\-/–]{5,}\\p{Nd}");

  /**
   * Masks what looks like a phone number or an email address inside free text: digits of any
   * script, numbers written with slashes or dots, and addresses written as "name at host dot com".
   */
  public static String text(String text) {
    if (text == null) {
      return "";
    }
    return NUMBER.matcher(EMAIL.matcher(text).replaceAll("***@***")).replaceAll("***");
  }
}
