package org.beatline.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.beatline.support.Providers;
import org.beatline.support.Running;
import org.beatline.support.Texting;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Odd but possible input never crashes a handler, and responses carry the right headers. */
class HardeningTest {
  static WireMockServer providers;
  static Running beatline;
  static Texting texting;

  @BeforeAll
  static void start() {
    providers = Providers.start();
    beatline =
        Running.start(
            providers, Map.of("METRICS_TOKEN", "metrics-token-0123456789"), Running::fastOutbox);
    texting = new Texting(beatline, providers);
  }

  @AfterAll
  static void stop() {
    beatline.close();
    providers.stop();
  }

  @Test
  void healthAnswersHeadAndMetricsNeedTheirToken() {
    var head = beatline.http.request(HttpMethod.HEAD, "/health").send().await();
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(beatline.http.get("/metrics").send().await().statusCode()).isEqualTo(401);
    var metrics =
        beatline
            .http
            .get("/metrics")
            .putHeader("Authorization", "Bearer metrics-token-0123456789")
            .send()
            .await();
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.bodyAsString()).contains("jvm_memory");
  }

  @Test
  void adminAnswersAreNeverCached() {
    var res =
        beatline
            .http
            .get("/api/v1/officers")
            .putHeader("Authorization", Running.ADMIN)
            .send()
            .await();
    assertThat(res.getHeader("Cache-Control")).isEqualTo("no-store");
    var refused = beatline.http.get("/api/v1/officers").send().await();
    assertThat(refused.getHeader("Cache-Control")).isEqualTo("no-store");
  }

  @Test
  void sixteenHundredEmojiAreOneAcceptableMessage() {
    assertThat(texting.sms("+15557770101", "🙂".repeat(1600))).isEqualTo(200);
    assertThat(texting.sms("+15557770101", "🙂".repeat(1601))).isEqualTo(413);
  }

  @Test
  void aStatusCallbackWithANonNumericErrorCodeIsRecorded() {
    Map<String, String> status =
        Map.of(
            "MessageSid", "SM" + "0".repeat(32),
            "MessageStatus", "failed",
            "ErrorCode", "abc",
            "To", "+15557770102",
            "AccountSid", Running.SID);
    String url = "https://beatline.example.org/webhooks/twilio/status";
    MultiMap body = MultiMap.caseInsensitiveMultiMap();
    status.forEach(body::add);
    var res =
        beatline
            .http
            .post("/webhooks/twilio/status")
            .putHeader("X-Twilio-Signature", Providers.twilioSignature(url, status))
            .sendForm(body)
            .await();
    assertThat(res.statusCode()).isEqualTo(204);
  }

  @Test
  void buttonPressesWithoutASenderOrFromAGroupAreDropped() {
    JsonObject noFrom =
        new JsonObject()
            .put("update_id", 990001)
            .put(
                "callback_query",
                new JsonObject()
                    .put("id", "cb1")
                    .put("data", "menu")
                    .put("chat_instance", "x")
                    .put(
                        "message",
                        new JsonObject()
                            .put("message_id", 3)
                            .put("date", 1_700_000_000)
                            .put("chat", new JsonObject().put("id", 777).put("type", "private"))));
    JsonObject group = noFrom.copy().put("update_id", 990002);
    group
        .getJsonObject("callback_query")
        .put("from", new JsonObject().put("id", 5).put("is_bot", false).put("first_name", "A"))
        .getJsonObject("message")
        .put("chat", new JsonObject().put("id", -777).put("type", "group"));
    for (JsonObject update : new JsonObject[] {noFrom, group}) {
      var res =
          beatline
              .http
              .post("/webhooks/telegram")
              .putHeader("X-Telegram-Bot-Api-Secret-Token", Running.SECRET)
              .sendJsonObject(update)
              .await();
      assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(200);
    }
    assertThat(beatline.app.redis().call(c -> c.exists("contact:telegram:-777")).await()).isZero();
  }
}
