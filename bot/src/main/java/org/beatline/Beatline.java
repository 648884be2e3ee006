package org.beatline;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.beatline.channel.Channel;
import org.beatline.concern.OfficerFile;
import org.beatline.config.Config;
import org.beatline.contact.ConsentLedger;
import org.beatline.contact.Contacts;
import org.beatline.conversation.Engine;
import org.beatline.http.ConnectionLimit;
import org.beatline.http.Requests;
import org.beatline.outbox.Outbox;
import org.beatline.outbox.OutboxSettings;
import org.beatline.pipeline.EngineConversation;
import org.beatline.pipeline.Pipeline;
import org.beatline.redis.EmbeddedRedis;
import org.beatline.redis.Redis;
import org.beatline.schedule.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running service, wired from one {@link Config}: Redis (embedded when none is configured),
 * then {@link Stores}, {@link Knowledge}, {@link Channels} with the pipeline, {@link Routes} and
 * {@link Workers}, each a small factory of its own.
 */
public final class Beatline implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Beatline.class);

  private final Config config;
  private final Vertx vertx;
  private final EmbeddedRedis embedded;
  private final Redis redis;
  private final PrometheusMeterRegistry registry;
  private final Knowledge content;
  private final Stores stores;
  private final Channels channels;
  private final Scheduler scheduler;
  private Workers workers;
  private HttpServer server;
  private Router router;

  private Beatline(Config config) {
    this.config = config;
    // Reading the content and training the models take most of startup and need neither Redis nor
    // the event loops: they run while those start.
    CompletableFuture<Knowledge> knowledge =
        CompletableFuture.supplyAsync(() -> Knowledge.load(config));
    this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics().bindTo(registry);
    new io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics().bindTo(registry);
    new io.micrometer.core.instrument.binder.system.ProcessorMetrics().bindTo(registry);
    this.vertx =
        Vertx.builder()
            .with(
                new VertxOptions()
                    .setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)))
            .withMetrics(new MicrometerMetricsFactory(registry))
            .build();
    this.embedded = config.redisUrl() == null ? EmbeddedRedis.start() : null;
    try {
      this.redis = Redis.connect(vertx, embedded != null ? embedded.url() : config.redisUrl());
    } catch (RuntimeException e) {
      if (embedded != null) {
        embedded.close();
      }
      vertx.close();
      throw e;
    }
    try {
      this.content = loaded(knowledge);
      Contacts contacts = new Contacts(redis);
      ConsentLedger ledger = new ConsentLedger(redis, contacts, config.addressHashKey());
      if (config.production() && config.addressHashKey() == null) {
        LOG.warn(
            "ADDRESS_HASH_KEY is not set: address hashes are keyed by a secret kept in Redis itself");
      }
      this.channels =
          new Channels(
              vertx,
              config,
              redis,
              registry,
              contacts,
              ledger,
              content.conversations().department().phoneRegion());
      this.scheduler = new Scheduler(vertx, redis);
      this.stores =
          new Stores(
              redis,
              contacts,
              ledger,
              content,
              config.publicBaseUrl(),
              channels.outbox(),
              scheduler,
              Clock.systemUTC());
      channels.connect(pipeline(vertx, redis, registry, content, stores, channels));
    } catch (RuntimeException e) {
      // A bad profile or catalogue must not leave a Redis process or event loops behind.
      redis.close();
      if (embedded != null) {
        embedded.close();
      }
      vertx.close();
      throw e;
    }
  }

  /** The content once loaded; a bad profile or catalogue fails with its own exception. */
  private static Knowledge loaded(CompletableFuture<Knowledge> knowledge) {
    try {
      return knowledge.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }

  /** The pipeline, with the conversation engine at its edge. */
  private static Pipeline pipeline(
      Vertx vertx,
      Redis redis,
      MeterRegistry registry,
      Knowledge content,
      Stores stores,
      Channels channels) {
    EngineConversation conversation =
        new EngineConversation(
            redis,
            new Engine(content.conversations()),
            content.renderer(),
            stores.contacts,
            stores.meetings,
            stores.concerns,
            stores.handoffs,
            stores.effects(),
            stores.unrecognized,
            channels::traits,
            content.conversations().confident());
    return new Pipeline(
        vertx,
        redis,
        stores.contacts,
        stores.ledger,
        content.renderer(),
        content.understanding(),
        conversation,
        channels.outbox(),
        registry,
        stores.officers,
        stores.desk.work());
  }

  /** Starts Beatline with default outbox pacing. */
  public static Future<Beatline> start(Config config) {
    return start(config, OutboxSettings::defaults);
  }

  /** Starts Beatline; {@code outbox} gives each channel's outbox settings from its send rate. */
  public static Future<Beatline> start(Config config, Function<Double, OutboxSettings> outbox) {
    Beatline app;
    try {
      app = new Beatline(config);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    // A port already in use must not leave Redis or the event loops behind either.
    return app.listen(outbox).map(app).onFailure(e -> new Thread(app::close, "close").start());
  }

  private Future<Void> listen(Function<Double, OutboxSettings> outbox) {
    router = Routes.router(vertx, redis, registry, config, content, stores, channels, scheduler);
    workers = new Workers(vertx, redis, registry, channels, stores, scheduler, outbox);
    // Keys an earlier version named without hash tags move to today's names before anything
    // reads or writes them.
    return Outbox.adoptOldKeys(redis)
        .compose(n -> scheduler.adoptOldKeys())
        .compose(n -> workers.start())
        .compose(v -> stores.meetings.seed(content.department().seedMeetings()))
        .compose(
            v ->
                config.officersFile() == null
                    ? Future.succeededFuture()
                    : OfficerFile.register(
                        stores.officers, OfficerFile.read(Path.of(config.officersFile()))))
        .compose(
            v ->
                vertx
                    .createHttpServer(
                        new HttpServerOptions()
                            .setMaxFormAttributeSize((int) Requests.MAX_BODY * 2)
                            // Silent sockets and half-sent requests are closed, so that slow
                            // clients cannot hold connections open.
                            .setIdleTimeout(config.httpIdleSeconds())
                            .setIdleTimeoutUnit(java.util.concurrent.TimeUnit.SECONDS)
                            // Without HTTP/2 prior knowledge a connection is HTTP/1 from its
                            // first byte, so it counts against the cap before it says anything.
                            .setHttp2ClearTextEnabled(false))
                    .connectionHandler(new ConnectionLimit(config.httpMaxConnections()))
                    .requestHandler(router)
                    .listen(config.port()))
        .map(
            s -> {
              server = s;
              channels.start();
              return null;
            });
  }

  /** The port the server listens on (useful when the configuration asked for any free port). */
  public int port() {
    return server.actualPort();
  }

  /** The paths the HTTP server answers, as routed (for checking the OpenAPI document). */
  public List<String> routePaths() {
    return router.getRoutes().stream().map(r -> r.getPath()).filter(p -> p != null).toList();
  }

  /** Each route that answers particular methods, as {@code "GET /path"}. */
  public List<String> routeOperations() {
    return router.getRoutes().stream()
        .filter(r -> r.getPath() != null && r.methods() != null)
        .flatMap(r -> r.methods().stream().map(m -> m.name() + " " + r.getPath()))
        .toList();
  }

  public Pipeline pipeline() {
    return channels.pipeline();
  }

  public Vertx vertx() {
    return vertx;
  }

  public Redis redis() {
    return redis;
  }

  /** The scheduler of due jobs, shared through Redis with every other instance. */
  public Scheduler scheduler() {
    return scheduler;
  }

  public List<Channel> channels() {
    return channels.all();
  }

  /**
   * Stops within {@link #CLOSE_WITHIN}, as on SIGTERM: no new connections or requests, no new jobs
   * or reads from the outbox; sends already with a provider are finished (for a few seconds at
   * most), and every message not yet sent stays in Redis for the next instance.
   */
  @Override
  public void close() {
    long deadline = System.nanoTime() + CLOSE_WITHIN.toNanos();
    if (server != null) {
      try {
        server.close().await(1, TimeUnit.SECONDS);
      } catch (Exception e) {
        LOG.warn("the HTTP server did not close in time: {}", e.toString());
      }
    }
    channels.stop();
    scheduler.stop();
    try {
      // Undeploying the outbox workers finishes their sends in flight.
      vertx.close().await(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (Exception e) {
      LOG.warn("vert.x did not close in time: {}", e.toString());
    }
    redis.close();
    if (embedded != null) {
      embedded.close();
    }
  }

  /** How long closing may take before what is left is abandoned to Redis. */
  static final Duration CLOSE_WITHIN = Duration.ofSeconds(7);
}
