package org.beatline.channel.twilio;

import com.twilio.security.RequestValidator;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks {@code X-Twilio-Signature}: the HMAC-SHA1, keyed with the auth token, of the URL Twilio
 * called followed by each form parameter's name and value in name order. A request signed for the
 * exact URL is checked with one HMAC; only one that fails it goes on to the SDK's validator, which
 * also tries the URL with and without its port (two more HMACs), so a genuine webhook costs a third
 * of what the SDK alone takes.
 */
final class TwilioSignature {
  private final RequestValidator sdk;
  private final ThreadLocal<Mac> mac;

  TwilioSignature(String authToken) {
    this.sdk = new RequestValidator(authToken);
    SecretKeySpec key = new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1");
    this.mac =
        ThreadLocal.withInitial(
            () -> {
              try {
                Mac m = Mac.getInstance("HmacSHA1");
                m.init(key);
                return m;
              } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA1 is missing from this JVM", e);
              }
            });
  }

  /** Whether {@code signature} signs {@code params} posted to {@code url}. */
  boolean valid(String url, Map<String, String> params, String signature) {
    if (signature == null) {
      return false;
    }
    return MessageDigest.isEqual(
            sign(url, params).getBytes(StandardCharsets.US_ASCII),
            signature.getBytes(StandardCharsets.US_ASCII))
        || sdk.validate(url, params, signature);
  }

  /** The signature of {@code params} posted to exactly {@code url}. */
  String sign(String url, Map<String, String> params) {
    StringBuilder data = new StringBuilder(url);
    new TreeMap<>(params).forEach((name, value) -> data.append(name).append(value));
    Mac m = mac.get();
    return Base64.getEncoder()
        .encodeToString(m.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
  }
}
