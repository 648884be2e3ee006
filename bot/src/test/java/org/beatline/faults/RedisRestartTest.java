package org.beatline.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.beatline.support.Running.eventually;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.beatline.redis.EmbeddedRedis;
import org.beatline.support.Providers;
import org.beatline.support.Running;
import org.beatline.support.Texting;
import org.junit.jupiter.api.Test;

/**
 * Redis stopped while residents text, and started again empty (no persistence, or a failover that
 * lost data): webhooks are refused with 503 while it is away, never a 500; once it is back the
 * service answers every webhook again and its replies leave, the outbox having made its streams and
 * group again.
 */
class RedisRestartTest {
  @Test
  void redisRestartedEmptyUnderTrafficIsSurvived() {
    WireMockServer twilio = Providers.start();
    try (EmbeddedRedis redis = EmbeddedRedis.start();
        Running beatline =
            Running.start(twilio, Map.of("REDIS_URL", redis.url()), Running::fastOutbox)) {
      Texting texting = new Texting(beatline, twilio);
      AtomicInteger phones = new AtomicInteger(4_000_000);
      List<String> before = texts(texting, phones, 10);
      eventually(() -> before.forEach(p -> assertThat(texting.smsTo(p)).isNotEmpty()));

      redis.stop();
      List<Integer> whileDown = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        whileDown.add(texting.sms(phone(phones.incrementAndGet()), "hello"));
      }
      assertThat(whileDown).as("webhooks while Redis is away").containsOnly(503);

      redis.restart();
      // Back within a few seconds of Redis: the first webhook answered 200 ends the outage.
      await()
          .atMost(Duration.ofSeconds(10))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> texting.sms(phone(phones.incrementAndGet()), "hello") == 200);
      List<Integer> after = new ArrayList<>();
      List<String> answered = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        String p = phone(phones.incrementAndGet());
        after.add(texting.sms(p, "hello"));
        answered.add(p);
      }
      assertThat(after).as("webhooks once Redis is back").containsOnly(200);
      eventually(() -> answered.forEach(p -> assertThat(texting.smsTo(p)).isNotEmpty()));
      assertThat(beatline.http.get("/health").send().await().statusCode()).isEqualTo(200);
      assertThat(
              beatline
                  .http
                  .get("/metrics")
                  .send()
                  .await()
                  .bodyAsString()
                  .lines()
                  .filter(l -> l.startsWith("beatline_outbox_group_recreated_total"))
                  .toList())
          .as("the outbox says it made its group again")
          .isNotEmpty();
    } finally {
      twilio.stop();
    }
  }

  private static List<String> texts(Texting texting, AtomicInteger phones, int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String p = phone(phones.incrementAndGet());
      assertThat(texting.sms(p, "hello")).isEqualTo(200);
      out.add(p);
    }
    return out;
  }

  private static String phone(int n) {
    return "+1612" + String.format("%07d", n);
  }
}
