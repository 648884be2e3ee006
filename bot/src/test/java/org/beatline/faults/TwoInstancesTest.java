package org.beatline.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.beatline.message.Outbound;
import org.beatline.outbox.Outbox;
import org.beatline.outbox.OutboxSettings;
import org.beatline.redis.EmbeddedRedis;
import org.beatline.schedule.Job;
import org.beatline.support.Providers;
import org.beatline.support.Running;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two Beatline instances against one Redis, as behind a load balancer: a due job runs once and its
 * message is sent once, a backlog drained by both reaches Twilio once per message and in order per
 * recipient, and one resident's two messages arriving at both instances at once are handled one
 * after the other.
 */
class TwoInstancesTest {
  private static final Pattern SENT =
      Pattern.compile(
          "beatline_outbound_messages_total\\{channel=\"twilio\",result=\"sent\",?} ([0-9.E]+)");
  private static EmbeddedRedis server;
  private static WireMockServer twilio;
  private static Running one;
  private static Running two;
  private static Vertx clients;

  @BeforeAll
  static void start() {
    server = EmbeddedRedis.start();
    twilio = Providers.start();
    twilio.stubFor(
        Providers.twilioCreate().willReturn(Providers.twilioCreated().withFixedDelay(20)));
    Map<String, String> env = Map.of("REDIS_URL", server.url());
    one = Running.start(twilio, env, TwoInstancesTest::outbox);
    two = Running.start(twilio, env, TwoInstancesTest::outbox);
    clients = Vertx.vertx();
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable c : new AutoCloseable[] {one, two}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception e) {
        System.out.println("closing an instance: " + e);
      }
    }
    clients.close().await();
    twilio.stop();
    server.close();
  }

  /**
   * Fast retries, but an unacknowledged entry is taken over only after a minute, as in production
   * (two minutes there): nothing here crashes, so a takeover could only send a message twice.
   */
  private static OutboxSettings outbox(double mps) {
    OutboxSettings fast = Running.fastOutbox(mps);
    return new OutboxSettings(
        fast.messagesPerSecond(),
        fast.firstRetry(),
        fast.maxRetry(),
        fast.maxAttempts(),
        Duration.ofMinutes(1),
        Duration.ofSeconds(20),
        fast.maxInFlight());
  }

  @Test
  void aThousandDueJobsRunOnceEachAndSendOneMessageEach() {
    int jobs = 1000;
    String type = "test.ping." + UUID.randomUUID().toString().substring(0, 8);
    Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
    AtomicInteger byOne = new AtomicInteger();
    AtomicInteger byTwo = new AtomicInteger();
    for (Running r : List.of(one, two)) {
      Outbox outbox = new Outbox(r.app.redis(), Map.of());
      AtomicInteger mine = r == one ? byOne : byTwo;
      r.app
          .scheduler()
          .on(
              type,
              job -> {
                runs.computeIfAbsent(job.id(), k -> new AtomicInteger()).incrementAndGet();
                mine.incrementAndGet();
                // A job takes a while, so that the other instance polls while it runs.
                long takes = ThreadLocalRandom.current().nextLong(1, 500);
                return timer(r, takes)
                    .compose(
                        v ->
                            outbox.enqueue(
                                List.of(
                                    new Outbound(
                                        "job-" + job.id(),
                                        "twilio",
                                        job.data().get("to"),
                                        "job " + job.id(),
                                        List.of(),
                                        Outbound.Lane.REPLY,
                                        "test",
                                        "en"))));
              });
    }
    Instant now = Instant.now();
    List<Future<Void>> scheduled = new ArrayList<>();
    for (int i = 0; i < jobs; i++) {
      // A third overdue, the rest due over the next three seconds; scheduled through both.
      Instant due = i % 3 == 0 ? now.minusSeconds(5) : now.plusMillis(i * 3L);
      String to = "+1555" + String.format("%07d", 4_000_000 + i);
      Job job = new Job(type + "-" + i, type, due, Map.of("to", to), 0);
      scheduled.add((i % 2 == 0 ? one : two).app.scheduler().schedule(job));
    }
    Future.all(scheduled).await();
    long started = System.nanoTime();
    // Besides each instance's own poll (every second), each claims every 10 ms, so that claims of
    // the two instances overlap often.
    long pollOne = one.app.vertx().setPeriodic(10, t -> one.app.scheduler().runDue());
    long pollTwo = two.app.vertx().setPeriodic(10, t -> two.app.scheduler().runDue());

    long tookMs;
    try {
      await()
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofMillis(200))
          .untilAsserted(
              () -> {
                assertThat(runs).as("jobs run").hasSize(jobs);
                assertThat(distinct(sentWith("job "))).as("texts at Twilio").hasSize(jobs);
              });
      tookMs = (System.nanoTime() - started) / 1_000_000;
      // Whatever would run or be sent a second time has had many more polls to show up.
      await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
    } finally {
      one.app.vertx().cancelTimer(pollOne);
      two.app.vertx().cancelTimer(pollTwo);
    }

    List<String> sent = sentWith("job ");
    System.out.printf(
        "two instances, %d due jobs: run %d by one and %d by two, %d texts at Twilio, %d ms%n",
        jobs, byOne.get(), byTwo.get(), sent.size(), tookMs);
    assertThat(runs).hasSize(jobs);
    assertThat(runs.entrySet())
        .as("jobs run more than once")
        .filteredOn(e -> e.getValue().get() != 1)
        .isEmpty();
    assertThat(sent).as("texts sent more than once").doesNotHaveDuplicates().hasSize(jobs);
    assertThat(byOne.get()).as("jobs run by the first instance").isPositive();
    assertThat(byTwo.get()).as("jobs run by the second instance").isPositive();
  }

  @Test
  void aBacklogDrainedByBothInstancesReachesTwilioOnceEachInOrder() {
    int recipients = 100;
    int each = 10;
    double oneBefore = sentBy(one);
    double twoBefore = sentBy(two);
    List<Outbound> backlog = new ArrayList<>();
    // Each recipient's texts one after the other, so that both instances read some of them.
    for (int r = 0; r < recipients; r++) {
      for (int k = 0; k < each; k++) {
        String to = "+1555" + String.format("%07d", 5_000_000 + r);
        backlog.add(
            new Outbound(
                "backlog-" + r + "-" + k,
                "twilio",
                to,
                "backlog " + r + " " + k,
                List.of(),
                Outbound.Lane.REPLY,
                "test",
                "en"));
      }
    }
    long started = System.nanoTime();
    new Outbox(one.app.redis(), Map.of()).enqueue(backlog).await();

    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(
            () ->
                assertThat(distinct(sentWith("backlog ")))
                    .as("texts at Twilio")
                    .hasSize(recipients * each));
    long tookMs = (System.nanoTime() - started) / 1_000_000;
    await().pollDelay(Duration.ofSeconds(2)).until(() -> true);

    List<String> sent = sentWith("backlog ");
    double byOne = sentBy(one) - oneBefore;
    double byTwo = sentBy(two) - twoBefore;
    System.out.printf(
        "two instances, a backlog of %d: %.0f sent by one and %.0f by two, %d texts at Twilio,"
            + " %d ms%n",
        recipients * each, byOne, byTwo, sent.size(), tookMs);
    assertThat(sent).as("texts sent more than once").doesNotHaveDuplicates();
    Map<String, List<Integer>> order = new LinkedHashMap<>();
    for (String t : sent) {
      String[] f = t.split(" ");
      order.computeIfAbsent(f[1], r -> new ArrayList<>()).add(Integer.parseInt(f[2]));
    }
    assertThat(order.entrySet())
        .as("recipients whose texts arrived out of order")
        .filteredOn(e -> !e.getValue().equals(IntStream.range(0, each).boxed().toList()))
        .isEmpty();
    assertThat(byOne).as("sent by the first instance").isPositive();
    assertThat(byTwo).as("sent by the second instance").isPositive();
  }

  @Test
  void oneResidentsTwoMessagesAtTwoInstancesAreHandledOneAfterTheOther() {
    int residents = 50;
    String what = "Cars race down Oak Street every night";
    String where = "55101";
    WebClient toOne = client(one);
    WebClient toTwo = client(two);

    // What one-after-the-other gives, in each order, from residents who send them one by one.
    String first = phone(6_000_000);
    String second = phone(6_000_001);
    List<String> controls = List.of(first, second);
    Future.all(controls.stream().map(p -> startConcern(toOne, p)).toList()).await();
    int afterStart = texts(first).size();
    sms(toOne, first, what).await();
    sms(toTwo, first, where).await();
    sms(toTwo, second, where).await();
    sms(toOne, second, what).await();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> texts(first).size() > afterStart + 1 && texts(second).size() > afterStart + 1);
    await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
    Outcome whatFirst = outcome(first, afterStart);
    Outcome whereFirst = outcome(second, afterStart);
    assertThat(whatFirst).as("the two orders end differently").isNotEqualTo(whereFirst);

    // Each resident sends both at once: most to the two instances, some both to one instance.
    List<String> phones = new ArrayList<>();
    for (int i = 0; i < residents; i++) {
      phones.add(phone(6_000_100 + i));
    }
    Future.all(
            phones.stream()
                .map(p -> startConcern(p.hashCode() % 2 == 0 ? toOne : toTwo, p))
                .toList())
        .await();
    List<Future<Integer>> sent = new ArrayList<>();
    for (int i = 0; i < residents; i++) {
      String p = phones.get(i);
      boolean oneInstance = i % 5 == 0;
      WebClient a = i % 2 == 0 ? toOne : toTwo;
      WebClient b = oneInstance ? a : (a == toOne ? toTwo : toOne);
      sent.add(sms(a, p, what));
      sent.add(sms(b, p, where));
    }
    Future.all(sent).await();
    assertThat(sent).allSatisfy(f -> assertThat(f.result()).isEqualTo(200));

    Map<String, Outcome> outcomes = new LinkedHashMap<>();
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () ->
                phones.stream()
                    .allMatch(
                        p ->
                            texts(p).size() - afterStart
                                >= Math.min(whatFirst.replies.size(), whereFirst.replies.size())));
    await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
    for (String p : phones) {
      outcomes.put(p, outcome(p, afterStart));
    }
    long inWhatOrder = outcomes.values().stream().filter(whatFirst::equals).count();
    long inWhereOrder = outcomes.values().stream().filter(whereFirst::equals).count();
    System.out.printf(
        "%d residents, two messages each at once: %d handled as what-then-where, %d as"
            + " where-then-what%n",
        residents, inWhatOrder, inWhereOrder);
    assertThat(outcomes.entrySet())
        .as("residents whose two messages were not handled one after the other")
        .filteredOn(e -> !e.getValue().equals(whatFirst) && !e.getValue().equals(whereFirst))
        .isEmpty();
  }

  /** What a resident's conversation came to: the session and the texts sent after the start. */
  private record Outcome(Object stack, Object vars, List<String> replies) {}

  private Outcome outcome(String phone, int skip) {
    String json = one.app.redis().call(c -> c.get("session:twilio:" + phone)).await();
    JsonObject session = json == null ? new JsonObject() : new JsonObject(json);
    List<String> all = texts(phone);
    return new Outcome(
        session.getValue("stack"), session.getValue("vars"), all.subList(skip, all.size()));
  }

  /** The resident picks a concern from the menu; done when the bot asks what happened. */
  private Future<Void> startConcern(WebClient to, String phone) {
    return sms(to, phone, "hi")
        .compose(
            status -> {
              assertThat(status).isEqualTo(200);
              return sms(to, phone, "3");
            })
        .compose(
            status -> {
              assertThat(status).isEqualTo(200);
              return one.app.redis().call(c -> c.get("session:twilio:" + phone));
            })
        .map(
            json -> {
              assertThat(json)
                  .as("a session waiting for what happened")
                  .contains("\"step\":\"what\"");
              return null;
            });
  }

  private static WebClient client(Running r) {
    return WebClient.create(
        clients,
        new WebClientOptions().setDefaultPort(r.app.port()),
        new PoolOptions().setHttp1MaxSize(64));
  }

  /** A signed Twilio webhook; its status. */
  private static Future<Integer> sms(WebClient to, String phone, String text) {
    String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
    Map<String, String> form = Providers.sms(sid, phone, text);
    MultiMap body = MultiMap.caseInsensitiveMultiMap();
    form.forEach(body::add);
    return to.post("/webhooks/twilio")
        .putHeader(
            "X-Twilio-Signature",
            Providers.twilioSignature("https://beatline.example.org/webhooks/twilio", form))
        .sendForm(body)
        .map(r -> r.statusCode());
  }

  private static Future<Void> timer(Running r, long ms) {
    return r.app.vertx().timer(ms, TimeUnit.MILLISECONDS);
  }

  private static String phone(int n) {
    return "+1555" + String.format("%07d", n);
  }

  /** The texts Twilio was asked to send to {@code phone}, in the order they arrived. */
  private static List<String> texts(String phone) {
    return requests().stream().filter(r -> phone.equals(r[0])).map(r -> r[1]).toList();
  }

  /** The texts Twilio was asked to send that start with {@code prefix}, in arrival order. */
  private static List<String> sentWith(String prefix) {
    return requests().stream().map(r -> r[1]).filter(t -> t.startsWith(prefix)).toList();
  }

  private static List<String[]> requests() {
    return twilio.findAll(postRequestedFor(urlPathEqualTo(Providers.MESSAGES))).stream()
        .map(
            r ->
                new String[] {field(r.getBodyAsString(), "To"), field(r.getBodyAsString(), "Body")})
        .toList();
  }

  private static List<String> distinct(List<String> texts) {
    return texts.stream().distinct().toList();
  }

  /** What the instance's metrics say it has sent through Twilio so far. */
  private static double sentBy(Running r) {
    String metrics = r.http.get("/metrics").send().await().bodyAsString();
    Matcher m = SENT.matcher(metrics);
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }

  private static String field(String form, String name) {
    for (String pair : form.split("&")) {
      String[] kv = pair.split("=", 2);
      if (kv[0].equals(name)) {
        return kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
      }
    }
    return null;
  }
}
