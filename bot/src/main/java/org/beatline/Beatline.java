package org.beatline;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.beatline.accountability.AnswerFeedback;
import org.beatline.admin.AdminApi;
import org.beatline.admin.Operations;
import org.beatline.channel.Channel;
import org.beatline.channel.Webhooks;
import org.beatline.channel.telegram.TelegramChannel;
import org.beatline.channel.twilio.DeliveryReports;
import org.beatline.channel.twilio.TwilioChannel;
import org.beatline.channel.web.WebChannel;
import org.beatline.concern.Concerns;
import org.beatline.concern.Handoffs;
import org.beatline.config.Config;
import org.beatline.config.Content;
import org.beatline.config.DepartmentFile;
import org.beatline.contact.ConsentLedger;
import org.beatline.contact.Contacts;
import org.beatline.conversation.Conversations;
import org.beatline.conversation.Engine;
import org.beatline.i18n.Catalogue;
import org.beatline.meeting.Calendar;
import org.beatline.meeting.Meetings;
import org.beatline.message.Sender;
import org.beatline.message.Understanding;
import org.beatline.nlu.Nlu;
import org.beatline.outbox.Outbox;
import org.beatline.outbox.OutboxSettings;
import org.beatline.outbox.OutboxWorker;
import org.beatline.pipeline.Conversation;
import org.beatline.pipeline.Effects;
import org.beatline.pipeline.EngineConversation;
import org.beatline.pipeline.Pipeline;
import org.beatline.pipeline.Unrecognized;
import org.beatline.redis.EmbeddedRedis;
import org.beatline.redis.Redis;
import org.beatline.roster.Roster;
import org.beatline.survey.SurveyAnswers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running service, wired from one {@link Config}: Redis (embedded when none is configured),
 * content, the pipeline, every channel, the outbox workers and the HTTP server.
 */
