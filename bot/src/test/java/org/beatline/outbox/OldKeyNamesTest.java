package org.beatline.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.Consumer;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.beatline.redis.EmbeddedRedis;
import org.beatline.redis.Redis;
import org.beatline.schedule.Scheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An upgrade from the version whose keys had no hash tags: the outbox's streams (with their group
 * and unacknowledged entries), each recipient's order and the scheduler's jobs move to today's
 * names at startup, so nothing queued or scheduled is lost.
 */
class OldKeyNamesTest {
  static final String PHONE = "+15551230000";
  EmbeddedRedis server;
  Vertx vertx;
  Redis redis;

  @BeforeEach
  void start() {
    server = EmbeddedRedis.start();
    vertx = Vertx.vertx();
    redis = Redis.connect(vertx, server.url());
  }

  @AfterEach
  void stop() {
    redis.close();
    vertx.close().await();
    server.close();
  }

  @Test
  void oldNamesAreReadAsTodays() {
    assertThat(Outbox.tagged("outbox:twilio:reply")).isEqualTo("outbox:{twilio}:reply");
    assertThat(Outbox.tagged("outbox:seq:twilio:whatsapp:+15551230000"))
        .isEqualTo("outbox:{twilio}:seq:whatsapp:+15551230000");
    assertThat(Outbox.tagged("outbox:done:telegram:42")).isEqualTo("outbox:{telegram}:done:42");
    assertThat(Outbox.tagged("outbox:{twilio}:reply")).isNull();
    assertThat(Outbox.tagged("outbox:{twilio}:seq:" + PHONE)).isNull();
  }

  @Test
  void queuedMessagesAndScheduledJobsSurviveTheUpgrade() {
    String oldLane = "outbox:twilio:reply";
    redis
        .call(
            c ->
                c.xgroupCreate(
                    XReadArgs.StreamOffset.from(oldLane, "0"),
                    OutboxKeys.GROUP,
                    XGroupCreateArgs.Builder.mkstream()))
        .await();
    redis.call(c -> c.xadd(oldLane, Map.of("m", "{}", "seq", "3"))).await();
    redis
        .call(
            c ->
                c.xreadgroup(
                    Consumer.from(OutboxKeys.GROUP, "old-instance"),
                    XReadArgs.StreamOffset.lastConsumed(oldLane)))
        .await();
    redis.call(c -> c.xadd(oldLane, Map.of("m", "{}", "seq", "4"))).await();
    redis.call(c -> c.set("outbox:seq:twilio:" + PHONE, "4")).await();
    redis.call(c -> c.set("outbox:done:twilio:" + PHONE, "2")).await();
    redis.call(c -> c.zadd("jobs:due", 1000, "remind2:m1")).await();
    String job =
        "{\"id\":\"remind2:m1\",\"type\":\"remind\",\"due\":1000,\"attempts\":0,\"data\":{}}";
    redis.call(c -> c.set("jobs:job:remind2:m1", job)).await();

    assertThat(Outbox.adoptOldKeys(redis).await()).isEqualTo(3);
    Scheduler scheduler = new Scheduler(vertx, redis);
    assertThat(scheduler.adoptOldKeys().await()).isEqualTo(2);

    String lane = OutboxKeys.lane("twilio", org.beatline.message.Outbound.Lane.REPLY);
    assertThat(redis.call(c -> c.xlen(lane)).await()).isEqualTo(2);
    assertThat(redis.call(c -> c.xpending(lane, OutboxKeys.GROUP)).await().getCount()).isEqualTo(1);
    assertThat(redis.call(c -> c.get(OutboxKeys.seq("twilio", PHONE))).await()).isEqualTo("4");
    assertThat(redis.call(c -> c.get(OutboxKeys.done("twilio", PHONE))).await()).isEqualTo("2");
    assertThat(redis.call(c -> c.keys("outbox:*")).await()).allMatch(k -> k.startsWith("outbox:{"));
    assertThat(redis.call(c -> c.keys("jobs:*")).await()).isEmpty();

    List<String> ran = new CopyOnWriteArrayList<>();
    scheduler.on(
        "remind",
        j -> {
          ran.add(j.id());
          return Future.succeededFuture();
        });
    assertThat(scheduler.runDue().await()).isEqualTo(1);
    assertThat(ran).containsExactly("remind2:m1");

    // The next start finds nothing to move and does not look again.
    assertThat(Outbox.adoptOldKeys(redis).await()).isZero();
    assertThat(scheduler.adoptOldKeys().await()).isZero();
  }
}
