import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.Stream;
import org.beatline.Beatline;
import org.beatline.config.Config;
import org.beatline.contact.ConsentLedger;
import org.beatline.contact.Contacts;

/**
 * The broadcast benchmark: Beatline with Twilio live against a loopback stand-in of the Messages
 * API, a neighbourhood of subscribers in seven languages, and one meeting scheduled through the
 * admin API. Measures how long the announcement takes to be rendered and queued for everyone (the
 * API answers 201 once it is), then at the stand-in the rate it is sent at against the configured
 * {@code TWILIO_MPS}, and whether every subscriber got it exactly once, in their language.
 *
 * <p>Run by {@code bench/broadcast}; options: {@code --subscribers --mps --delay-ms --warmup}, and
 * {@code --profile FILE}: a flight recording of the render and queue only.
 */
public final class BroadcastBench {
  static final String SID = "AC" + "0123456789abcdef0123456789abcdef";
  static final String ADMIN = "bench-admin-token-0123456789";
  static final String HASH_KEY = "bench-address-hash-key-0123456789abcdef";
  static final String TOPIC = "meetings.announcements|eastside";

  /** Seven languages, and the meeting's title in six of them: Burmese readers get the English. */
  static final List<String> LANGUAGES = List.of("en", "es", "vi", "zh", "ar", "so", "my");

  static final Map<String, String> TITLES =
      Map.of(
          "en", "Eastside community meeting",
          "es", "Reunión comunitaria del Lado Este",
          "vi", "Họp cộng đồng khu Eastside",
          "zh", "东区社区会议",
          "ar", "اجتماع مجتمع الحي الشرقي",
          "so", "Kulanka bulshada Eastside");

