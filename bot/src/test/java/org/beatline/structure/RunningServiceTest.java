package org.beatline.structure;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.beatline.support.Running.eventually;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.beatline.i18n.SmsText;
import org.beatline.support.Providers;
import org.beatline.support.Running;
import org.beatline.support.Texting;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Defects of the first floors, tested through the running service as a provider and a resident meet
 * it: a long reply leaves as several texts, and a provider's retry never creates a concern twice.
 */
class RunningServiceTest {
  private static final AtomicLong PHONES = new AtomicLong(5550700000L);
  @TempDir static Path translations;
  static WireMockServer providers;
  static Running beatline;

  @BeforeAll
  static void start() throws IOException {
    // The real catalogues, with an English HELP text longer than ten UCS-2 segments.
    Path real = org.beatline.config.Content.folder(null, "translations");
    try (Stream<Path> files = Files.list(real)) {
      for (Path f : files.toList()) {
        Files.copy(f, translations.resolve(f.getFileName().toString()));
      }
    }
    String en = Files.readString(translations.resolve("en.yaml"));
    String long_ = "Line help — ".repeat(70) + "{department}.";
    en = en.replaceFirst("(?m)^help: >-\\n(  .*\\n)+", "help: \"" + long_ + "\"\n");
    Files.writeString(translations.resolve("en.yaml"), en);
    providers = Providers.start();
    beatline =
        Running.start(
            providers, Map.of("TRANSLATIONS_DIR", translations.toString()), Running::fastOutbox);
  }

  @AfterAll
  static void stop() {
    beatline.close();
    providers.stop();
  }

  static String newPhone() {
    return "+1" + PHONES.incrementAndGet();
  }

  static int signedSms(String sid, String from, String text) {
    return new Texting(beatline, providers).sms(sid, from, text);
  }

  static List<String> bodiesTo(String phone) {
    List<LoggedRequest> sent =
        providers.findAll(
            postRequestedFor(urlPathEqualTo(Providers.MESSAGES))
                .withRequestBody(containing("To=" + phone.replace("+", "%2B"))));
    return sent.stream().map(r -> field(r.getBodyAsString(), "Body")).toList();
  }

  static String field(String form, String name) {
    for (String pair : form.split("&")) {
      String[] kv = pair.split("=", 2);
      if (kv[0].equals(name)) {
        return URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  static String sid() {
    return "SM" + UUID.randomUUID().toString().replace("-", "");
  }

  @Test
  void aReplyLongerThanTenSegmentsLeavesAsSeveralTexts() {
    String phone = newPhone();
    assertThat(signedSms(sid(), phone, "hello")).isEqualTo(200);
    eventually(() -> assertThat(bodiesTo(phone)).hasSize(1));

    assertThat(signedSms(sid(), phone, "HELP")).isEqualTo(200);

    eventually(() -> assertThat(bodiesTo(phone)).hasSize(3));
    List<String> help = bodiesTo(phone).subList(1, 3);
    assertThat(help).allSatisfy(b -> assertThat(SmsText.segments(b)).isLessThanOrEqualTo(10));
    assertThat(String.join(" ", help))
        .contains("Line help")
        .endsWith("Riverton Police Department.");
  }

  @Test
  void aProviderRetryAfterAFailureDoesNotCreateTheConcernTwice() {
    String phone = newPhone();
    var redis = beatline.app.redis();
    String concerns = "concerns:contact:twilio:" + phone;
    String session = "session:twilio:" + phone;
    assertThat(signedSms(sid(), phone, "hello")).isEqualTo(200);
    assertThat(signedSms(sid(), phone, "there are cars racing on my street every night"))
        .isEqualTo(200);
    // Answer the concern journey's questions until the concern exists.
    String[] answers = {"Oak Street by the library", "55106", "1", "1", "1", "1"};
    for (String answer : answers) {
      String before = redis.call(c -> c.get(session)).await();
      String sid = sid();
      assertThat(signedSms(sid, phone, answer)).isEqualTo(200);
      if (redis.call(c -> c.llen(concerns)).await() == 0) {
        continue;
      }
      // That turn created the concern. Suppose it failed afterwards (storing the session): the
      // pipeline forgets the message, the session is as before, and Twilio retries.
      redis.call(c -> c.del("seen:{twilio:" + phone + "}:" + sid)).await();
      redis.call(c -> c.set(session, before)).await();
      assertThat(signedSms(sid, phone, answer)).isEqualTo(200);

      assertThat(redis.call(c -> c.llen(concerns)).await()).isEqualTo(1);
      return;
    }
    throw new AssertionError("the concern journey never created a concern");
  }
}