public final class Beatline implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Beatline.class);

  private final Config config;
  private final Vertx vertx;
  private final EmbeddedRedis embedded;
  private final Redis redis;
  private final PrometheusMeterRegistry registry;
  private final Pipeline pipeline;
  private final Meetings meetings;
  private final Outbox outbox;
  private final ConsentAwareDelivery delivery;
  private final Function<Double, OutboxSettings> outboxSettings;
  private final List<Channel> channels;
  private final DepartmentFile department;
  private final Unrecognized unrecognized;
  private final ConsentLedger ledger;
  private final Understanding understanding;
  private final Map<String, java.util.concurrent.atomic.AtomicLong> depth = new LinkedHashMap<>();
  private HttpServer server;
  private Router router;

  private Beatline(Config config, Function<Double, OutboxSettings> outboxSettings) {
    this.config = config;
    this.outboxSettings = outboxSettings;
    this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    this.vertx =
        Vertx.builder()
            .with(
                new VertxOptions()
                    .setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)))
            .withMetrics(new MicrometerMetricsFactory(registry))
            .build();
    this.embedded = config.redisUrl() == null ? EmbeddedRedis.start() : null;
    this.redis = Redis.connect(vertx, embedded != null ? embedded.url() : config.redisUrl());
    try {
      Path conversationsDir = Content.folder(config.conversationsDir(), "conversations");
      this.department = DepartmentFile.read(conversationsDir);
      Catalogue catalogue =
          Catalogue.load(
              Content.folder(config.translationsDir(), "translations"),
              department.defaultLanguage(),
              department.timeZone());
      Conversations conversations = Conversations.load(conversationsDir, catalogue);
      Contacts contacts = new Contacts(redis);
      ConsentLedger ledger = new ConsentLedger(redis, contacts);
      Concerns concerns = new Concerns(redis, department.concernReferencePrefix());
      this.meetings = new Meetings(redis, config.publicBaseUrl());
      this.unrecognized = new Unrecognized(redis);
      this.ledger = ledger;
      this.understanding = Nlu.train(conversationsDir);
      Map<String, Sender> senders = new LinkedHashMap<>();
      this.outbox = new Outbox(redis, senders);
      Conversation conversation =
          new EngineConversation(
              redis,
              new Engine(conversations),
              catalogue,
              contacts,
              meetings,
              concerns,
              new Effects(
                  contacts,
                  ledger,
                  concerns,
                  new SurveyAnswers(redis),
                  new Roster(redis),
                  new AnswerFeedback(redis),
                  new Handoffs(redis)),
              unrecognized,
              conversations.confident());
      this.pipeline =
          new Pipeline(
              redis,
              contacts,
              ledger,
              catalogue,
              understanding,
              conversation,
              outbox,
              department.replyArgs(),
              registry);
      this.channels =
          List.of(
              new TwilioChannel(
                  vertx,
                  config,
                  pipeline,
                  new DeliveryReports(redis, contacts, ledger, registry),
                  redis,
                  registry),
              new TelegramChannel(vertx, config, pipeline, redis, registry),
              new WebChannel(pipeline, redis));
      channels.forEach(c -> senders.put(c.id(), c.sender()));
      this.delivery = new ConsentAwareDelivery(contacts, ledger, registry);
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

  /** Starts Beatline with default outbox pacing. */
  public static Future<Beatline> start(Config config) {
    return start(config, OutboxSettings::defaults);
  }

  /** Starts Beatline; {@code outbox} gives each channel's outbox settings from its send rate. */
  public static Future<Beatline> start(Config config, Function<Double, OutboxSettings> outbox) {
    Beatline app;
    try {
      app = new Beatline(config, outbox);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    // A port already in use must not leave Redis or the event loops behind either.
    return app.listen().map(app).onFailure(e -> new Thread(app::close, "close").start());
  }

  private Future<Void> listen() {
    router = Router.router(vertx);
    router
        .route()
        .handler(
            ctx -> {
              ctx.response().putHeader("X-Content-Type-Options", "nosniff");
              ctx.next();
            });
    channels.forEach(c -> c.routes(router));
    new Calendar(meetings, department.name()).routes(router);
    new Operations(redis, registry).routes(router);
    new AdminApi(config.adminToken(), understanding, unrecognized, ledger).routes(router);
    router.errorHandler(
        413, ctx -> Webhooks.refuse(ctx, 413, "request body is larger than 64 KiB"));
    router.errorHandler(400, ctx -> Webhooks.refuse(ctx, 400, "bad request"));
    router.errorHandler(404, ctx -> Webhooks.refuse(ctx, 404, "not found"));
    router.errorHandler(405, ctx -> Webhooks.refuse(ctx, 405, "method not allowed"));
    router.errorHandler(
        500,
        ctx -> {
          LOG.error(
              "unhandled error on {} {}",
              ctx.request().method(),
              ctx.request().path(),
              ctx.failure());
          Webhooks.refuse(ctx, 500, "internal error");
        });
    String consumer = ManagementFactory.getRuntimeMXBean().getName() + "-" + System.nanoTime();
    Future<Void> workers = Future.succeededFuture();
    for (Channel c : channels) {
      double mps =
          switch (c.id()) {
            case TwilioChannel.ID -> config.twilioMps();
            case TelegramChannel.ID -> config.telegramMps();
            default -> 50.0;
          };
      OutboxWorker worker =
          new OutboxWorker(
              redis, c.sender(), delivery, outboxSettings.apply(mps), registry, consumer);
      workers = workers.compose(v -> vertx.deployVerticle(worker).mapEmpty());
    }
    for (Channel c : channels) {
      depth.put(
          c.id(),
          registry.gauge(
              "beatline_outbox_depth",
              io.micrometer.core.instrument.Tags.of("channel", c.id()),
              new java.util.concurrent.atomic.AtomicLong()));
    }
    vertx.setPeriodic(5000, t -> sampleDepth());
    return workers
        .compose(v -> meetings.seed(department.seedMeetings()))
        .compose(
            v ->
                vertx
                    .createHttpServer(
                        new io.vertx.core.http.HttpServerOptions()
                            .setMaxFormAttributeSize((int) Webhooks.MAX_BODY * 2))
                    .requestHandler(router)
                    .listen(config.port()))
        .map(
            s -> {
              server = s;
              channels.forEach(Channel::start);
              return null;
            });
  }

  /** Samples how many messages wait per channel, for the outbox depth gauge. */
  private void sampleDepth() {
    depth.forEach((channel, gauge) -> outbox.depth(channel).onSuccess(gauge::set));
  }

  /** The port the server listens on (useful when the configuration asked for any free port). */
  public int port() {
    return server.actualPort();
  }

  /** The paths the HTTP server answers, as routed (for checking the OpenAPI document). */
  public List<String> routePaths() {
    return router.getRoutes().stream().map(r -> r.getPath()).filter(p -> p != null).toList();
  }

  public Pipeline pipeline() {
    return pipeline;
  }

  public Vertx vertx() {
    return vertx;
  }

  public Redis redis() {
    return redis;
  }

  public List<Channel> channels() {
    return channels;
  }

  @Override
  public void close() {
    channels.forEach(Channel::stop);
    try {
      vertx.close().await();
    } catch (Exception e) {
      LOG.warn("vert.x did not close cleanly: {}", e.toString());
    }
    redis.close();
    if (embedded != null) {
      embedded.close();
    }
  }
}
