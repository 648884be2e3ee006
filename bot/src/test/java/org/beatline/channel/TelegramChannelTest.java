package org.beatline.channel;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.beatline.support.Running.eventually;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.beatline.support.Providers;
import org.beatline.support.Running;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TelegramChannelTest {
  static WireMockServer providers;
  static Running beatline;
  static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L);

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

  static JsonObject message(long updateId, long chat, String text) {
    return new JsonObject()
        .put("update_id", updateId)
        .put(
            "message",
            new JsonObject()
                .put("message_id", 1)
                .put("date", 1_700_000_000)
                .put("text", text)
                .put("chat", new JsonObject().put("id", chat).put("type", "private"))
                .put(
                    "from",
                    new JsonObject()
                        .put("id", chat)
                        .put("is_bot", false)
                        .put("first_name", "Ana")
                        .put("language_code", "es")));
  }

  static HttpResponse<Buffer> post(JsonObject update, String secret) {
    var req = beatline.http.post("/webhooks/telegram");
    if (secret != null) {
      req.putHeader("X-Telegram-Bot-Api-Secret-Token", secret);
    }
    return req.sendJsonObject(update).await();
  }

  static List<LoggedRequest> sendsTo(long chat) {
    return providers.findAll(
        postRequestedFor(urlPathMatching(Providers.SEND_MESSAGE))
            .withRequestBody(containing("\"chat_id\":\"" + chat + "\"")));
  }

  @Test
  void updateWithTheRightSecretIsAnsweredInTheChat() {
    long chat = IDS.incrementAndGet();
    HttpResponse<Buffer> res = post(message(IDS.incrementAndGet(), chat, "hola"), Running.SECRET);

    assertThat(res.statusCode()).isEqualTo(200);
    eventually(() -> assertThat(sendsTo(chat)).hasSize(1));
    JsonObject sent = new JsonObject(sendsTo(chat).get(0).getBodyAsString());
    assertThat(sent.getString("text")).contains("Línea comunitaria");
  }

  @Test
  void aPhoneSetToHongKongChineseIsAnsweredInTraditionalCharacters() {
    long chat = IDS.incrementAndGet();
    JsonObject update = message(IDS.incrementAndGet(), chat, "👋");
    update.getJsonObject("message").getJsonObject("from").put("language_code", "zh-HK");
    post(update, Running.SECRET);

    eventually(() -> assertThat(sendsTo(chat)).isNotEmpty());
    JsonObject sent = new JsonObject(sendsTo(chat).get(0).getBodyAsString());
    assertThat(sent.getString("text")).contains("社區熱線");
  }

  @Test
  void wrongOrMissingSecretIsRefusedAndNothingIsSent() {
    long chat = IDS.incrementAndGet();
    assertThat(post(message(IDS.incrementAndGet(), chat, "hi"), "wrong").statusCode())
        .isEqualTo(403);
    assertThat(post(message(IDS.incrementAndGet(), chat, "hi"), null).statusCode()).isEqualTo(403);
    assertThat(sendsTo(chat)).isEmpty();
  }

  @Test
  void buttonPressIsAnsweredAndHandled() {
    long chat = IDS.incrementAndGet();
    post(message(IDS.incrementAndGet(), chat, "hi"), Running.SECRET);
    eventually(() -> assertThat(sendsTo(chat)).hasSize(1));
    JsonObject press =
        new JsonObject()
            .put("update_id", IDS.incrementAndGet())
            .put(
                "callback_query",
                new JsonObject()
                    .put("id", "cbq-" + chat)
                    .put("chat_instance", "x")
                    .put("data", "menu")
                    .put(
                        "from",
                        new JsonObject()
                            .put("id", chat)
                            .put("is_bot", false)
                            .put("first_name", "A"))
                    .put(
                        "message",
                        new JsonObject()
                            .put("message_id", 2)
                            .put("date", 1_700_000_000)
                            .put("chat", new JsonObject().put("id", chat).put("type", "private"))));

    assertThat(post(press, Running.SECRET).statusCode()).isEqualTo(200);
    eventually(
        () ->
            assertThat(
                    providers.findAll(
                        postRequestedFor(urlPathMatching(Providers.ANSWER_CALLBACK))
                            .withRequestBody(containing("cbq-" + chat))))
                .hasSize(1));
    eventually(() -> assertThat(sendsTo(chat)).hasSize(2));
  }

  @Test
  void replayedUpdateIsHandledOnce() {
    long chat = IDS.incrementAndGet();
    JsonObject update = message(IDS.incrementAndGet(), chat, "hello");
    post(update, Running.SECRET);
    post(update, Running.SECRET);
    eventually(() -> assertThat(sendsTo(chat)).hasSize(1));
  }

  @Test
  void deepLinkStartWelcomesANewResident() {
    long chat = IDS.incrementAndGet();
    post(message(IDS.incrementAndGet(), chat, "/start meeting-eastside"), Running.SECRET);
    eventually(() -> assertThat(sendsTo(chat)).hasSize(1));
  }

  @Test
  void blockedBotOptsTheContactOut() {
    long chat = IDS.incrementAndGet();
    providers.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.post(
                urlPathMatching(Providers.SEND_MESSAGE))
            .withRequestBody(containing("\"chat_id\":\"" + chat + "\""))
            .willReturn(
                com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                    .withStatus(403)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was blocked by the user\"}")));
    post(message(IDS.incrementAndGet(), chat, "hi"), Running.SECRET);
    eventually(
        () ->
            assertThat(beatline.consent("telegram", String.valueOf(chat))).isEqualTo("OPTED_OUT"));
    assertThat(sendsTo(chat)).hasSize(1);
  }

  @Test
  void malformedUpdateIsRefusedWith400() {
    HttpResponse<Buffer> res =
        beatline
            .http
            .post("/webhooks/telegram")
            .putHeader("X-Telegram-Bot-Api-Secret-Token", Running.SECRET)
            .sendBuffer(Buffer.buffer("{not json"))
            .await();
    assertThat(res.statusCode()).isEqualTo(400);
    assertThat(res.bodyAsJsonObject().getString("error")).contains("Update");
  }

  @Test
  void overlongTextAndOversizedBodiesAreRefusedWith413() {
    long chat = IDS.incrementAndGet();
    HttpResponse<Buffer> longText =
        post(message(IDS.incrementAndGet(), chat, "x".repeat(1601)), Running.SECRET);
    assertThat(longText.statusCode()).isEqualTo(413);
    assertThat(longText.bodyAsJsonObject().getString("error")).contains("1600");
    JsonObject huge = message(IDS.incrementAndGet(), chat, "hi");
    huge.put("padding", "x".repeat(70 * 1024));
    assertThat(post(huge, Running.SECRET).statusCode()).isEqualTo(413);
    assertThat(sendsTo(chat)).isEmpty();
  }

  @Test
  void groupMessagesAreIgnored() {
    long chat = -IDS.incrementAndGet();
    JsonObject update = message(IDS.incrementAndGet(), chat, "hi");
    update.getJsonObject("message").getJsonObject("chat").put("type", "group");
    assertThat(post(update, Running.SECRET).statusCode()).isEqualTo(200);
    assertThat(sendsTo(chat)).isEmpty();
  }
}
