package org.beatline.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.vertx.core.Vertx;
import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.beatline.message.Outbound;
import org.beatline.outbox.Outbox;
import org.beatline.outbox.OutboxSettings;
import org.beatline.redis.EmbeddedRedis;
import org.beatline.redis.Redis;
import org.beatline.support.Providers;
import org.beatline.support.Running;
import org.beatline.support.TwilioMessages;
import org.junit.jupiter.api.Test;

/**
 * A Beatline process killed with SIGKILL in the middle of a broadcast of 10,000 texts, Twilio
 * answering each after 50 ms: a new instance (with the production takeover time of two minutes)
 * takes over what the dead one left as soon as its heartbeat has lapsed, asks Twilio which of the
 * texts it had in flight Twilio already has, and sends the rest. Every text reaches the stand-in,
 * at most 0.1% of them twice, each recipient's two parts in order.
 */
class ProcessKillTest {
  private static final int RECIPIENTS = 5_000;
  private static final int EACH = 2;
  private static final int ALL = RECIPIENTS * EACH;

  @Test
  void processKilledMidBroadcastSendsEachTextOnce() throws Exception {
    TwilioMessages ledger = new TwilioMessages();
    WireMockServer twilio =
        Providers.start(
            WireMockConfiguration.options()
                .dynamicPort()
                .extensions(ledger)
                .containerThreads(64)
                .asynchronousResponseEnabled(true)
                .asynchronousResponseThreads(8));
    twilio.stubFor(
        Providers.twilioCreate().willReturn(Providers.twilioCreated().withFixedDelay(50)));
    File log = File.createTempFile("beatline-killed", ".log");
    Vertx vertx = Vertx.vertx();
    try (EmbeddedRedis server = EmbeddedRedis.start()) {
      Redis redis = Redis.connect(vertx, server.url());
      Process doomed = null;
      try {
        subscribe(redis);
        doomed = startProcess(server.url(), twilio.baseUrl(), log);
        new Outbox(redis, Map.of()).enqueue(broadcast()).await();
        // Killed once a fifth of the broadcast has left, with sends in flight.
        await()
            .atMost(Duration.ofSeconds(120))
            .pollInterval(Duration.ofMillis(10))
            .until(() -> ledger.count() >= ALL / 5);
        doomed.destroyForcibly().waitFor();
        int beforeKill = ledger.count();
        assertThat(beforeKill).as("killed in the middle").isLessThan(ALL);

        long restarted = System.nanoTime();
        try (Running survivor =
            Running.start(
                twilio,
                Map.of("REDIS_URL", server.url(), "TWILIO_MPS", "1000"),
                OutboxSettings::defaults)) {
          await()
              .atMost(Duration.ofSeconds(90))
              .pollInterval(Duration.ofMillis(200))
              .until(() -> distinct(ledger.texts()).size() == ALL);
        }
        List<String> all = ledger.texts();
        int duplicates = all.size() - distinct(all).size();
        System.out.printf(
            "kill -9 mid-broadcast: %d of %d sent before the kill, all sent %.1f s after the"
                + " restart, %d sent twice (%.2f%%)%n",
            beforeKill,
            ALL,
            (System.nanoTime() - restarted) / 1e9,
            duplicates,
            100.0 * duplicates / ALL);
        assertThat(duplicates).as("texts sent twice").isLessThanOrEqualTo(ALL / 1000);
        assertThat(outOfOrder(all)).as("recipients whose texts arrived out of order").isEmpty();
      } finally {
        if (doomed != null && doomed.isAlive()) {
          doomed.destroyForcibly().waitFor();
        }
        redis.close();
      }
    } catch (AssertionError | RuntimeException e) {
      System.out.println("the killed process's log:\n" + Files.readString(log.toPath()));
      throw e;
    } finally {
      vertx.close().await();
      twilio.stop();
      Files.deleteIfExists(log.toPath());
    }
  }

  /** The recipients as subscribed residents, so that a bulk message may go to them. */
  private static void subscribe(Redis redis) {
    String now = Long.toString(System.currentTimeMillis());
    redis
        .call(
            c -> {
              List<CompletableFuture<Long>> each = new ArrayList<>();
              for (int r = 0; r < RECIPIENTS; r++) {
                each.add(
                    c.hset(
                            "contact:twilio:" + phone(r),
                            Map.of("created", now, "seen", now, "language", "en"))
                        .toCompletableFuture());
              }
              return CompletableFuture.allOf(each.toArray(CompletableFuture<?>[]::new));
            })
        .await();
  }

  /** Beatline in a JVM of its own, as {@code java -jar} runs it, sending at 500 a second. */
  private static Process startProcess(String redisUrl, String twilioBase, File log)
      throws Exception {
    int port = freePort();
    List<String> command =
        List.of(
            System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
            "-Xmx256m",
            "-cp",
            System.getProperty("java.class.path"),
            "org.beatline.Main",
            "serve");
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log);
    Map<String, String> env = pb.environment();
    env.keySet().removeIf(k -> k.startsWith("TELEGRAM_") || k.startsWith("TWILIO_"));
    env.put("PORT", Integer.toString(port));
    env.put("REDIS_URL", redisUrl);
    env.put("PUBLIC_BASE_URL", "https://beatline.example.org");
    env.put("ADMIN_TOKEN", "admin-token-for-tests-0123");
    env.put("TWILIO_ACCOUNT_SID", Running.SID);
    env.put("TWILIO_AUTH_TOKEN", Running.TOKEN);
    env.put("TWILIO_FROM", Running.FROM);
    env.put("TWILIO_API_BASE", twilioBase);
    env.put("TWILIO_MPS", "500");
    env.put("LOG_LEVEL", "WARN");
    Process p = pb.start();
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> !p.isAlive() || healthy(port));
    assertThat(p.isAlive()).as("the process started").isTrue();
    return p;
  }

  private static boolean healthy(int port) {
    try {
      HttpURLConnection c =
          (HttpURLConnection)
              URI.create("http://127.0.0.1:" + port + "/health").toURL().openConnection();
      c.setConnectTimeout(500);
      c.setReadTimeout(2000);
      return c.getResponseCode() == 200;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** A meeting announcement in two parts to each recipient, as a long text is split. */
  private static List<Outbound> broadcast() {
    List<Outbound> out = new ArrayList<>();
    for (int r = 0; r < RECIPIENTS; r++) {
      for (int k = 0; k < EACH; k++) {
        out.add(
            new Outbound(
                "meeting-" + r + "-" + k,
                "twilio",
                phone(r),
                "part " + r + " " + k,
                List.of(),
                Outbound.Lane.BULK,
                "test",
                "en"));
      }
    }
    return out;
  }

  private static String phone(int r) {
    return "+1555" + String.format("%07d", 3_000_000 + r);
  }

  private static List<String> distinct(List<String> texts) {
    return texts.stream().distinct().toList();
  }

  /** Recipients whose texts, repeats aside, did not arrive as 0, 1. */
  private static List<String> outOfOrder(List<String> texts) {
    Map<String, List<Integer>> byRecipient = new LinkedHashMap<>();
    for (String t : distinct(texts)) {
      String[] f = t.split(" ");
      byRecipient.computeIfAbsent(f[1], r -> new ArrayList<>()).add(Integer.parseInt(f[2]));
    }
    return byRecipient.entrySet().stream()
        .filter(e -> !e.getValue().equals(List.of(0, 1)))
        .map(Map.Entry::getKey)
        .toList();
  }
}
