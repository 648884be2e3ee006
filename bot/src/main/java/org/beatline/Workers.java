package org.beatline;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.beatline.channel.Channel;
import org.beatline.outbox.OutboxSettings;
import org.beatline.outbox.OutboxWorker;
import org.beatline.redis.Redis;
import org.beatline.schedule.Scheduler;

/**
 * What runs in the background: an outbox worker per channel, the scheduler of due jobs, and the
 * outbox depth gauges.
 */
final class Workers {
  // Due jobs run within this long of their time (well inside the five seconds promised).
  private static final Duration SCHEDULER_POLL = Duration.ofSeconds(1);
  private final Vertx vertx;
  private final Redis redis;
  private final MeterRegistry registry;
  private final Channels channels;
  private final Stores stores;
  private final Scheduler scheduler;
  private final Function<Double, OutboxSettings> settings;
  private final Map<String, AtomicLong> depth = new LinkedHashMap<>();

  Workers(
      Vertx vertx,
      Redis redis,
      MeterRegistry registry,
      Channels channels,
      Stores stores,
      Scheduler scheduler,
      Function<Double, OutboxSettings> settings) {
    this.vertx = vertx;
    this.redis = redis;
    this.registry = registry;
    this.channels = channels;
    this.stores = stores;
    this.scheduler = scheduler;
    this.settings = settings;
  }

  Future<Void> start() {
    String consumer = ManagementFactory.getRuntimeMXBean().getName() + "-" + System.nanoTime();
    ConsentAwareDelivery delivery =
        new ConsentAwareDelivery(stores.contacts, stores.ledger, registry, stores.broadcasts);
    Future<Void> started = Future.succeededFuture();
    for (Channel c : channels.all()) {
      OutboxWorker worker =
          new OutboxWorker(
              redis,
              c.sender(),
              delivery,
              settings.apply(c.traits().messagesPerSecond()),
              registry,
              consumer);
      started = started.compose(v -> vertx.deployVerticle(worker).mapEmpty());
      depth.put(
          c.id(),
          registry.gauge("beatline_outbox_depth", Tags.of("channel", c.id()), new AtomicLong()));
    }
    vertx.setPeriodic(5000, t -> sampleDepth());
    return started.onSuccess(v -> scheduler.start(SCHEDULER_POLL));
  }

  /** Samples how many messages wait per channel, for the outbox depth gauge. */
  private void sampleDepth() {
    depth.forEach((channel, gauge) -> channels.outbox().depth(channel).onSuccess(gauge::set));
  }
}
