package org.beatline.config;

import java.security.SecureRandom;
import java.util.Base64;

/** Random secrets for development defaults. */
public final class Tokens {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Tokens() {}

  /** 24 random bytes, URL-safe. */
  public static String random() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
