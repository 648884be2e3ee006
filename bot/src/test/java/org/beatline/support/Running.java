package org.beatline.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.beatline.Beatline;
import org.beatline.config.Config;
import org.beatline.outbox.OutboxSettings;

/**
 * A Beatline started for a test: real HTTP on a free port, real Redis, providers at WireMock, and
 * an outbox that retries within milliseconds rather than seconds.
 */
public final class Running implements AutoCloseable {
  public static final String SID = "AC" + "0123456789abcdef0123456789abcdef";
  public static final String TOKEN = "test-auth-token-0123456789";
  public static final String FROM = "+15550100000";
  public static final String BOT_TOKEN = "123456:TEST-token_abc";
  public static final String SECRET = "telegram-secret-1";

  public final Beatline app;
  public final WebClient http;
  private final Vertx clientVertx;

  private Running(Beatline app) {
    this.app = app;
    this.clientVertx = Vertx.vertx();
    this.http = WebClient.create(clientVertx, new WebClientOptions().setDefaultPort(app.port()));
  }

  /** Fast outbox settings: retries after 20 ms, takeover after 500 ms of silence. */
  public static OutboxSettings fastOutbox(double mps) {
    return new OutboxSettings(
        1000,
        Duration.ofMillis(20),
        Duration.ofMillis(200),
        4,
        Duration.ofMillis(500),
        Duration.ofSeconds(5),
        OutboxSettings.MAX_IN_FLIGHT);
  }

  /** Beatline with Twilio and Telegram live against {@code providers}. */
  public static Running live(WireMockServer providers) {
    return start(providers, Map.of(), Running::fastOutbox);
  }

  public static Running start(
      WireMockServer providers,
      Map<String, String> extra,
      Function<Double, OutboxSettings> outbox) {
    Map<String, String> env = new HashMap<>();
    env.put("PORT", "0");
    if (!extra.containsKey("REDIS_URL")) {
      env.put("REDIS_URL", TestRedis.url());
    }
    env.put("PUBLIC_BASE_URL", "https://beatline.example.org");
    env.put("ADMIN_TOKEN", "admin-token-for-tests-0123");
    if (providers != null) {
      env.put("TWILIO_ACCOUNT_SID", SID);
      env.put("TWILIO_AUTH_TOKEN", TOKEN);
      env.put("TWILIO_FROM", FROM);
      env.put("TWILIO_API_BASE", providers.baseUrl());
      env.put("TELEGRAM_BOT_TOKEN", BOT_TOKEN);
      env.put("TELEGRAM_WEBHOOK_SECRET", SECRET);
      env.put("TELEGRAM_API_BASE", providers.baseUrl());
    }
    env.putAll(extra);
    return new Running(Beatline.start(Config.from(env), outbox).await());
  }

  /** The admin bearer token every test instance is started with. */
  public static final String ADMIN = "Bearer admin-token-for-tests-0123";

  /** An admin API request with the admin token, and its JSON body when there is one. */
  public HttpResponse<Buffer> admin(String method, String path, JsonObject body) {
    var req =
        http.request(io.vertx.core.http.HttpMethod.valueOf(method), path)
            .putHeader("Authorization", ADMIN);
    return body == null ? req.send().await() : req.sendJsonObject(body).await();
  }

  public HttpResponse<Buffer> simulate(String from, String text) {
    return http.post("/api/simulator/messages")
        .putHeader("Authorization", ADMIN)
        .sendJsonObject(new JsonObject().put("from", from).put("text", text))
        .await();
  }

  /** Sends {@code text} from {@code from} through the simulator; its answer, which must be 200. */
  public JsonObject say(String from, String text) {
    return say(from, text, null);
  }

  /** The same, pressing the option {@code choice} when it is not null. */
  public JsonObject say(String from, String text, String choice) {
    JsonObject body = new JsonObject().put("from", from).put("text", text);
    if (choice != null) {
      body.put("choice", choice);
    }
    HttpResponse<Buffer> res =
        http.post("/api/simulator/messages")
            .putHeader("Authorization", ADMIN)
            .sendJsonObject(body)
            .await();
    assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(200);
    return res.bodyAsJsonObject();
  }

  /** The consent state stored for {@code address} on {@code channel}, or null. */
  public String consent(String channel, String address) {
    return app.redis().call(c -> c.hget("contact:" + channel + ":" + address, "consent")).await();
  }

  /** A simulator address no other test uses, so that no two tests share a conversation. */
  public static String newResident() {
    return "sim-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Waits for an asynchronous condition (outbox deliveries) without sleeping blindly. */
  public static void eventually(Runnable assertion) {
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(25))
        .untilAsserted(assertion::run);
  }

  @Override
  public void close() {
    app.close();
    clientVertx.close().await();
  }
}
