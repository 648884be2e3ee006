package org.beatline.channel.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.security.RequestValidator;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TwilioSignatureTest {
  static final String TOKEN = "12345678901234567890123456789012";
  final TwilioSignature signature = new TwilioSignature(TOKEN);
  final RequestValidator sdk = new RequestValidator(TOKEN);

  Map<String, String> params() {
    Map<String, String> p = new HashMap<>();
    p.put("MessageSid", "SM0123");
    p.put("From", "+15550100001");
    p.put("Body", "¿Dónde es la reunión? 会议 اجتماع & = +");
    p.put("To", "+15550100000");
    p.put("NumMedia", "0");
    return p;
  }

  @Test
  void ourSignatureIsTheOneTwilioMakes() {
    String url = "https://beatline.example.org/webhooks/twilio?x=1";
    String ours = signature.sign(url, params());
    assertThat(sdk.validate(url, params(), ours)).isTrue();
    assertThat(signature.valid(url, params(), ours)).isTrue();
  }

  @Test
  void aChangedParameterURLOrSignatureIsRefused() {
    String url = "https://beatline.example.org/webhooks/twilio";
    String ours = signature.sign(url, params());
    Map<String, String> changed = params();
    changed.put("Body", "something else");
    assertThat(signature.valid(url, changed, ours)).isFalse();
    assertThat(signature.valid(url + "/other", params(), ours)).isFalse();
    assertThat(signature.valid(url, params(), ours.substring(1) + "A")).isFalse();
    assertThat(signature.valid(url, params(), null)).isFalse();
    assertThat(new TwilioSignature("another-token-000000000000000000").valid(url, params(), ours))
        .isFalse();
  }

  @Test
  void aSignatureForTheURLWithItsPortIsStillAccepted() {
    // Twilio signs the URL as it called it; behind some proxies that includes the port.
    String ours = signature.sign("https://beatline.example.org:443/webhooks/twilio", params());
    assertThat(signature.valid("https://beatline.example.org/webhooks/twilio", params(), ours))
        .isTrue();
  }
}
