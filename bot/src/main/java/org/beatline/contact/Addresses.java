package org.beatline.contact;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

/** Normalises the addresses channels hand over, so one person is one contact. */
public final class Addresses {
  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
  private static final String WHATSAPP = "whatsapp:";

  private Addresses() {}

  /**
   * A phone number in E.164 ({@code +15551234567}), keeping a {@code whatsapp:} prefix.
   *
   * @throws IllegalArgumentException when it is not a phone number
   */
  public static String phone(String raw, String defaultRegion) {
    if (raw == null || raw.isBlank()) {
      throw new IllegalArgumentException("missing phone number");
    }
    String s = raw.trim();
    String prefix = "";
    if (s.regionMatches(true, 0, WHATSAPP, 0, WHATSAPP.length())) {
      prefix = WHATSAPP;
      s = s.substring(WHATSAPP.length());
    }
    try {
      var number = PHONES.parse(s, defaultRegion);
      if (!PHONES.isPossibleNumber(number)) {
        throw new IllegalArgumentException("not a possible phone number");
      }
      return prefix + PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
    } catch (NumberParseException e) {
      throw new IllegalArgumentException("not a phone number");
    }
  }
}
