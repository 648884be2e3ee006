import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.Json;
import java.lang.management.ManagementFactory;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.beatline.Beatline;
import org.beatline.config.Config;
import org.beatline.message.Outbound;
import org.beatline.outbox.Outbox;

/**
 * The outbox benchmark: starts Beatline with Twilio live against a loopback stand-in of the
 * Messages API that answers after a set delay, fills the outbox with replies to distinct recipients
 * (some with several messages), and measures at the stand-in how fast they arrive, how long each
 * waited from enqueue to delivery, and whether any recipient's messages arrived out of order.
 *
 * <p>Run by {@code bench/outbox}; options: {@code --delay-ms --mps --messages --warmup --runs}.
 */
public final class OutboxBench {
  static final String SID = "AC" + "0123456789abcdef0123456789abcdef";
  static final String FROM = "+15550100000";

  public static void main(String[] args) throws Exception {
    Map<String, String> o = options(args);
    long delayMs = Long.parseLong(o.getOrDefault("delay-ms", "200"));
    String mps = o.getOrDefault("mps", "100");
    int messages = Integer.parseInt(o.getOrDefault("messages", "1500"));
    int warmup = Integer.parseInt(o.getOrDefault("warmup", "0"));
    int runs = Integer.parseInt(o.getOrDefault("runs", "1"));

    StandIn standIn = StandIn.start(delayMs);
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("PORT", "0");
    env.put("TWILIO_ACCOUNT_SID", SID);
    env.put("TWILIO_AUTH_TOKEN", "bench-auth-token-0123456789");
    env.put("TWILIO_FROM", FROM);
    env.put("TWILIO_API_BASE", "http://127.0.0.1:" + standIn.port);
    env.put("TWILIO_MPS", mps);
    env.put("ADMIN_TOKEN", "bench-admin-token-0123456789");
    env.remove("TELEGRAM_BOT_TOKEN");
    Beatline app = Beatline.start(Config.from(env)).await();
    Outbox outbox = new Outbox(app.redis(), Map.of());
    System.out.printf(
        "outbox bench: stand-in answers after %d ms, TWILIO_MPS=%s, %d messages, %s redis, %d"
            + " cores, java %s%n",
        delayMs,
        mps,
        messages,
        System.getenv("REDIS_URL") == null ? "embedded" : "external",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"));
    try {
      if (warmup > 0) {
        Result r = run(outbox, app, standIn, "w", warmup);
        System.out.println("warm-up:  " + r);
      }
      for (int i = 1; i <= runs; i++) {
        Result r = run(outbox, app, standIn, "r" + i, messages);
        System.out.println("run " + i + ":    " + r);
        if (!r.commands.isEmpty()) {
          System.out.println("          redis commands per message: " + r.commands);
        }
        System.out.println("          Java CPU ms per message, by thread: " + r.threads);
      }
    } finally {
      app.close();
      standIn.vertx.close().await();
    }
    System.exit(0);
  }

  /** Enqueues one backlog and waits until the stand-in has seen every message of it. */
  static Result run(Outbox outbox, Beatline app, StandIn standIn, String tag, int count)
      throws Exception {
    List<Outbound> backlog = backlog(tag, count);
    standIn.expect(tag, count);
    Map<String, Long> before = commandStats(app);
    double redisBefore = redisCpuSeconds(app);
    long cpuBefore = cpuNanos();
    Map<String, Long> threadsBefore = threadCpu(standIn);
    long start = System.nanoTime();
    for (int i = 0; i < backlog.size(); i += 500) {
      List<Outbound> chunk = backlog.subList(i, Math.min(backlog.size(), i + 500));
      long now = System.nanoTime();
      List<Outbound> stamped =
          chunk.stream()
              .map(m -> withText(m, m.text().replace("@", Long.toString(now))))
              .toList();
      outbox.enqueue(stamped).await();
    }
    long enqueued = System.nanoTime() - start;
    Duration limit = Duration.ofSeconds(60 + count / 50);
    boolean complete = standIn.done.await(limit.toSeconds(), TimeUnit.SECONDS);
    long cpu = cpuNanos() - cpuBefore;
    Map<String, String> threads = perMessageMillis(threadsBefore, threadCpu(standIn), count);
    double redisCpu = redisCpuSeconds(app) - redisBefore;
    Map<String, Long> after = commandStats(app);
    return standIn.result(
        count,
        complete,
        enqueued,
        cpu,
        redisCpu * 1e3 / count,
        perMessage(before, after, count),
        threads);
  }

  /**
   * Replies to distinct recipients: every tenth recipient gets five messages, every other fifth
   * two, the rest one. Each text carries the recipient, its place in the recipient's order, and a
   * placeholder for the enqueue time.
   */
  static List<Outbound> backlog(String tag, int count) {
    String run = UUID.randomUUID().toString().substring(0, 4);
    List<Outbound> out = new ArrayList<>(count);
    for (int r = 0; out.size() < count; r++) {
      int n = r % 10 == 0 ? 5 : r % 5 == 0 ? 2 : 1;
      String to = "+1555" + String.format("%07d", r);
      for (int k = 0; k < n && out.size() < count; k++) {
        String text = "bench " + tag + " " + r + " " + k + " @ " + run;
        out.add(
            new Outbound(
                tag + "-" + run + "-" + r + "-" + k,
                "twilio",
                to,
                text,
                List.of(),
                Outbound.Lane.REPLY,
                "bench",
                "en"));
      }
    }
    return out;
  }

  static Outbound withText(Outbound m, String text) {
    return new Outbound(
        m.id(), m.channel(), m.address(), text, m.options(), m.lane(), m.key(), m.language());
  }

  static long cpuNanos() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun
        ? sun.getProcessCpuTime()
        : 0;
  }

