package org.beatline.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import java.util.Map;
import org.beatline.support.Providers;
import org.beatline.support.Running;
import org.beatline.support.Texting;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One phone cannot bury an emergency: a flooding number is answered a limited number of times, and
 * another resident's emergency guidance leaves within seconds during the flood. Twilio answers
 * after 200 ms, as the real API does.
 */
class FloodTest {
  static WireMockServer providers;
  static Running beatline;
  static Texting texting;

  @BeforeAll
  static void start() {
    providers = Providers.start();
    providers.stubFor(
        Providers.twilioCreate().willReturn(Providers.twilioCreated().withFixedDelay(200)));
    beatline = Running.start(providers, Map.of("TWILIO_MPS", "10"), Running::fastOutbox);
    texting = new Texting(beatline, providers);
  }

  @AfterAll
  static void stop() {
    beatline.close();
    providers.stop();
  }

  @Test
  void aFloodingNumberIsAnsweredAFewTimesAndAnEmergencyStillGoesFirst() {
    String flooder = "+15557770001";
    for (int i = 0; i < 80; i++) {
      assertThat(texting.sms(flooder, "hello " + i)).isEqualTo(200);
    }
    String inDanger = "+15557770002";
    long sent = System.currentTimeMillis();
    texting.sms(inDanger, "there is a man with a gun outside my house right now");

    await()
        .atMost(Duration.ofSeconds(5))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> texting.smsTo(inDanger).stream().anyMatch(t -> t.contains("911")));
    assertThat(System.currentTimeMillis() - sent).isLessThan(5000);

    // The flooder got at most the per-minute answers and one notice.
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> texting.smsTo(flooder).stream().anyMatch(t -> t.contains("pause")));
    assertThat(texting.smsTo(flooder)).hasSizeLessThanOrEqualTo(25);
  }

  @Test
  void stopStillWorksForAFloodingNumber() {
    String flooder = "+15557770003";
    for (int i = 0; i < 30; i++) {
      texting.sms(flooder, "spam " + i);
    }
    texting.sms(flooder, "STOP");
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> "OPTED_OUT".equals(beatline.consent("twilio", flooder)));
  }
}
