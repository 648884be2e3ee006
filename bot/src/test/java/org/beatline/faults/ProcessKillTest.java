package org.beatline.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.vertx.core.Vertx;
import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.beatline.message.Outbound;
import org.beatline.outbox.Outbox;
import org.beatline.redis.EmbeddedRedis;
import org.beatline.redis.Redis;
import org.beatline.support.Providers;
import org.beatline.support.Running;
import org.junit.jupiter.api.Test;

/**
 * A Beatline process killed with SIGKILL in the middle of a backlog of replies: another instance
 * takes over what it left unacknowledged and every reply reaches Twilio, at least once, each
 * recipient's in order; what was sent twice is counted and reported.
 */
class ProcessKillTest {
  private static final int RECIPIENTS = 200;
  private static final int EACH = 5;

  @Test
  void processKilledMidBacklogLosesNoReply() throws Exception {
    WireMockServer twilio = Providers.start();
    twilio.stubFor(
        Providers.twilioCreate().willReturn(Providers.twilioCreated().withFixedDelay(20)));
    File log = File.createTempFile("beatline-killed", ".log");
    Vertx vertx = Vertx.vertx();
    try (EmbeddedRedis server = EmbeddedRedis.start()) {
      Process doomed = startProcess(server.url(), twilio.baseUrl(), log);
      Redis redis = Redis.connect(vertx, server.url());
      try {
        new Outbox(redis, Map.of()).enqueue(backlog()).await();
        // Killed once a fifth of the backlog has left, with sends in flight.
        await()
            .atMost(Duration.ofSeconds(120))
            .pollInterval(Duration.ofMillis(20))
            .until(() -> sent(twilio).size() >= RECIPIENTS);
        doomed.destroyForcibly().waitFor();
        int beforeKill = sent(twilio).size();
        assertThat(beforeKill).as("killed in the middle").isLessThan(RECIPIENTS * EACH);

        try (Running survivor =
            Running.start(twilio, Map.of("REDIS_URL", server.url()), Running::fastOutbox)) {
          await()
              .atMost(Duration.ofSeconds(60))
              .pollInterval(Duration.ofMillis(100))
              .until(() -> distinct(sent(twilio)).size() == RECIPIENTS * EACH);
        }
        List<String> all = sent(twilio);
        int duplicates = all.size() - distinct(all).size();
        System.out.printf(
            "kill -9 mid-backlog: %d of %d sent before the kill, %d sent twice (%.2f%%)%n",
            beforeKill, RECIPIENTS * EACH, duplicates, 100.0 * duplicates / (RECIPIENTS * EACH));
        // At most what the killed process had in flight or sent but not yet recorded.
        assertThat(duplicates).isLessThanOrEqualTo(RECIPIENTS * EACH / 10);
        assertThat(outOfOrder(all)).as("recipients whose texts arrived out of order").isEmpty();
      } finally {
        if (doomed.isAlive()) {
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

  /** Beatline in a JVM of its own, as {@code java -jar} runs it, sending at 100 a second. */
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
    env.put("TWILIO_MPS", "100");
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

  /** Five replies to each of the recipients, numbered in the order they were queued. */
  private static List<Outbound> backlog() {
    List<Outbound> out = new ArrayList<>();
    for (int k = 0; k < EACH; k++) {
      for (int r = 0; r < RECIPIENTS; r++) {
        String to = "+1555" + String.format("%07d", 3_000_000 + r);
        out.add(
            new Outbound(
                "kill-" + r + "-" + k,
                "twilio",
                to,
                "reply " + r + " " + k,
                List.of(),
                Outbound.Lane.REPLY,
                "test",
                "en"));
      }
    }
    return out;
  }

  /** The texts Twilio was asked to send, in the order they arrived. */
  private static List<String> sent(WireMockServer twilio) {
    return twilio.findAll(postRequestedFor(urlPathEqualTo(Providers.MESSAGES))).stream()
        .map(r -> field(r.getBodyAsString(), "Body"))
        .toList();
  }

  private static List<String> distinct(List<String> texts) {
    return texts.stream().distinct().toList();
  }

  /** Recipients whose texts, repeats aside, did not arrive as 0, 1, 2, 3, 4. */
  private static List<String> outOfOrder(List<String> texts) {
    Map<String, List<Integer>> byRecipient = new LinkedHashMap<>();
    for (String t : distinct(texts)) {
      String[] f = t.split(" ");
      byRecipient.computeIfAbsent(f[1], r -> new ArrayList<>()).add(Integer.parseInt(f[2]));
    }
    return byRecipient.entrySet().stream()
        .filter(e -> !e.getValue().equals(List.of(0, 1, 2, 3, 4)))
        .map(Map.Entry::getKey)
        .toList();
  }

  private static String field(String form, String name) {
    Map<String, String> out = new HashMap<>();
    for (String pair : form.split("&")) {
      String[] kv = pair.split("=", 2);
      out.put(kv[0], kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
    }
    return out.get(name);
  }
}
