package org.beatline.channel;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.beatline.support.Running.eventually;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.beatline.support.Providers;
import org.beatline.support.Running;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TwilioChannelTest {
  static WireMockServer providers;
  static Running beatline;

  @BeforeAll
  static void start() {
    providers = Providers.start();
    beatline = Running.live(providers);
  }

  @AfterAll
  static void stop() {
    beatline.close();
    providers.stop();
  }

  @BeforeEach
  void reset() {
    Providers.stubAccepting(providers);
  }

  static String newSid() {
    return "SM" + UUID.randomUUID().toString().replace("-", "");
  }

  static String newPhone() {
    return "+1555" + (1000000 + (int) (Math.random() * 8999999));
  }

  static HttpResponse<Buffer> post(String path, Map<String, String> form, String signature) {
    MultiMap body = MultiMap.caseInsensitiveMultiMap();
    form.forEach(body::add);
    var req = beatline.http.post(path);
    if (signature != null) {
      req.putHeader("X-Twilio-Signature", signature);
    }
    return req.sendForm(body).await();
  }

  static HttpResponse<Buffer> signedSms(String sid, String from, String text) {
    Map<String, String> form = Providers.sms(sid, from, text);
    String url = "https://beatline.example.org/webhooks/twilio";
    return post("/webhooks/twilio", form, Providers.twilioSignature(url, form));
  }

  static List<LoggedRequest> sendsTo(String phone) {
    return providers.findAll(
        postRequestedFor(urlPathEqualTo(Providers.MESSAGES))
            .withRequestBody(containing("To=" + phone.replace("+", "%2B"))));
  }

  @Test
  void signedSmsIsAnsweredWithOneMessageThroughTwilio() {
    String phone = newPhone();
    HttpResponse<Buffer> res = signedSms(newSid(), phone, "hello");

    assertThat(res.statusCode()).isEqualTo(200);
    assertThat(res.getHeader("Content-Type")).startsWith("text/xml");
    assertThat(res.bodyAsString()).contains("<Response/>");
    eventually(() -> assertThat(sendsTo(phone)).hasSize(1));
    Map<String, String> sent = form(sendsTo(phone).get(0));
    assertThat(sent.get("To")).isEqualTo(phone);
    assertThat(sent.get("From")).isEqualTo(Running.FROM);
    assertThat(sent.get("Body")).contains("Riverton Police Department").contains("911");
    assertThat(sent.get("StatusCallback"))
        .isEqualTo("https://beatline.example.org/webhooks/twilio/status");
    assertThat(sendsTo(phone).get(0).getHeader("Authorization")).startsWith("Basic ");
  }

  @Test
  void whatWeSendToTwilioConformsToItsOpenApiDescription() throws Exception {
    String phone = newPhone();
    signedSms(newSid(), phone, "hola");
    eventually(() -> assertThat(sendsTo(phone)).hasSize(1));
    LoggedRequest request = sendsTo(phone).get(0);

    JsonNode op;
    try (InputStream in = getClass().getResourceAsStream("/twilio/create-message.json")) {
      op = new ObjectMapper().readTree(in);
    }
    assertThat(request.getHeader("Content-Type")).startsWith(op.get("contentType").asText());
    Map<String, String> sent = form(request);
    JsonNode properties = op.get("properties");
    for (JsonNode required : op.get("required")) {
      assertThat(sent).containsKey(required.asText());
    }
    assertThat(sent.containsKey("From") || sent.containsKey("MessagingServiceSid")).isTrue();
    assertThat(sent.containsKey("Body") || sent.containsKey("MediaUrl")).isTrue();
    for (var e : sent.entrySet()) {
      assertThat(properties.has(e.getKey())).as("Twilio knows parameter " + e.getKey()).isTrue();
      JsonNode p = properties.get(e.getKey());
      if ("phone-number".equals(p.path("format").asText())) {
        assertThat(e.getValue()).matches("(whatsapp:)?\\+[1-9][0-9]{6,14}");
      }
      if ("uri".equals(p.path("format").asText())) {
        assertThat(java.net.URI.create(e.getValue()).isAbsolute()).isTrue();
      }
    }
  }

  @Test
  void spanishReplyReachesTwilioWithItsAccents() {
    String phone = newPhone();
    signedSms(newSid(), phone, "hola");
    eventually(() -> assertThat(sendsTo(phone)).hasSize(1));
    assertThat(form(sendsTo(phone).get(0)).get("Body"))
        .contains("Línea comunitaria")
        .contains("supervisión")
        .contains("Elija un número");
  }

  @Test
  void forgedSignatureIsRefusedAndNothingIsSent() {
    String phone = newPhone();
    Map<String, String> form = Providers.sms(newSid(), phone, "hello");
    String forged = Providers.twilioSignature("https://evil.example.org/webhooks/twilio", form);

    HttpResponse<Buffer> res = post("/webhooks/twilio", form, forged);

    assertThat(res.statusCode()).isEqualTo(403);
    assertThat(res.bodyAsJsonObject().getString("error")).contains("X-Twilio-Signature");
    assertThat(beatline.app.redis().call(c -> c.exists("contact:twilio:" + phone)).await())
        .isZero();
    assertThat(sendsTo(phone)).isEmpty();
  }

  @Test
  void missingSignatureIsRefused() {
    String phone = newPhone();
    assertThat(post("/webhooks/twilio", Providers.sms(newSid(), phone, "hi"), null).statusCode())
        .isEqualTo(403);
  }

  @Test
  void tamperedBodyWithOldSignatureIsRefused() {
    String phone = newPhone();
    Map<String, String> form = new HashMap<>(Providers.sms(newSid(), phone, "hello"));
    String signature =
        Providers.twilioSignature("https://beatline.example.org/webhooks/twilio", form);
    form.put("Body", "STOP");
    assertThat(post("/webhooks/twilio", form, signature).statusCode()).isEqualTo(403);
  }

  @Test
  void replayedMessageSidIsSentOnlyOnce() {
    String phone = newPhone();
    String sid = newSid();
    assertThat(signedSms(sid, phone, "hello").statusCode()).isEqualTo(200);
    assertThat(signedSms(sid, phone, "hello").statusCode()).isEqualTo(200);
    eventually(() -> assertThat(sendsTo(phone)).hasSize(1));
    assertThat(signedSms(newSid(), phone, "hello again").statusCode()).isEqualTo(200);
    eventually(() -> assertThat(sendsTo(phone)).hasSize(2));
  }

  @Test
  void overlongTextIsRefusedWith413() {
    HttpResponse<Buffer> res = signedSms(newSid(), newPhone(), "a".repeat(1601));
    assertThat(res.statusCode()).isEqualTo(413);
    assertThat(res.bodyAsJsonObject().getString("error")).contains("1600");
  }

  @Test
  void oversizedBodyIsRefusedWith413() {
    Map<String, String> form = new HashMap<>(Providers.sms(newSid(), newPhone(), "hi"));
    form.put("Padding", "x".repeat(70 * 1024));
    HttpResponse<Buffer> res = post("/webhooks/twilio", form, "irrelevant");
    assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(413);
  }

  @Test
  void malformedSenderIsRefusedWith400() {
    Map<String, String> form = Providers.sms(newSid(), "not-a-number", "hi");
    String sig = Providers.twilioSignature("https://beatline.example.org/webhooks/twilio", form);
    HttpResponse<Buffer> res = post("/webhooks/twilio", form, sig);
    assertThat(res.statusCode()).isEqualTo(400);
    assertThat(res.bodyAsJsonObject().getString("error")).startsWith("From");
  }

  @Test
  void jsonBodyIsRefusedWith400() {
    HttpResponse<Buffer> res =
        beatline
            .http
            .post("/webhooks/twilio")
            .sendJsonObject(new io.vertx.core.json.JsonObject())
            .await();
    assertThat(res.statusCode()).isEqualTo(400);
  }

  @Test
  void whatsappMessageIsAnsweredOnWhatsapp() {
    String phone = "whatsapp:" + newPhone();
    signedSms(newSid(), phone, "hi");
    eventually(
        () ->
            assertThat(
                    providers.findAll(
                        postRequestedFor(urlPathEqualTo(Providers.MESSAGES))
                            .withRequestBody(containing("To=whatsapp%3A"))
                            .withRequestBody(containing("From=whatsapp%3A%2B15550100000"))))
                .isNotEmpty());
  }

  @Test
  void carrierOptOutInStatusCallbackOptsTheContactOut() {
    String phone = newPhone();
    signedSms(newSid(), phone, "hello");
    eventually(() -> assertThat(sendsTo(phone)).hasSize(1));
    Map<String, String> status =
        Map.of(
            "MessageSid",
            newSid(),
            "MessageStatus",
            "failed",
            "ErrorCode",
            "21610",
            "To",
            phone,
            "AccountSid",
            Running.SID);
    String url = "https://beatline.example.org/webhooks/twilio/status";
    assertThat(
            post("/webhooks/twilio/status", status, Providers.twilioSignature(url, status))
                .statusCode())
        .isEqualTo(204);

    assertThat(beatline.consent("twilio", phone)).isEqualTo("OPTED_OUT");
    signedSms(newSid(), phone, "are you there");
    assertThat(sendsTo(phone)).hasSize(1);
  }

  @Test
  void twilioRateLimitAndOutageAreRetriedThenDeliveredOnce() {
    String phone = newPhone();
    String to = "To=" + phone.replace("+", "%2B");
    providers.stubFor(
        Providers.twilioCreate()
            .withRequestBody(containing(to))
            .inScenario(phone)
            .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
            .willReturn(
                Providers.twilioError(429, 20429, "Too Many Requests")
                    .withHeader("Retry-After", "1"))
            .willSetStateTo("limited"));
    providers.stubFor(
        Providers.twilioCreate()
            .withRequestBody(containing(to))
            .inScenario(phone)
            .whenScenarioStateIs("limited")
            .willReturn(Providers.twilioError(503, 20503, "Service Unavailable"))
            .willSetStateTo("recovered"));
    providers.stubFor(
        Providers.twilioCreate()
            .withRequestBody(containing(to))
            .inScenario(phone)
            .whenScenarioStateIs("recovered")
            .willReturn(Providers.twilioCreated()));

    signedSms(newSid(), phone, "hello");

    eventually(() -> assertThat(sendsTo(phone)).hasSize(3));
    List<LoggedRequest> tries = sendsTo(phone);
    long waited = tries.get(1).getLoggedDate().getTime() - tries.get(0).getLoggedDate().getTime();
    assertThat(waited).as("Retry-After: 1 is honoured").isGreaterThanOrEqualTo(950);
    assertThat(
            providers.getAllScenarios().getScenarios().stream()
                .filter(s -> s.getName().equals(phone))
                .findFirst()
                .orElseThrow()
                .getState())
        .isEqualTo("recovered");
  }

  @Test
  void sendRefusedWith21610OptsTheContactOut() {
    String phone = newPhone();
    providers.stubFor(
        Providers.twilioCreate()
            .withRequestBody(containing("To=" + phone.replace("+", "%2B")))
            .willReturn(
                Providers.twilioError(400, 21610, "Attempt to send to unsubscribed recipient")));
    signedSms(newSid(), phone, "hello");
    eventually(() -> assertThat(beatline.consent("twilio", phone)).isEqualTo("OPTED_OUT"));
    assertThat(sendsTo(phone)).hasSize(1);
  }

  @Test
  void mmsWithoutTextIsAnsweredAndItsMediaIsNotFetched() {
    String phone = newPhone();
    Map<String, String> form = new HashMap<>(Providers.sms(newSid(), phone, ""));
    form.put("NumMedia", "1");
    form.put("MediaUrl0", providers.baseUrl() + "/media/photo.jpg");
    form.put("MediaContentType0", "image/jpeg");
    String url = "https://beatline.example.org/webhooks/twilio";
    assertThat(post("/webhooks/twilio", form, Providers.twilioSignature(url, form)).statusCode())
        .isEqualTo(200);
    eventually(() -> assertThat(sendsTo(phone)).hasSize(1));
    assertThat(
            providers.findAll(
                com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                    urlPathEqualTo("/media/photo.jpg"))))
        .isEmpty();
  }

  @Test
  void aMessagingServiceSendsWithItsSid() {
    String service = "MG" + "0123456789abcdef0123456789abcdef";
    // Its own Redis: on the shared one the other instance's outbox worker could send the reply.
    try (var redis = org.beatline.redis.EmbeddedRedis.start();
        Running withService =
            Running.start(
                providers,
                Map.of("TWILIO_FROM", service, "REDIS_URL", redis.url()),
                Running::fastOutbox)) {
      String phone = newPhone();
      Map<String, String> form = Providers.sms(newSid(), phone, "hi");
      var res =
          withService
              .http
              .post("/webhooks/twilio")
              .putHeader(
                  "X-Twilio-Signature",
                  Providers.twilioSignature("https://beatline.example.org/webhooks/twilio", form))
              .sendForm(toMultiMap(form))
              .await();
      assertThat(res.statusCode()).isEqualTo(200);
      eventually(() -> assertThat(sendsTo(phone)).hasSize(1));
      Map<String, String> sent = form(sendsTo(phone).get(0));
      assertThat(sent).containsEntry("MessagingServiceSid", service).doesNotContainKey("From");
    }
  }

  static MultiMap toMultiMap(Map<String, String> form) {
    MultiMap body = MultiMap.caseInsensitiveMultiMap();
    form.forEach(body::add);
    return body;
  }

  @Test
  void unsignedStatusCallbackIsRefused() {
    Map<String, String> status = Map.of("MessageSid", newSid(), "MessageStatus", "delivered");
    assertThat(post("/webhooks/twilio/status", status, "bogus").statusCode()).isEqualTo(403);
  }

  static Map<String, String> form(LoggedRequest request) {
    Map<String, String> out = new HashMap<>();
    for (String pair : request.getBodyAsString().split("&")) {
      int eq = pair.indexOf('=');
      out.put(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }
}
