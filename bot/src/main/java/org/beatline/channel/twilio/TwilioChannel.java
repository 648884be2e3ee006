package org.beatline.channel.twilio;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.Map;
import org.beatline.channel.Channel;
import org.beatline.channel.DrySender;
import org.beatline.config.Config;
import org.beatline.contact.Addresses;
import org.beatline.http.Requests;
import org.beatline.message.ChannelTraits;
import org.beatline.message.Inbound;
import org.beatline.message.Masking;
import org.beatline.message.Sender;
import org.beatline.outbox.OutboxSettings;
import org.beatline.pipeline.Pipeline;
import org.beatline.redis.Redis;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SMS, MMS and WhatsApp through Twilio: {@code POST /webhooks/twilio} for messages and {@code POST
 * /webhooks/twilio/status} for delivery reports, both signed with {@code X-Twilio-Signature}.
 */
public final class TwilioChannel implements Channel {
  public static final String ID = "twilio";
  static final String PATH = "/webhooks/twilio";
  static final String STATUS_PATH = "/webhooks/twilio/status";
  private static final Logger LOG = LoggerFactory.getLogger(TwilioChannel.class);
  private static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

  private final Config config;

  /** Where a number written without a country code is taken to be. */
  private Pipeline pipeline;

  private final DeliveryReports reports;
  private final String region;
  private final TwilioSignature validator;
  private final Sender sender;
  private final Timer latency;

  public TwilioChannel(
      Vertx vertx,
      Config config,
      DeliveryReports reports,
      Redis redis,
      MeterRegistry metrics,
      String region) {
    this.config = config;
    this.reports = reports;
    this.region = region;
    this.validator = config.twilioLive() ? new TwilioSignature(config.twilioAuthToken()) : null;
    this.sender =
        config.twilioLive()
            ? new TwilioSender(
                vertx,
                config.twilioAccountSid(),
                config.twilioAuthToken(),
                config.twilioFrom(),
                config.twilioApiBase(),
                config.publicBaseUrl() + STATUS_PATH,
                concurrency(config.twilioMps()))
            : new DrySender(ID, redis);
    this.latency = metrics.timer("beatline_webhook_latency", "channel", ID);
  }

  /** Requests in flight to reach {@code mps} at a slow provider's latency (half a second). */
  static int concurrency(double mps) {
    return (int) Math.max(8, Math.min(OutboxSettings.MAX_IN_FLIGHT, Math.ceil(mps / 2)));
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public boolean live() {
    return validator != null;
  }

  @Override
  public Sender sender() {
    return sender;
  }

  @Override
  public ChannelTraits traits() {
    return new ChannelTraits(false, config.twilioMps());
  }

  @Override
  public void routes(Router router, Pipeline pipeline) {
    this.pipeline = pipeline;
    var body = Requests.body();
    router.post(PATH).handler(body).handler(this::signed).handler(this::message);
    router.post(STATUS_PATH).handler(body).handler(this::signed).handler(this::status);
  }

  /** Refuses anything not signed by Twilio for exactly this URL, before anything is stored. */
  private void signed(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    if (type == null || !type.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
      Requests.refuse(ctx, 400, "expected application/x-www-form-urlencoded");
      return;
    }
    if (validator == null) {
      ctx.next(); // dry run: there is no auth token to check against
      return;
    }
    String signature = ctx.request().getHeader("X-Twilio-Signature");
    String url = config.publicBaseUrl() + ctx.request().uri();
    if (!validator.valid(url, params(ctx), signature)) {
      LOG.warn("twilio webhook with a missing or wrong signature refused");
      Requests.refuse(ctx, 403, "invalid X-Twilio-Signature");
      return;
    }
    ctx.next();
  }

  private void message(RoutingContext ctx) {
    long start = System.nanoTime();
    Map<String, String> p = params(ctx);
    String sid = p.get("MessageSid");
    if (sid == null || sid.isBlank()) {
      Requests.refuse(ctx, 400, "MessageSid is required");
      return;
    }
    String body = p.getOrDefault("Body", "");
    if (Requests.tooLong(body)) {
      Requests.refuse(ctx, 413, "Body is longer than " + Requests.MAX_TEXT + " characters");
      return;
    }
    String from;
    try {
      from = Addresses.phone(p.get("From"), region);
    } catch (IllegalArgumentException e) {
      Requests.refuse(ctx, 400, "From: " + e.getMessage());
      return;
    }
    int media = parseCount(p.get("NumMedia"));
    if (media > 0) {
      LOG.info("twilio {} from {} carries {} media (not fetched)", sid, Masking.mask(from), media);
    }
    Inbound in = new Inbound(ID, from, sid, body, null, media, null, null);
    pipeline
        .handle(in, true)
        .onSuccess(
            h -> {
              latency.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
              ctx.response().putHeader("Content-Type", "text/xml").end(EMPTY_TWIML);
            })
        .onFailure(
            e -> {
              LOG.error("twilio {} from {} failed: {}", sid, Masking.mask(from), e.toString());
              Requests.refuse(ctx, 503, "message could not be processed, try again");
            });
  }

  private void status(RoutingContext ctx) {
    Map<String, String> p = params(ctx);
    String sid = p.get("MessageSid");
    String state = p.get("MessageStatus");
    if (sid == null || state == null) {
      Requests.refuse(ctx, 400, "MessageSid and MessageStatus are required");
      return;
    }
    String to = p.get("To");
    reports
        .record(sid, state, p.get("ErrorCode"), to)
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(
            e -> {
              LOG.error("twilio status for {} failed: {}", sid, e.toString());
              Requests.refuse(ctx, 503, "status could not be recorded, try again");
            });
  }

  private static Map<String, String> params(RoutingContext ctx) {
    Map<String, String> out = new HashMap<>();
    ctx.request().formAttributes().forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  private static int parseCount(String s) {
    try {
      return s == null ? 0 : Math.max(0, Integer.parseInt(s));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