  /**
   * CPU time of this process's threads by what they are (numbers in names dropped): where the
   * Java side of a message's cost goes. The stand-in's own event loop is named as such.
   */
  static Map<String, Long> threadCpu(StandIn standIn) {
    var mx = ManagementFactory.getThreadMXBean();
    Map<String, Long> out = new TreeMap<>();
    // Wall time, not CPU time, of the collector and the compiler threads, which are not listed.
    long gc = 0;
    for (var collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      gc += Math.max(0, collector.getCollectionTime());
    }
    out.put("(garbage collection pauses)", gc * 1_000_000);
    out.put("(JIT compilation)", ManagementFactory.getCompilationMXBean().getTotalCompilationTime() * 1_000_000);
    for (var info : mx.getThreadInfo(mx.getAllThreadIds())) {
      if (info == null) {
        continue;
      }
      long nanos = mx.getThreadCpuTime(info.getThreadId());
      String group =
          standIn.threads.contains(info.getThreadId())
              ? "stand-in"
              : info.getThreadName().replaceAll("[0-9]+", "N");
      if (nanos > 0) {
        out.merge(group, nanos, Long::sum);
      }
    }
    return out;
  }

  static Map<String, String> perMessageMillis(
      Map<String, Long> before, Map<String, Long> after, int n) {
    Map<String, String> out = new LinkedHashMap<>();
    after.entrySet().stream()
        .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
        .filter(e -> e.getValue() * 1.0 / n >= 5_000) // 0.005 ms per message or more
        .sorted(Map.Entry.comparingByValue(java.util.Comparator.reverseOrder()))
        .forEach(e -> out.put(e.getKey(), String.format("%.3f", e.getValue() / 1e6 / n)));
    return out;
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

  /** Redis's own count of each command it ran (script calls included), by command. */
  static Map<String, Long> commandStats(Beatline app) {
    Map<String, Long> out = new TreeMap<>();
    String info = app.redis().call(c -> c.info("commandstats")).await();
    for (String line : info.split("\r?\n")) {
      if (line.startsWith("cmdstat_")) {
        String name = line.substring(8, line.indexOf(':'));
        String calls = line.replaceAll("^[^:]*:calls=([0-9]+),.*", "$1");
        String usec = line.replaceAll("^[^:]*:calls=[0-9]+,usec=([0-9]+),.*", "$1");
        out.put(name, Long.parseLong(calls));
        out.put(name + " µs", Long.parseLong(usec));
      }
    }
    return out;
  }

  /** Calls per message of each command, and the microseconds Redis spent on them per message. */
  static Map<String, String> perMessage(Map<String, Long> before, Map<String, Long> after, int n) {
    Map<String, String> out = new LinkedHashMap<>();
    after.forEach(
        (cmd, calls) -> {
          long d = calls - before.getOrDefault(cmd, 0L);
          if (d > 0 && !cmd.startsWith("info") && !cmd.endsWith(" µs")) {
            long usec = after.get(cmd + " µs") - before.getOrDefault(cmd + " µs", 0L);
            out.put(cmd, String.format("%.2f (%.1f µs)", (double) d / n, (double) usec / n));
          }
        });
    return out;
  }

  static Map<String, String> options(String[] args) {
    Map<String, String> o = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument " + args[i]);
      }
      o.put(args[i].substring(2), args[i + 1]);
    }
    if (args.length % 2 != 0) {
      throw new IllegalArgumentException("option without a value: " + Arrays.toString(args));
    }
    return o;
  }

  /** What one run measured at the stand-in. */
  record Result(
      int expected,
      int delivered,
      int distinct,
      int orderViolations,
      boolean complete,
      double perSecond,
      double p50Ms,
      double p99Ms,
      double maxMs,
      double enqueueMs,
      double cpuMsPerMessage,
      double redisCpuMsPerMessage,
      Map<String, String> commands,
      Map<String, String> threads) {

    @Override
    public String toString() {
      return String.format(
          "%,.0f msg/s delivered; latency enqueue->delivery p50 %,.0f ms, p99 %,.0f ms, max %,.0f"
              + " ms; %d/%d delivered (%d duplicates), %d out of order%s; enqueue %,.0f ms;"
              + " CPU per message %.3f ms (Java), %.3f ms (Redis)",
          perSecond,
          p50Ms,
          p99Ms,
          maxMs,
          distinct,
          expected,
          delivered - distinct,
          orderViolations,
          complete ? "" : " (TIMED OUT)",
          enqueueMs,
          cpuMsPerMessage,
          redisCpuMsPerMessage);
    }
  }

  /**
   * A loopback stand-in for Twilio's Messages API: answers every create with 201 and a JSON message
   * carrying a {@code sid}, after the configured delay, and notes what arrived and when.
   */
  static final class StandIn {
    final Vertx vertx;
    final long delayMs;
    int port;
    // What the current run has seen, guarded by this stand-in's lock.
    String tag;
    int expected;
    int delivered;
    int violations;
    long first;
    long last;
    long sids;
    final Map<String, Integer> lastSeen = new HashMap<>();
    final java.util.Set<Long> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
    final Map<String, Boolean> seen = new HashMap<>();
    long[] latencies = new long[0];
    int latencyCount;
    volatile CountDownLatch done = new CountDownLatch(0);

    private StandIn(Vertx vertx, long delayMs) {
      this.vertx = vertx;
      this.delayMs = delayMs;
    }

    static StandIn start(long delayMs) {
      StandIn s = new StandIn(Vertx.vertx(), delayMs);
      HttpServer server =
          s.vertx
              .createHttpServer(new HttpServerOptions().setHost("127.0.0.1"))
              .requestHandler(s::handle)
              .listen(0)
              .await();
      s.port = server.actualPort();
      return s;
    }

    synchronized void expect(String tag, int count) {
      this.tag = tag;
      expected = count;
      delivered = 0;
      violations = 0;
      first = 0;
      last = 0;
      lastSeen.clear();
      seen.clear();
      latencies = new long[count];
      latencyCount = 0;
      done = new CountDownLatch(1);
    }

    private void handle(HttpServerRequest req) {
      threads.add(Thread.currentThread().getId());
      if (!req.path().endsWith("/Messages.json") || req.method().name().equals("GET")) {
        req.response().setStatusCode(404).end();
        return;
      }
      req.body()
          .onSuccess(
              buffer -> {
                Map<String, String> form = form(buffer.toString());
                String to = form.get("To");
                String body = form.get("Body");
                note(to, body);
                String json =
                    "{\"account_sid\":\"%s\",\"api_version\":\"2010-04-01\",\"body\":%s,"
                            .formatted(SID, Json.encode(body))
                        + "\"date_created\":\"Thu, 30 Jul 2015 20:12:31 +0000\","
                        + "\"direction\":\"outbound-api\",\"from\":%s,\"num_segments\":\"1\","
                            .formatted(Json.encode(form.get("From")))
                        + "\"sid\":\"SM%032x\",\"status\":\"queued\",\"to\":%s}"
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

    /** The fields of a form-encoded body; the Messages API takes nothing else. */
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

    /** Notes one delivery: its latency, and whether it came after the recipient's previous one. */
    private synchronized void note(String to, String body) {
      String[] f = body == null ? new String[0] : body.split(" ");
      if (f.length < 6 || !f[0].equals("bench") || !f[1].equals(tag)) {
        return;
      }
      long now = System.nanoTime();
      int k = Integer.parseInt(f[3]);
      Integer previous = lastSeen.put(to, k);
      if ((previous == null && k != 0) || (previous != null && k != previous + 1)) {
        violations++;
      }
      seen.put(to + " " + k, true);
      delivered++;
      if (first == 0) {
        first = now;
      }
      last = now;
      if (latencyCount < latencies.length) {
        latencies[latencyCount++] = now - Long.parseLong(f[4]);
      }
      if (seen.size() >= expected) {
        done.countDown();
      }
    }

    synchronized long nextSid() {
      return ++sids;
    }

    synchronized Result result(
        int count,
        boolean complete,
        long enqueueNanos,
        long cpuNanos,
        double redisCpuMs,
        Map<String, String> commands,
        Map<String, String> threads) {
      long[] sorted = Arrays.copyOf(latencies, latencyCount);
      Arrays.sort(sorted);
      double seconds = (last - first) / 1e9;
      tag = null;
      return new Result(
          count,
          delivered,
          seen.size(),
          violations,
          complete,
          seconds > 0 ? (delivered - 1) / seconds : 0,
          percentile(sorted, 0.50),
          percentile(sorted, 0.99),
          sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6,
          enqueueNanos / 1e6,
          cpuNanos / 1e6 / count,
          redisCpuMs,
          commands,
          threads);
    }

    static double percentile(long[] sorted, double p) {
      if (sorted.length == 0) {
        return 0;
      }
      int i = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
      return sorted[Math.max(0, i)] / 1e6;
    }
  }

  private OutboxBench() {}
}