  public static void main(String[] args) throws Exception {
    Map<String, String> o = options(args);
    int subscribers = Integer.parseInt(o.getOrDefault("subscribers", "100000"));
    int mps = Integer.parseInt(o.getOrDefault("mps", "2000"));
    long delayMs = Long.parseLong(o.getOrDefault("delay-ms", "0"));
    int warmup = Integer.parseInt(o.getOrDefault("warmup", "0"));

    StandIn standIn = StandIn.start(subscribers, delayMs);
    Path conversations = withoutQuietHours(Path.of("conversations"));
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("PORT", "0");
    env.put("TWILIO_ACCOUNT_SID", SID);
    env.put("TWILIO_AUTH_TOKEN", "bench-auth-token-0123456789");
    env.put("TWILIO_FROM", "+15550100000");
    env.put("TWILIO_API_BASE", "http://127.0.0.1:" + standIn.port);
    env.put("TWILIO_MPS", Integer.toString(mps));
    env.put("ADMIN_TOKEN", ADMIN);
    env.put("ADDRESS_HASH_KEY", HASH_KEY);
    env.put("CONVERSATIONS_DIR", conversations.toString());
    // The POST answers once every message is queued; let a slow machine take its time.
    env.put("HTTP_IDLE_SECONDS", "600");
    env.remove("TELEGRAM_BOT_TOKEN");
    Beatline app = Beatline.start(Config.from(env)).await();
    System.out.printf(
        "broadcast bench: %,d subscribers in %d languages, TWILIO_MPS=%d, stand-in answers after %d"
            + " ms, %s redis, %d cores, java %s%n",
        subscribers,
        LANGUAGES.size(),
        mps,
        delayMs,
        System.getenv("REDIS_URL") == null ? "embedded" : "external",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"));
    try {
      long seeding = System.nanoTime();
      subscribe(app, subscribers);
      System.out.printf(
          "subscribers: %,d created and subscribed in %.1f s (not part of the measure)%n",
          subscribers, (System.nanoTime() - seeding) / 1e9);

      HttpClient http = HttpClient.newHttpClient();
      String base = "http://127.0.0.1:" + app.port();
      if (warmup > 0) {
        warmUp(app, http, base, standIn, warmup);
      }
      standIn.reset();
      long jitBefore = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
      long gcBefore = gcMillis();
      long cpuBefore = cpuNanos();
      double redisBefore = redisCpuSeconds(app);
      jdk.jfr.Recording recording = null;
      if (o.containsKey("profile")) {
        recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
        recording.setDestination(Path.of(o.get("profile")));
        recording.start();
      }
      long start = System.nanoTime();
      standIn.announcedAt = start;
      HttpResponse<String> created = post(http, base + "/api/v1/meetings", meeting());
      long answered = System.nanoTime();
      if (recording != null) {
        recording.stop();
        recording.close();
      }
      if (created.statusCode() != 201) {
        throw new IllegalStateException("POST /api/v1/meetings: " + created.body());
      }
      String broadcast = new JsonObject(created.body()).getString("broadcast");
      JsonObject progress = get(http, base + "/api/v1/broadcasts/" + broadcast);
      double queueSeconds = (answered - start) / 1e9;
      System.out.printf(
          "render+queue: %.2f s from POST /api/v1/meetings to its 201 (target <= 5 s): %s;"
              + " %,d sent to the stand-in by then; CPU meanwhile %.1f s (Java, of which JIT"
              + " compilation %.1f s and collector pauses %.1f s of wall time), %.1f s (Redis)%n",
          queueSeconds,
          progress.encode(),
          standIn.arrived(),
          (cpuNanos() - cpuBefore) / 1e9,
          (ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - jitBefore) / 1e3,
          (gcMillis() - gcBefore) / 1e3,
          redisCpuSeconds(app) - redisBefore);

      long limit = 60 + 2L * subscribers / mps;
      boolean complete = standIn.done.await(limit, TimeUnit.SECONDS);
      // Anything sent twice would arrive just after the last first copy: wait a moment for it.
      Thread.sleep(2000);
      System.out.println(standIn.report(mps, complete));
      System.out.println("broadcast at the end: " + get(http, base + "/api/v1/broadcasts/" + broadcast));
    } finally {
      app.close();
      standIn.vertx.close().await();
      deleteAll(conversations);
    }
    System.exit(0);
  }

  /**
   * Creates the subscribers as the conversation would (a contact with a language, then consent to
   * the neighbourhood's announcements), a few thousand at a time.
   */
  static void subscribe(Beatline app, int n) {
    Contacts contacts = new Contacts(app.redis());
    ConsentLedger ledger = new ConsentLedger(app.redis(), contacts, HASH_KEY);
    Instant now = Instant.now();
    int batch = 2000;
    for (int from = 0; from < n; from += batch) {
      List<Future<Void>> each = new ArrayList<>();
      for (int i = from; i < Math.min(n, from + batch); i++) {
        String language = LANGUAGES.get(i % LANGUAGES.size());
        each.add(
            contacts
                .touch("twilio", address(i), now)
                .compose(
                    c ->
                        contacts
                            .setLanguage(c, language)
                            .compose(v -> ledger.topic(c, TOPIC, true, now))));
      }
      Future.all(each).await();
    }
  }

  /**
   * A first broadcast to another neighbourhood's subscribers, sent out in full before the measured
   * one, so that the measure is of a service that has run for a while rather than of the compiler.
   */
  static void warmUp(Beatline app, HttpClient http, String base, StandIn standIn, int n)
      throws Exception {
    Contacts contacts = new Contacts(app.redis());
    ConsentLedger ledger = new ConsentLedger(app.redis(), contacts, HASH_KEY);
    Instant now = Instant.now();
    for (int from = 0; from < n; from += 2000) {
      List<Future<Void>> each = new ArrayList<>();
      for (int i = from; i < Math.min(n, from + 2000); i++) {
        String language = LANGUAGES.get(i % LANGUAGES.size());
        each.add(
            contacts
                .touch("twilio", "+1666" + String.format("%07d", i), now)
                .compose(
                    c ->
                        contacts
                            .setLanguage(c, language)
                            .compose(
                                v ->
                                    ledger.topic(
                                        c, "meetings.announcements|westside", true, now))));
      }
      Future.all(each).await();
    }
    long start = System.nanoTime();
    HttpResponse<String> created =
        post(http, base + "/api/v1/meetings", meeting().replace("eastside", "westside"));
    double seconds = (System.nanoTime() - start) / 1e9;
    String broadcast = new JsonObject(created.body()).getString("broadcast");
    while (get(http, base + "/api/v1/broadcasts/" + broadcast).getLong("sent") < n) {
      Thread.sleep(200);
    }
    System.out.printf(
        "warm-up: a broadcast to %,d other subscribers, queued in %.2f s and sent%n", n, seconds);
  }

  static long gcMillis() {
    long total = 0;
    for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      total += Math.max(0, gc.getCollectionTime());
    }
    return total;
  }

