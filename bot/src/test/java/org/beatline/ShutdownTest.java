package org.beatline;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.beatline.redis.EmbeddedRedis;
import org.beatline.redis.Redis;
import org.beatline.support.Child;
import org.beatline.support.Providers;
import org.beatline.support.Running;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SIGTERM while the outbox has a backlog: Beatline stops accepting, finishes the sends it has with
 * Twilio, leaves every other message in Redis, and exits within 10 seconds.
 */
class ShutdownTest {

  /**
   * Twilio answers in 300 ms, or hangs for 25 s (longer than any wait on shutdown: the sends in
   * flight then stay unacknowledged in Redis and are taken over by the next instance).
   */
  @ParameterizedTest
  @ValueSource(ints = {300, 25_000})
  void sigtermAfterLoadExitsWithinTenSecondsAndLosesNothing(int twilioMillis) throws Exception {
    WireMockServer providers = Providers.start();
    providers.stubFor(
        Providers.twilioCreate()
            .willReturn(Providers.twilioCreated().withFixedDelay(twilioMillis)));
    Vertx vertx = Vertx.vertx();
    try (EmbeddedRedis redis = EmbeddedRedis.start();
        Child beatline =
            Child.start(
                Map.of(
                    "PORT",
                    "0",
                    "REDIS_URL",
                    redis.url(),
                    "PUBLIC_BASE_URL",
                    "https://beatline.example.org",
                    "ADMIN_TOKEN",
                    "admin-token-for-tests-0123",
                    "TWILIO_ACCOUNT_SID",
                    Running.SID,
                    "TWILIO_AUTH_TOKEN",
                    Running.TOKEN,
                    "TWILIO_FROM",
                    Running.FROM,
                    "TWILIO_API_BASE",
                    providers.baseUrl(),
                    "TWILIO_MPS",
                    "4"))) {
      int port = beatline.port(60);
      WebClient http = WebClient.create(vertx, new WebClientOptions().setDefaultPort(port));
      List<String> residents = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        String phone = String.format("+1555880%04d", i);
        residents.add(phone);
        Map<String, String> form = Providers.sms("SM" + System.nanoTime() + i, phone, "hello");
        MultiMap body = MultiMap.caseInsensitiveMultiMap();
        form.forEach(body::add);
        int status =
            http.post("/webhooks/twilio")
                .putHeader(
                    "X-Twilio-Signature",
                    Providers.twilioSignature("https://beatline.example.org/webhooks/twilio", form))
                .sendForm(body)
                .await()
                .statusCode();
        assertThat(status).isEqualTo(200);
      }
      // Under load: a few sent, most waiting for their slot at four a second.
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () ->
                  providers.findAll(postRequestedFor(urlPathEqualTo(Providers.MESSAGES))).size()
                      >= 3);

      long signalled = System.nanoTime();
      beatline.process().destroy(); // SIGTERM
      boolean exited = beatline.process().waitFor(10, TimeUnit.SECONDS);
      long tookMs = (System.nanoTime() - signalled) / 1_000_000;
      assertThat(exited).as("exited within 10 s (%d ms)", tookMs).isTrue();
      System.out.printf("Twilio in %d ms: SIGTERM to exit in %d ms%n", twilioMillis, tookMs);

      // Every resident's answer was either sent or is still in Redis for the next instance.
      String sent =
          String.join(
              "\n",
              providers.findAll(postRequestedFor(urlPathEqualTo(Providers.MESSAGES))).stream()
                  .map(r -> r.getBodyAsString().replace("%2B", "+"))
                  .toList());
      Redis client = Redis.connect(vertx, redis.url());
      StringBuilder left = new StringBuilder();
      for (String key : client.call(c -> c.keys("outbox:{twilio}:*")).await()) {
        String type = client.call(c -> c.type(key)).await();
        if (type.equals("stream") && !key.endsWith(":dead")) {
          client
              .call(c -> c.xrange(key, io.lettuce.core.Range.create("-", "+")))
              .await()
              .forEach(m -> left.append(m.getBody()).append('\n'));
        } else if (type.equals("zset")) {
          client.call(c -> c.zrange(key, 0, -1)).await().forEach(m -> left.append(m).append('\n'));
        }
      }
      client.close();
      List<String> lost =
          residents.stream()
              .filter(p -> !sent.contains(p) && !left.toString().contains(p))
              .toList();
      assertThat(lost).as("answers neither sent nor left in Redis").isEmpty();
      assertThat(left.toString()).as("a backlog was left in Redis").contains("+1555880");
      assertThat(beatline.err()).noneMatch(l -> l.contains("Exception"));
    } finally {
      vertx.close().await();
      providers.stop();
    }
  }

  @Test
  void aWrongRedisPasswordStopsStartupWithOneLine() throws Exception {
    try (EmbeddedRedis redis = EmbeddedRedis.start();
        Child beatline =
            Child.start(
                Map.of(
                    "PORT",
                    "0",
                    "REDIS_URL",
                    "redis://:not-the-password@127.0.0.1:" + redis.port()))) {
      assertThat(beatline.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(beatline.process().exitValue()).isEqualTo(1);
      await().atMost(Duration.ofSeconds(2)).until(() -> !beatline.err().isEmpty());
      List<String> said = beatline.err().stream().filter(l -> !l.isBlank()).toList();
      assertThat(said).hasSize(1);
      assertThat(said.get(0))
          .startsWith("beatline: cannot start: cannot use Redis at redis://***@127.0.0.1:")
          .containsAnyOf("WRONGPASS", "password")
          .doesNotContain("not-the-password");
    }
  }
}
