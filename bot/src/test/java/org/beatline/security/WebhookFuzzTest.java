package org.beatline.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.beatline.support.Providers;
import org.beatline.support.Running;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Hostile input at the doors residents and officers knock on, through real HTTP: Twilio form bodies
 * (signed as Twilio signs whatever they hold), Telegram updates with the right secret, and officer
 * commands from a registered officer's phone. Whatever arrives, the answer is a refusal with a
 * reason or a 200, never a 5xx. In the normal build these run the inputs under {@code
 * src/test/resources/org/beatline/security/WebhookFuzzTestInputs/}; with {@code JAZZER_FUZZ=1} they
 * fuzz.
 */
class WebhookFuzzTest {
  static final String URL = "https://beatline.example.org/webhooks/twilio";
  static final String OFFICER = "+15558880100";
  static final AtomicLong SEQUENCE = new AtomicLong();
  static WireMockServer providers;
  static Running beatline;

  @BeforeAll
  static void start() {
    providers = Providers.start();
    beatline = Running.start(providers, Map.of(), Running::fastOutbox);
    var registered =
        beatline
            .http
            .post("/api/v1/officers")
            .putHeader("Authorization", Running.ADMIN)
            .sendJsonObject(
                new JsonObject()
                    .put("name", "Dana Reyes")
                    .put("displayName", "Officer Reyes")
                    .put("role", "liaison")
                    .put("phone", OFFICER)
                    .put("neighbourhoods", new io.vertx.core.json.JsonArray().add("eastside"))
                    .put("languages", new io.vertx.core.json.JsonArray().add("en")))
            .await();
    assertThat(registered.statusCode()).as(registered.bodyAsString()).isIn(201, 409);
  }

  @AfterAll
  static void stop() {
    beatline.close();
    providers.stop();
  }

  /** A form body as Twilio would post it, signed over whatever fields it parses to. */
  @FuzzTest(maxDuration = "10m")
  void twilioFormBody(byte[] input) {
    String body = new String(input, StandardCharsets.ISO_8859_1);
    Map<String, String> fields = parse(body);
    var req =
        beatline
            .http
            .post("/webhooks/twilio")
            .putHeader("Content-Type", "application/x-www-form-urlencoded");
    if (fields != null) {
      req.putHeader("X-Twilio-Signature", Providers.twilioSignature(URL, fields));
    }
    int status = req.sendBuffer(Buffer.buffer(input)).await().statusCode();
    assertThat(status).as(body).isIn(200, 204, 400, 403, 413);
  }

  /** An update posted with the right secret, whatever JSON (or not) it holds. */
  @FuzzTest(maxDuration = "10m")
  void telegramUpdate(byte[] input) {
    int status =
        beatline
            .http
            .post("/webhooks/telegram")
            .putHeader("X-Telegram-Bot-Api-Secret-Token", Running.SECRET)
            .putHeader("Content-Type", "application/json")
            .sendBuffer(Buffer.buffer(input))
            .await()
            .statusCode();
    assertThat(status).as(new String(input, StandardCharsets.UTF_8)).isIn(200, 400, 413);
  }

  /** Officer commands with hostile references and text, from the officer and from a resident. */
  @FuzzTest(maxDuration = "10m")
  void officerCommand(FuzzedDataProvider data) {
    String verb = data.pickValue(new String[] {"ACK", "R", "NOTE", "DONE", "NOFU", "LIST", "HELP"});
    String reference = data.consumeString(24);
    String text = verb + " " + reference + " " + data.consumeRemainingAsString();
    boolean officer = data.remainingBytes() % 2 == 0;
    String from = officer ? OFFICER : "+1555889" + String.format("%04d", SEQUENCE.get() % 10_000);
    Map<String, String> form =
        Providers.sms("SM" + Long.toHexString(SEQUENCE.incrementAndGet()) + "f", from, text);
    MultiMap body = MultiMap.caseInsensitiveMultiMap();
    form.forEach(body::add);
    int status =
        beatline
            .http
            .post("/webhooks/twilio")
            .putHeader("X-Twilio-Signature", Providers.twilioSignature(URL, form))
            .sendForm(body)
            .await()
            .statusCode();
    assertThat(status).as(text).isIn(200, 413);
  }

  /** The fields of a form body as a server decodes them, or null when it cannot be decoded. */
  static Map<String, String> parse(String body) {
    Map<String, String> fields = new LinkedHashMap<>();
    try {
      for (String pair : body.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        String[] kv = pair.split("=", 2);
        String key = URLDecoder.decode(kv[0], StandardCharsets.UTF_8);
        String value = kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
        if (fields.containsKey(key)) {
          return null; // repeated fields are signed differently; sent unsigned
        }
        fields.put(key, value);
      }
    } catch (IllegalArgumentException e) {
      return null;
    }
    return fields;
  }
}