  static String address(int i) {
    return "+1555" + String.format("%07d", i);
  }

  static String meeting() {
    JsonObject title = new JsonObject();
    TITLES.forEach(title::put);
    return new JsonObject()
        .put("kind", "meeting")
        .put("neighbourhood", "eastside")
        .put("startsAt", Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES).toString())
        .put("durationMinutes", 90)
        .put("place", "Eastside Library, 12 Oak Street")
        .put("title", title)
        .encode();
  }

  static HttpResponse<String> post(HttpClient http, String url, String json) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofMinutes(5))
            .header("Authorization", "Bearer " + ADMIN)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static JsonObject get(HttpClient http, String url) throws Exception {
    return new JsonObject(
        http.send(
                HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + ADMIN)
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body());
  }

  /** The repository's content with quiet hours switched off, so the run does not depend on the hour. */
  static Path withoutQuietHours(Path real) throws Exception {
    Path dir = Files.createTempDirectory("beatline-bench-conversations");
    try (Stream<Path> all = Files.walk(real)) {
      for (Path p : all.toList()) {
        Path to = dir.resolve(real.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to);
        }
      }
    }
    Path profile = dir.resolve("department.yaml");
    Files.writeString(
        profile,
        Files.readString(profile)
            .replace("start: \"21:00\"", "start: \"00:00\"")
            .replace("end: \"08:00\"", "end: \"00:00\""));
    return dir;
  }

  static void deleteAll(Path dir) throws Exception {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  static long cpuNanos() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun
        ? sun.getProcessCpuTime()
        : 0;
  }

  /** The CPU time Redis has used, user and system. */
  static double redisCpuSeconds(Beatline app) {
    double total = 0;
    String info = app.redis().call(c -> c.info("cpu")).await();
    for (String line : info.split("\r?\n")) {
      if (line.startsWith("used_cpu_sys:") || line.startsWith("used_cpu_user:")) {
        total += Double.parseDouble(line.substring(line.indexOf(':') + 1).trim());
      }
    }
    return total;
  }

  static Map<String, String> options(String[] args) {
    Map<String, String> o = new HashMap<>();
    if (args.length % 2 != 0) {
      throw new IllegalArgumentException("option without a value: " + Arrays.toString(args));
    }
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument " + args[i]);
      }
      o.put(args[i].substring(2), args[i + 1]);
    }
    return o;
  }

  /**
   * A loopback stand-in for Twilio's Messages API: answers every create with 201 and a message
   * carrying a {@code sid}, and notes for each subscriber how often it arrived, whether it was in
   * their language, and when.
   */
  static final class StandIn {
    final Vertx vertx = Vertx.vertx();
    final int expected;
    final long delayMs;
    final AtomicIntegerArray copies;
    final long[] arrivals;
    int port;
    volatile long announcedAt;
    // Guarded by this stand-in's lock.
    int count;
    int distinct;
    int wrongLanguage;
    int strangers;
    long sids;
    final CountDownLatch done = new CountDownLatch(1);

    private StandIn(int expected, long delayMs) {
      this.expected = expected;
      this.delayMs = delayMs;
      this.copies = new AtomicIntegerArray(expected);
      this.arrivals = new long[expected];
    }

    static StandIn start(int expected, long delayMs) {
      StandIn s = new StandIn(expected, delayMs);
      HttpServer server =
          s.vertx
              .createHttpServer(new HttpServerOptions().setHost("127.0.0.1"))
              .requestHandler(s::handle)
              .listen(0)
              .await();
      s.port = server.actualPort();
      return s;
    }

    /** Forgets what arrived before the measured broadcast (the warm-up's messages). */
    synchronized void reset() {
      count = 0;
      strangers = 0;
    }

    synchronized int arrived() {
      return count;
    }

    private void handle(HttpServerRequest req) {
      if (!req.path().endsWith("/Messages.json") || req.method().name().equals("GET")) {
        req.response().setStatusCode(404).end();
        return;
      }
      req.body()
          .onSuccess(
              buffer -> {
                Map<String, String> form = form(buffer.toString());
                String to = form.get("To");
                note(to, form.get("Body"));
                String json =
                    "{\"account_sid\":\"%s\",\"api_version\":\"2010-04-01\",\"body\":\"\","
                            .formatted(SID)
                        + "\"date_created\":\"Thu, 30 Jul 2015 20:12:31 +0000\","
                        + "\"direction\":\"outbound-api\",\"from\":\"+15550100000\","
                        + "\"num_segments\":\"1\",\"sid\":\"SM%032x\",\"status\":\"queued\",\"to\":%s}"
                            .formatted(nextSid(), Json.encode(to));
                Runnable answer =
                    () ->
                        req.response()
                            .setStatusCode(201)
                            .putHeader("Content-Type", "application/json")
                            .end(json);
                if (delayMs > 0) {
                  vertx.setTimer(delayMs, t -> answer.run());
                } else {
                  answer.run();
                }
              });
    }

    static Map<String, String> form(String body) {
      Map<String, String> out = new HashMap<>();
      for (String pair : body.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          out.put(
              URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
              URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
      return out;
    }

    private synchronized void note(String to, String body) {
      int i;
      try {
        i = to != null && to.startsWith("+1555") ? Integer.parseInt(to.substring(5)) : -1;
      } catch (NumberFormatException e) {
        i = -1;
      }
      if (i < 0 || i >= expected) {
        strangers++;
        return;
      }
      String language = LANGUAGES.get(i % LANGUAGES.size());
      String title = TITLES.getOrDefault(language, TITLES.get("en"));
      if (body == null || !body.contains(title)) {
        wrongLanguage++;
      }
      if (count < arrivals.length) {
        arrivals[count] = System.nanoTime();
      }
      count++;
      if (copies.incrementAndGet(i) == 1 && ++distinct == expected) {
        done.countDown();
      }
    }

    synchronized long nextSid() {
      return ++sids;
    }

    /** Rate over every arrival and over the middle 90% of them, and what arrived how often. */
    synchronized String report(int mps, boolean complete) {
      int n = Math.min(count, arrivals.length);
      int twice = 0;
      int missing = 0;
      for (int i = 0; i < expected; i++) {
        int c = copies.get(i);
        if (c == 0) {
          missing++;
        } else if (c > 1) {
          twice += c - 1;
        }
      }
      double all = n > 1 ? (n - 1) / ((arrivals[n - 1] - arrivals[0]) / 1e9) : 0;
      int lo = n / 20;
      int hi = n - 1 - n / 20;
      double middle = hi > lo ? (hi - lo) / ((arrivals[hi] - arrivals[lo]) / 1e9) : 0;
      // The busiest and the quietest whole second between the first and the last arrival.
      List<Integer> seconds = new ArrayList<>();
      if (n > 0) {
        long first = arrivals[0];
        int[] perSecond = new int[(int) ((arrivals[n - 1] - first) / 1_000_000_000L) + 1];
        for (int k = 0; k < n; k++) {
          perSecond[(int) ((arrivals[k] - first) / 1_000_000_000L)]++;
        }
        for (int s = 0; s < perSecond.length - 1; s++) {
          seconds.add(perSecond[s]);
        }
      }
      return String.format(
          "sending: %,d of %,d subscribers reached%s, %d sent twice, %d missing, %d not in their"
              + " language, %d to addresses never subscribed%n"
              + "         rate %,.1f msg/s first to last arrival (%+.2f%% of TWILIO_MPS=%d), %,.1f"
              + " msg/s over the middle 90%% (%+.2f%%); whole seconds %s to %s msg/s;"
              + " first arrival %.2f s and last %.1f s after the POST",
          distinct,
          expected,
          complete ? "" : " (TIMED OUT)",
          twice,
          missing,
          wrongLanguage,
          strangers,
          all,
          (all / mps - 1) * 100,
          mps,
          middle,
          (middle / mps - 1) * 100,
          seconds.stream().min(Integer::compare).orElse(0),
          seconds.stream().max(Integer::compare).orElse(0),
          n > 0 ? (arrivals[0] - announcedAt) / 1e9 : 0,
          n > 0 ? (arrivals[n - 1] - announcedAt) / 1e9 : 0);
    }
  }

  private BroadcastBench() {}
}
