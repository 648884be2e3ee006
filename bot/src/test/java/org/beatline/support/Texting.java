package org.beatline.support;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * People texting a running Beatline the way providers deliver it: signed Twilio webhooks and
 * Telegram updates with the secret; and what Beatline sent each of them through the stand-ins.
 */
public final class Texting {
  private static final AtomicLong UPDATES = new AtomicLong(System.nanoTime() % 1_000_000_000L);
  private final Running beatline;
  private final WireMockServer providers;

  public Texting(Running beatline, WireMockServer providers) {
    this.beatline = beatline;
    this.providers = providers;
  }

  /** An SMS from {@code phone}, signed as Twilio signs it; the webhook's status. */
  public int sms(String phone, String text) {
    return sms("SM" + UUID.randomUUID().toString().replace("-", ""), phone, text);
  }

  /** The same with Twilio's message id {@code sid}, as a provider's retry repeats it. */
  public int sms(String sid, String phone, String text) {
    Map<String, String> form = Providers.sms(sid, phone, text);
    String signature =
        Providers.twilioSignature("https://beatline.example.org/webhooks/twilio", form);
    MultiMap body = MultiMap.caseInsensitiveMultiMap();
    form.forEach(body::add);
    return beatline
        .http
        .post("/webhooks/twilio")
        .putHeader("X-Twilio-Signature", signature)
        .sendForm(body)
        .await()
        .statusCode();
  }

  /** A Telegram message from {@code chat}; the webhook's status. */
  public int telegram(long chat, String text) {
    JsonObject update =
        new JsonObject()
            .put("update_id", UPDATES.incrementAndGet())
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
                            .put("first_name", "Sam")
                            .put("language_code", "en")));
    return beatline
        .http
        .post("/webhooks/telegram")
        .putHeader("X-Telegram-Bot-Api-Secret-Token", Running.SECRET)
        .sendJsonObject(update)
        .await()
        .statusCode();
  }

  /** The texts Twilio was asked to send to {@code phone}, in order. */
  public List<String> smsTo(String phone) {
    return providers
        .findAll(
            postRequestedFor(urlPathEqualTo(Providers.MESSAGES))
                .withRequestBody(containing("To=" + phone.replace("+", "%2B"))))
        .stream()
        .map(r -> field(r.getBodyAsString(), "Body"))
        .toList();
  }

  /** The texts Telegram was asked to send to {@code chat}, in order. */
  public List<String> telegramTo(long chat) {
    return providers
        .findAll(
            postRequestedFor(urlPathMatching(Providers.SEND_MESSAGE))
                .withRequestBody(containing("\"chat_id\":\"" + chat + "\"")))
        .stream()
        .map(r -> new JsonObject(r.getBodyAsString()).getString("text"))
        .toList();
  }

  private static String field(String form, String name) {
    for (String pair : form.split("&")) {
      String[] kv = pair.split("=", 2);
      if (kv[0].equals(name)) {
        return URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
      }
    }
    return null;
  }
}
