package org.beatline.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.beatline.redis.Redis;
import org.beatline.support.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The scheduler against a real Redis, with two instances competing for the same jobs. */
class SchedulerTest {
  final List<Vertx> vertxes = new ArrayList<>();
  final List<Redis> connections = new ArrayList<>();
  final List<Scheduler> schedulers = new ArrayList<>();
  final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
  String name;

  @BeforeEach
  void name() {
    name = "jobs-test-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @AfterEach
  void stop() {
    schedulers.forEach(Scheduler::stop);
    connections.forEach(Redis::close);
    vertxes.forEach(v -> v.close().await());
  }

  Scheduler instance(int maxAttempts, JobHandler handler) {
    Vertx vertx = Vertx.vertx();
    Redis redis = Redis.connect(vertx, TestRedis.url());
    Scheduler s =
        new Scheduler(
                vertx,
                redis,
                name,
                Duration.ofSeconds(30),
                Duration.ofMillis(20),
                maxAttempts,
                java.time.Clock.systemUTC())
            .on("count", handler);
    vertxes.add(vertx);
    connections.add(redis);
    schedulers.add(s);
    return s;
  }

  JobHandler counting() {
    return job -> {
      runs.computeIfAbsent(job.id(), k -> new AtomicInteger()).incrementAndGet();
      return Future.succeededFuture();
    };
  }

  @Test
  void aThousandJobsOnTwoInstancesEachRunExactlyOnce() {
    Scheduler a = instance(3, counting());
    Scheduler b = instance(3, counting());
    Instant now = Instant.now();
    List<Future<Void>> scheduled = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      // Half due now, half within the next second, scheduled through both instances.
      Job job = new Job("j" + i, "count", now.plusMillis(i % 2 == 0 ? 0 : i), Map.of(), 0);
      scheduled.add((i % 2 == 0 ? a : b).schedule(job));
    }
    Future.all(scheduled).await();
    a.start(Duration.ofMillis(20));
    b.start(Duration.ofMillis(20));

    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(runs).hasSize(1000));
    // Give a second run, if there were one, time to happen.
    await().pollDelay(Duration.ofMillis(300)).until(() -> true);
    assertThat(runs.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
  }

  @Test
  void aDueJobRunsWithinFiveSecondsOfItsTime() {
    Scheduler s = instance(3, counting());
    s.start(Duration.ofSeconds(1));
    s.schedule(new Job("soon", "count", Instant.now().plusMillis(500), Map.of(), 0)).await();
    await().atMost(Duration.ofSeconds(5)).until(() -> runs.containsKey("soon"));
  }

  @Test
  void aFailingJobIsRetriedWithBackoffThenParkedForStaff() {
    AtomicInteger tries = new AtomicInteger();
    Scheduler s =
        instance(
            3,
            job -> {
              tries.incrementAndGet();
              return Future.failedFuture("provider down");
            });
    s.schedule(new Job("fails", "count", Instant.now(), Map.of("ref", "RIV-1"), 0)).await();
    s.start(Duration.ofMillis(20));

    await().atMost(Duration.ofSeconds(10)).until(() -> !s.parked().await().isEmpty());
    var parked = s.parked().await().get(0);
    assertThat(tries.get()).isEqualTo(3);
    assertThat(parked.getString("id")).isEqualTo("fails");
    assertThat(parked.getInteger("attempts")).isEqualTo(3);
    assertThat(parked.getString("error")).contains("provider down");
    assertThat(parked.getJsonObject("data").getString("ref")).isEqualTo("RIV-1");
  }

  @Test
  void aJobOfAnUnknownTypeIsParkedAtOnce() {
    Scheduler s = instance(5, counting());
    s.schedule(new Job("odd", "nobody.handles", Instant.now(), Map.of(), 0)).await();
    s.runDue().await();
    assertThat(s.parked().await())
        .singleElement()
        .satisfies(j -> assertThat(j.getString("error")).contains("no handler"));
  }

  @Test
  void aCancelledJobNeverRunsAndARescheduledOneRunsAtItsNewTime() {
    Scheduler s = instance(3, counting());
    s.schedule(new Job("gone", "count", Instant.now(), Map.of(), 0)).await();
    s.schedule(new Job("moved", "count", Instant.now(), Map.of(), 0)).await();
    assertThat(s.cancel("gone").await()).isTrue();
    s.schedule(new Job("moved", "count", Instant.now().plusSeconds(3600), Map.of(), 0)).await();
    s.runDue().await();
    assertThat(runs).isEmpty();
  }

  @Test
  void aJobLeasedByAnInstanceThatDiedIsRunByAnother() {
    Vertx vertx = Vertx.vertx();
    Redis redis = Redis.connect(vertx, TestRedis.url());
    vertxes.add(vertx);
    connections.add(redis);
    // An instance claims the job with a short lease and never finishes it.
    Scheduler dying =
        new Scheduler(
                vertx,
                redis,
                name,
                Duration.ofMillis(200),
                Duration.ofMillis(20),
                3,
                java.time.Clock.systemUTC())
            .on("count", job -> Future.future(p -> {}));
    dying.schedule(new Job("orphan", "count", Instant.now(), Map.of(), 0)).await();
    dying.runDue();
    await()
        .atMost(Duration.ofSeconds(2))
        .until(() -> redis.call(c -> c.zcard("{" + name + "}:leased")).await() == 1);

    Scheduler survivor = instance(3, counting());
    survivor.start(Duration.ofMillis(50));
    await().atMost(Duration.ofSeconds(5)).until(() -> runs.containsKey("orphan"));
  }
}
