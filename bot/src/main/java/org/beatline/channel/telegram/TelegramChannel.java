package org.beatline.channel.telegram;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.beatline.channel.Channel;
import org.beatline.channel.DrySender;
import org.beatline.config.Config;
import org.beatline.http.Requests;
import org.beatline.message.ChannelTraits;
import org.beatline.message.Masking;
import org.beatline.message.Sender;
import org.beatline.pipeline.Pipeline;
import org.beatline.redis.Redis;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Telegram: {@code POST /webhooks/telegram} checks {@code X-Telegram-Bot-Api-Secret-Token} and
 * reads the {@link Update}; with {@code TELEGRAM_MODE=polling} updates are fetched instead.
 */
public final class TelegramChannel implements Channel {
  public static final String ID = "telegram";
  static final String PATH = "/webhooks/telegram";
  private static final Logger LOG = LoggerFactory.getLogger(TelegramChannel.class);
  static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final Vertx vertx;
  private final Config config;
  private Updates updates;
  private final Sender sender;
  private final TelegramSender live;
  private final Timer latency;
  private LongPolling polling;

  public TelegramChannel(Vertx vertx, Config config, Redis redis, MeterRegistry metrics) {
    this.vertx = vertx;
    this.config = config;
    this.live =
        config.telegramLive()
            ? new TelegramSender(
                vertx, new OkHttpTelegramClient(config.telegramBotToken(), url(config)))
            : null;
    this.sender = live != null ? live : new DrySender(ID, redis);
    this.latency = metrics.timer("beatline_webhook_latency", "channel", ID);
  }

  static TelegramUrl url(Config config) {
    URI base = URI.create(config.telegramApiBase());
    int port = base.getPort() > 0 ? base.getPort() : "https".equals(base.getScheme()) ? 443 : 80;
    return new TelegramUrl(base.getScheme(), base.getHost(), port, false);
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public boolean live() {
    return live != null;
  }

  @Override
  public Sender sender() {
    return sender;
  }

  @Override
  public ChannelTraits traits() {
    return new ChannelTraits(true, config.telegramMps());
  }

  @Override
  public void routes(Router router, Pipeline pipeline) {
    this.updates = new Updates(pipeline, this::answer);
    router.post(PATH).handler(Requests.body()).handler(this::webhook);
  }

  @Override
  public void start(Pipeline pipeline) {
    if (live != null && config.telegramMode() == Config.TelegramMode.POLLING) {
      polling = new LongPolling(vertx, config, updates);
      polling.start();
    }
  }

  @Override
  public void stop() {
    if (polling != null) {
      polling.stop();
    }
  }

  private void webhook(RoutingContext ctx) {
    long start = System.nanoTime();
    String expected = config.telegramWebhookSecret();
    String given = ctx.request().getHeader("X-Telegram-Bot-Api-Secret-Token");
    if ((expected != null || live != null) && !Requests.sameSecret(expected, given)) {
      LOG.warn("telegram webhook with a missing or wrong secret refused");
      Requests.refuse(ctx, 403, "invalid X-Telegram-Bot-Api-Secret-Token");
      return;
    }
    Update update;
    try {
      update = JSON.readValue(ctx.body().buffer().getBytes(), Update.class);
    } catch (Exception e) {
      Requests.refuse(ctx, 400, "body is not a Telegram Update");
      return;
    }
    if (update == null || update.getUpdateId() == null) {
      Requests.refuse(ctx, 400, "update_id is required");
      return;
    }
    updates
        .handle(update)
        .onSuccess(
            v -> {
              latency.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
              ctx.response().setStatusCode(200).end();
            })
        .onFailure(
            e -> {
              if (e instanceof Updates.Rejected r) {
                Requests.refuse(ctx, r.status, r.getMessage());
              } else {
                LOG.error("telegram update {} failed: {}", update.getUpdateId(), e.toString());
                Requests.refuse(ctx, 503, "update could not be processed, try again");
              }
            });
  }

  private Future<Void> answer(String callbackId, String chat) {
    if (live == null) {
      LOG.info("dry run telegram: button press of {} answered", Masking.mask(chat));
      return Future.succeededFuture();
    }
    return live.answer(callbackId)
        .onFailure(e -> LOG.warn("telegram answerCallbackQuery failed: {}", e.toString()));
  }
}
