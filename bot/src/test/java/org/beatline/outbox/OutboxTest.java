package org.beatline.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beatline.support.Running.eventually;

import io.lettuce.core.Consumer;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import java.util.stream.IntStream;
import org.beatline.message.Outbound;
import org.beatline.message.SendFailure;
import org.beatline.message.Sender;
import org.beatline.redis.Redis;
import org.beatline.support.Running;
import org.beatline.support.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbox on its own, with a sender of our own port that records what it was given. */
class OutboxTest {
  Vertx vertx;
  Redis redis;
  String channel;
  List<String> delivered = new CopyOnWriteArrayList<>();
  List<String> optedOut = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    redis = Redis.connect(vertx, TestRedis.url());
    channel = "test" + UUID.randomUUID().toString().substring(0, 6);
  }

  @AfterEach
  void stop() {
    vertx.close().await();
    redis.close();
  }

  /** A sender that fails the given texts with the given failures, once each, in order. */
  Sender sender(Map<String, List<SendFailure>> failures) {
    Map<String, AtomicInteger> tries = new java.util.concurrent.ConcurrentHashMap<>();
    return new Sender() {
      @Override
      public String channel() {
        return channel;
      }

      @Override
      public Future<String> send(Outbound m) {
        int n = tries.computeIfAbsent(m.text(), k -> new AtomicInteger()).getAndIncrement();
        List<SendFailure> planned = failures.getOrDefault(m.text(), List.of());
        if (n < planned.size()) {
          return Future.failedFuture(planned.get(n));
        }
        delivered.add(m.text());
        return Future.succeededFuture("id-" + m.text());
      }
    };
  }

  DeliveryListener listener =
      new DeliveryListener() {
        @Override
        public Future<Boolean> mayDeliver(Outbound message) {
          return Future.succeededFuture(!message.text().startsWith("suppress"));
        }

        @Override
        public Future<Void> optedOut(Outbound message, SendFailure failure) {
          optedOut.add(message.address());
          return Future.succeededFuture();
        }
      };

  OutboxWorker worker(Sender sender, String consumer) {
    return worker(sender, consumer, Running.fastOutbox(1000));
  }

  OutboxWorker worker(Sender sender, String consumer, OutboxSettings settings) {
    OutboxWorker w =
        new OutboxWorker(redis, sender, listener, settings, new SimpleMeterRegistry(), consumer);
    vertx.deployVerticle(w).await();
    return w;
  }

  /**
   * A sender that takes {@code latency} milliseconds to answer, like a provider over the network,
   * and notes each text when it is handed over and the most sends it ever had at once.
   */
  Sender slow(IntSupplier latency, AtomicInteger peak) {
    AtomicInteger now = new AtomicInteger();
    return new Sender() {
      @Override
      public String channel() {
        return channel;
      }

      @Override
      public Future<String> send(Outbound m) {
        peak.accumulateAndGet(now.incrementAndGet(), Math::max);
        delivered.add(m.text());
        Promise<String> answered = Promise.promise();
        vertx.setTimer(
            latency.getAsInt(),
            t -> {
              now.decrementAndGet();
              answered.complete("id-" + m.text());
            });
        return answered.future();
      }
    };
  }

  Outbound message(String to, String text, Outbound.Lane lane) {
    return new Outbound(
        UUID.randomUUID().toString(), channel, to, text, List.of(), lane, "k", "en");
  }

  @Test
  void rateLimitAndServerErrorAreRetriedThenDeliveredOnce() {
    Sender s =
        sender(
            Map.of(
                "hello",
                List.of(
                    SendFailure.retryable("429", "Too Many Requests", Duration.ofMillis(300)),
                    SendFailure.retryable("503", "Service Unavailable", null))));
    worker(s, "a");
    Outbox outbox = new Outbox(redis, Map.of(channel, s));
    long start = System.currentTimeMillis();
    outbox.enqueue(List.of(message("+15550001", "hello", Outbound.Lane.REPLY))).await();

    eventually(() -> assertThat(delivered).containsExactly("hello"));
    assertThat(System.currentTimeMillis() - start)
        .as("the provider's Retry-After is honoured")
        .isGreaterThanOrEqualTo(300);
    // The sender sees the message before the worker acknowledges it: the queue empties just after.
    eventually(() -> assertThat(outbox.depth(channel).await()).isZero());
  }

  @Test
  void permanentErrorIsDeadLetteredWithoutRetry() {
    Sender s = sender(Map.of("bad", List.of(SendFailure.permanent("21211", "invalid To"))));
    worker(s, "a");
    Outbox outbox = new Outbox(redis, Map.of(channel, s));
    outbox
        .enqueue(
            List.of(
                message("+15550002", "bad", Outbound.Lane.REPLY),
                message("+15550002", "after", Outbound.Lane.REPLY)))
        .await();

    eventually(() -> assertThat(delivered).containsExactly("after"));
    var dead = outbox.dead(channel, 10).await();
    assertThat(dead).hasSize(1);
    assertThat(dead.get(0)).containsEntry("reason", "permanent").containsEntry("code", "21211");
  }

  @Test
  void providerOptOutIsReportedAndDeadLettered() {
    Sender s = sender(Map.of("hi", List.of(SendFailure.optedOut("21610", "unsubscribed"))));
    worker(s, "a");
    Outbox outbox = new Outbox(redis, Map.of(channel, s));
    outbox.enqueue(List.of(message("+15550003", "hi", Outbound.Lane.REPLY))).await();

    eventually(() -> assertThat(optedOut).containsExactly("+15550003"));
    assertThat(delivered).isEmpty();
    eventually(() -> assertThat(outbox.dead(channel, 10).await()).hasSize(1));
  }

  @Test
  void messagesToOneContactLeaveInOrderEvenWhenTheFirstIsRetried() {
    Sender s =
        sender(Map.of("m0", List.of(SendFailure.retryable("503", "busy", Duration.ofMillis(100)))));
    worker(s, "a");
    Outbox outbox = new Outbox(redis, Map.of(channel, s));
    List<Outbound> batch =
        IntStream.range(0, 5)
            .mapToObj(i -> message("+15550004", "m" + i, Outbound.Lane.REPLY))
            .toList();
    outbox.enqueue(batch).await();

    eventually(() -> assertThat(delivered).containsExactly("m0", "m1", "m2", "m3", "m4"));
  }

  @Test
  void repliesGoBeforeBulk() {
    Sender s = sender(Map.of());
    Outbox outbox = new Outbox(redis, Map.of(channel, s));
    for (int i = 0; i < 5; i++) {
      outbox.enqueue(List.of(message("+1555100" + i, "bulk" + i, Outbound.Lane.BULK))).await();
    }
    outbox.enqueue(List.of(message("+15552000", "reply", Outbound.Lane.REPLY))).await();
    worker(s, "a");

    eventually(() -> assertThat(delivered).hasSize(6));
    assertThat(delivered.get(0)).isEqualTo("reply");
  }

  @Test
  void bulkToSomeoneWhoMayNoLongerReceiveIsSuppressed() {
    Sender s = sender(Map.of());
    worker(s, "a");
    Outbox outbox = new Outbox(redis, Map.of(channel, s));
    outbox
        .enqueue(
            List.of(
                message("+15550005", "suppress me", Outbound.Lane.BULK),
                message("+15550005", "reply", Outbound.Lane.REPLY)))
        .await();
    eventually(() -> assertThat(delivered).containsExactly("reply"));
  }

  @Test
  void consumerKilledMidBatchLosesNothing() {
    Sender s = sender(Map.of());
    Outbox outbox = new Outbox(redis, Map.of(channel, s));
    String lane = OutboxKeys.lane(channel, Outbound.Lane.REPLY);
    redis
        .call(
            c ->
                c.xgroupCreate(
                    XReadArgs.StreamOffset.from(lane, "0"),
                    OutboxKeys.GROUP,
                    XGroupCreateArgs.Builder.mkstream()))
        .await();
    List<Outbound> batch =
        IntStream.range(0, 6)
            .mapToObj(i -> message("+15550006", "c" + i, Outbound.Lane.REPLY))
            .toList();
    outbox.enqueue(batch).await();
    // A consumer reads the whole batch and dies before acknowledging any of it.
    var taken =
        redis
            .call(
                c ->
                    c.xreadgroup(
                        Consumer.from(OutboxKeys.GROUP, "crashed"),
                        XReadArgs.Builder.count(10),
                        XReadArgs.StreamOffset.lastConsumed(lane)))
            .await();
    assertThat(taken).hasSize(6);

    worker(s, "survivor");

    eventually(() -> assertThat(delivered).containsExactly("c0", "c1", "c2", "c3", "c4", "c5"));
    eventually(
        () ->
            assertThat(redis.call(c -> c.xpending(lane, OutboxKeys.GROUP)).await().getCount())
                .isZero());
  }

  @Test
  void longSmsIsSplitAtWordsAndEachPartQueued() {
    Sender s =
        new Sender() {
          @Override
          public String channel() {
            return channel;
          }

          @Override
          public Future<String> send(Outbound m) {
            delivered.add(m.text());
            return Future.succeededFuture("x");
          }

          @Override
          public List<String> split(Outbound m) {
            return org.beatline.i18n.SmsText.split(m.text());
          }
        };
    worker(s, "a");
    Outbox outbox = new Outbox(redis, Map.of(channel, s));
    String text = "word ".repeat(400).strip();
    outbox.enqueue(List.of(message("+15550007", text, Outbound.Lane.REPLY))).await();
    eventually(() -> assertThat(String.join(" ", delivered)).isEqualTo(text));
    assertThat(delivered)
        .hasSize(2)
        .allSatisfy(p -> assertThat(org.beatline.i18n.SmsText.segments(p)).isLessThanOrEqualTo(10));
  }

  @Test
  void severalSendsAreInFlightAtOnceWithASlowProvider() {
    AtomicInteger peak = new AtomicInteger();
    Sender s = slow(() -> 50, peak);
    worker(s, "a");
    Outbox outbox = new Outbox(redis, Map.of(channel, s));
    outbox
        .enqueue(
            IntStream.range(0, 40)
                .mapToObj(i -> message("+1555300" + i, "m" + i, Outbound.Lane.REPLY))
                .toList())
        .await();

    eventually(() -> assertThat(delivered).hasSize(40));
    assertThat(peak.get()).as("sends in flight at once").isGreaterThan(1);
  }

  @Test
  void eachRecipientsMessagesArriveInOrderWhenTheProviderTakesRandomTimes() {
    AtomicInteger peak = new AtomicInteger();
    Sender s = slow(() -> ThreadLocalRandom.current().nextInt(1, 30), peak);
    worker(s, "a");
    Outbox outbox = new Outbox(redis, Map.of(channel, s));
    List<Outbound> interleaved = new java.util.ArrayList<>();
    for (int k = 0; k < 20; k++) {
      for (int r = 0; r < 10; r++) {
        interleaved.add(message("+1555400" + r, r + ":" + k, Outbound.Lane.REPLY));
      }
    }
    outbox.enqueue(interleaved).await();

    eventually(() -> assertThat(delivered).hasSize(200));
    for (int r = 0; r < 10; r++) {
      String recipient = r + ":";
      assertThat(delivered.stream().filter(t -> t.startsWith(recipient)).toList())
          .as("what recipient %d received, in order", r)
          .containsExactlyElementsOf(IntStream.range(0, 20).mapToObj(k -> recipient + k).toList());
    }
    assertThat(peak.get()).isGreaterThan(1);
  }

  @Test
  void emergencyQueuedBehindTwoHundredRepliesLeavesWithinAWindow() {
    int window = 8;
    OutboxSettings settings =
        new OutboxSettings(
            1000,
            Duration.ofMillis(20),
            Duration.ofMillis(200),
            4,
            Duration.ofMillis(500),
            Duration.ofSeconds(5),
            window);
    Sender s = slow(() -> 10, new AtomicInteger());
    worker(s, "a", settings);
    Outbox outbox = new Outbox(redis, Map.of(channel, s));
    outbox
        .enqueue(
            IntStream.range(0, 200)
                .mapToObj(i -> message("+1555500" + i, "reply" + i, Outbound.Lane.REPLY))
                .toList())
        .await();
    eventually(() -> assertThat(delivered).isNotEmpty());

    outbox.enqueue(List.of(message("+15555999", "emergency", Outbound.Lane.EMERGENCY))).await();
    int before = delivered.size();

    eventually(() -> assertThat(delivered).hasSize(201));
    assertThat(delivered.indexOf("emergency"))
        .as("replies sent after the emergency was queued and before it")
        .isLessThanOrEqualTo(before + window)
        .isLessThan(200);
  }

  @Test
  void emergencyIsNotHeldBehindSlotsReservedForRepliesAtALowRate() {
    // At 50 messages a second and a 10 ms provider, rate times latency asks for a handful of sends
    // in flight; a window that counted the wait for a slot as latency grew until the replies held
    // slots seconds ahead of the emergency (it left after about 60 more replies, not 20).
    OutboxSettings settings =
        new OutboxSettings(
            50,
            Duration.ofMillis(20),
            Duration.ofMillis(200),
            4,
            Duration.ofMillis(500),
            Duration.ofSeconds(5),
            OutboxSettings.MAX_IN_FLIGHT);
    Sender s = slow(() -> 10, new AtomicInteger());
    worker(s, "a", settings);
    Outbox outbox = new Outbox(redis, Map.of(channel, s));
    outbox
        .enqueue(
            IntStream.range(0, 200)
                .mapToObj(i -> message("+1555600" + i, "reply" + i, Outbound.Lane.REPLY))
                .toList())
        .await();
    eventually(() -> assertThat(delivered).hasSizeGreaterThanOrEqualTo(100));

    outbox.enqueue(List.of(message("+15556999", "emergency", Outbound.Lane.EMERGENCY))).await();
    int before = delivered.size();

    eventually(() -> assertThat(delivered).hasSize(201));
    assertThat(delivered.indexOf("emergency"))
        .as("replies sent after the emergency was queued and before it")
        .isLessThanOrEqualTo(before + 20);
  }

  @Test
  void aTextManyMessagesShareIsKeptOnceAndDeliveredWhole() {
    Sender s = sender(Map.of());
    Outbox outbox = new Outbox(redis, Map.of(channel, s));
    // Quotes, a backslash, a line break, a control character and right-to-left text survive the
    // entry's own JSON encoding.
    String text = "Meeting \"Eastside\" \\ 7 pm\nاجتماع\u0001 ✓";
    List<Outbound> all =
        IntStream.range(0, 300)
            .mapToObj(
                i -> message("+1555700" + i, i % 100 == 0 ? "own " + i : text, Outbound.Lane.BULK))
            .toList();
    outbox.enqueue(all).await();

    String lane = OutboxKeys.lane(channel, Outbound.Lane.BULK);
    var entries = redis.call(c -> c.xrange(lane, io.lettuce.core.Range.create("-", "+"))).await();
    assertThat(entries).hasSize(300);
    assertThat(entries.stream().filter(e -> e.getBody().get("m").contains("Eastside")))
        .as("entries that carry the shared text itself")
        .isEmpty();
    assertThat(redis.call(c -> c.keys(OutboxKeys.text(channel, "*"))).await()).hasSize(1);

    worker(s, "a");
    eventually(() -> assertThat(delivered).hasSize(300));
    assertThat(delivered.stream().filter(text::equals)).hasSize(297);
    assertThat(delivered).contains("own 0", "own 100", "own 200");
  }

  @Test
  void aSharedTextLostFromRedisDeadLettersItsMessagesInsteadOfSendingThemEmpty() {
    Sender s = sender(Map.of());
    Outbox outbox = new Outbox(redis, Map.of(channel, s));
    outbox
        .enqueue(
            List.of(
                message("+15557100", "shared", Outbound.Lane.BULK),
                message("+15557101", "shared", Outbound.Lane.BULK)))
        .await();
    redis
        .call(c -> c.del(redis.call(k -> k.keys(OutboxKeys.text(channel, "*"))).await().get(0)))
        .await();

    worker(s, "a");
    eventually(() -> assertThat(outbox.dead(channel, 10).await()).hasSize(2));
    assertThat(delivered).isEmpty();
  }

  @Test
  void aLongListToDistinctRecipientsGoesInCallsAtOnceAndEachRecipientKeepsItsOrder() {
    Sender s = sender(Map.of());
    Outbox outbox = new Outbox(redis, Map.of(channel, s));
    // 500 distinct recipients, then each of the first 100 again: the second messages must not
    // overtake the first though they are queued in later calls.
    List<Outbound> all = new java.util.ArrayList<>();
    for (int i = 0; i < 500; i++) {
      all.add(message("+1555800" + i, "first " + i, Outbound.Lane.BULK));
    }
    for (int i = 0; i < 100; i++) {
      all.add(message("+1555800" + i, "second " + i, Outbound.Lane.BULK));
    }
    outbox.enqueue(all).await();
    worker(s, "a");
    eventually(() -> assertThat(delivered).hasSize(600));
    for (int i = 0; i < 100; i++) {
      assertThat(delivered.indexOf("first " + i)).isLessThan(delivered.indexOf("second " + i));
    }
  }

  @Test
  void entriesOfTwoLanesQueuedInOneMillisecondAreBothSent() {
    // A turn's emergency guidance and its reply are queued in one script call, so their lanes'
    // streams give them the same id; neither may be taken for the other. The claim time is the
    // production one, so that a skipped entry would not be taken over within the test.
    OutboxSettings settings =
        new OutboxSettings(
            1000,
            Duration.ofMillis(20),
            Duration.ofMillis(200),
            4,
            Duration.ofMinutes(2),
            Duration.ofSeconds(5),
            OutboxSettings.MAX_IN_FLIGHT);
    Sender s = slow(() -> 5, new AtomicInteger());
    Outbox outbox = new Outbox(redis, Map.of(channel, s));
    for (int i = 0; i < 20; i++) {
      outbox
          .enqueue(
              List.of(
                  message("+1555900" + i, "guidance " + i, Outbound.Lane.EMERGENCY),
                  message("+1555900" + i, "reply " + i, Outbound.Lane.REPLY)))
          .await();
    }
    worker(s, "a", settings);
    eventually(() -> assertThat(delivered).hasSize(40));
  }
}
