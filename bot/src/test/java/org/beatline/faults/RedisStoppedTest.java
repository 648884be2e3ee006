package org.beatline.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.beatline.outbox.OutboxSettings;
import org.beatline.redis.EmbeddedRedis;
import org.beatline.support.Providers;
import org.beatline.support.Running;
import org.beatline.support.Texting;
import org.junit.jupiter.api.Test;

/**
 * Redis stopped for 10 s while residents text (twice each) and their replies leave slowly (Twilio
 * at 10 a second, answering after 300 ms), then started again with its data: webhooks are refused
 * with 503 while it is away; within 5 s of its return the service is ready and takes every webhook;
 * the replies this instance had in hand are sent at once (it reads its own pending entries again
 * rather than waiting two minutes for a takeover), each once, and nothing accepted is lost.
 */
class RedisStoppedTest {
  private static final Duration OUTAGE = Duration.ofSeconds(10);

  @Test
  void redisStoppedWithItsDataUnderTrafficLosesNothingAndResumesAtOnce() throws Exception {
    WireMockServer twilio = Providers.start();
    twilio.stubFor(
        Providers.twilioCreate().willReturn(Providers.twilioCreated().withFixedDelay(300)));
    Path data = Files.createTempDirectory("beatline-redis");
    try (EmbeddedRedis redis = EmbeddedRedis.keepingData(data);
        Running beatline =
            Running.start(
                twilio,
                Map.of("REDIS_URL", redis.url(), "TWILIO_MPS", "10"),
                RedisStoppedTest::outbox)) {
      Texting texting = new Texting(beatline, twilio);
      AtomicInteger phones = new AtomicInteger(6_000_000);
      // How many texts two messages are answered with.
      String first = phone(phones.incrementAndGet());
      assertThat(texting.sms(first, "hello")).isEqualTo(200);
      assertThat(texting.sms(first, "hello")).isEqualTo(200);
      await()
          .atMost(Duration.ofSeconds(10))
          .pollDelay(Duration.ofSeconds(2))
          .until(() -> texting.smsTo(first).size() >= 2);
      int answer = texting.smsTo(first).size();

      List<String> before = texts(texting, phones, 30);
      redis.stop();
      List<Integer> whileDown = new ArrayList<>();
      long down = System.nanoTime();
      while (System.nanoTime() - down < OUTAGE.toNanos()) {
        whileDown.add(texting.sms(phone(phones.incrementAndGet()), "hello"));
        Thread.sleep(500);
      }
      assertThat(whileDown).as("webhooks while Redis is away").containsOnly(503);
      int stillToSend = (int) before.stream().filter(p -> texting.smsTo(p).size() < answer).count();

      redis.restart();
      long back = System.nanoTime();
      await()
          .atMost(Duration.ofSeconds(5))
          .pollInterval(Duration.ofMillis(50))
          .until(() -> beatline.http.get("/health").send().await().statusCode() == 200);
      double ready = (System.nanoTime() - back) / 1e9;
      List<String> after = texts(texting, phones, 20);

      List<String> everyone = new ArrayList<>(before);
      everyone.addAll(after);
      // Well within the two minutes after which another instance would take them over.
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> everyone.stream().allMatch(p -> texting.smsTo(p).size() >= answer));
      double resumed = (System.nanoTime() - back) / 1e9;
      System.out.printf(
          "Redis stopped %d s: ready %.1f s after its return; %d of %d residents still waiting"
              + " for their replies then, all answered %.1f s after its return%n",
          OUTAGE.toSeconds(), ready, stillToSend, before.size(), resumed);
      assertThat(stillToSend).as("replies in hand when Redis stopped").isPositive();
      for (String p : everyone) {
        assertThat(texting.smsTo(p)).as("texts to one resident").hasSize(answer);
      }
    } finally {
      twilio.stop();
      try (Stream<Path> files = Files.walk(data)) {
        files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }

  /**
   * Quick retries, but the production takeover of two minutes: what is tested is that an instance
   * picks up its own unfinished replies when Redis is back, not that another takes them over.
   */
  private static OutboxSettings outbox(double mps) {
    OutboxSettings fast = Running.fastOutbox(mps);
    return new OutboxSettings(
        mps,
        fast.firstRetry(),
        fast.maxRetry(),
        8,
        Duration.ofMinutes(2),
        fast.sendTimeout(),
        fast.maxInFlight());
  }

  /**
   * Two messages from each of {@code n} new residents: a resident's second reply waits for the
   * first, so when Redis stops some replies are in hand and still need it for their rate slot.
   */
  private static List<String> texts(Texting texting, AtomicInteger phones, int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String p = phone(phones.incrementAndGet());
      assertThat(texting.sms(p, "hello")).as("webhook").isEqualTo(200);
      assertThat(texting.sms(p, "hello")).as("webhook").isEqualTo(200);
      out.add(p);
    }
    return out;
  }

  private static String phone(int n) {
    return "+1613" + String.format("%07d", n);
  }
}
