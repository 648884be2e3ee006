package org.beatline.channel.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.beatline.channel.Channel;
import org.beatline.channel.DrySender;
import org.beatline.config.Config;
import org.beatline.http.Requests;
import org.beatline.message.ChannelTraits;
import org.beatline.message.Inbound;
import org.beatline.message.Outbound;
import org.beatline.message.Sender;
import org.beatline.pipeline.Handled;
import org.beatline.pipeline.Pipeline;
import org.beatline.redis.Redis;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web simulator: a page at {@code /simulator} and {@code POST /api/simulator/messages}, which
 * runs the same pipeline as the real channels and answers with the replies at once. Messages sent
 * later (announcements) wait in a mailbox the page polls.
 */
public final class WebChannel implements Channel {
  public static final String ID = "web";
  private static final Logger LOG = LoggerFactory.getLogger(WebChannel.class);
  private static final long SWEEP_EVERY_MS = 10 * 60 * 1000;

  private Pipeline pipeline;
  private final Vertx vertx;
  private final Redis redis;
  private final Mailbox mailbox;
  private final Identities identities;
  private final String page;
  private final String script;
  private final String style;
  private final Config config;
  private long sweeper = -1;

  /**
   * The simulator channel; it serves its routes only when {@code config} says so, and asks for the
   * admin bearer token when a real channel is live.
   */
  public WebChannel(Vertx vertx, Redis redis, Config config) {
    this.vertx = vertx;
    this.config = config;
    this.redis = redis;
    this.mailbox = new Mailbox(redis);
    this.identities = new Identities(redis, ID, config.publicBaseUrl().startsWith("https:"));
    this.page = resource("web/simulator.html");
    this.script = resource("web/simulator.js");
    this.style = resource("web/simulator.css");
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public boolean live() {
    return true;
  }

  @Override
  public Sender sender() {
    return mailbox;
  }

  @Override
  public ChannelTraits traits() {
    return new ChannelTraits(true, 50);
  }

  @Override
  public void routes(Router router, Pipeline pipeline) {
    this.pipeline = pipeline;
    if (!config.simulatorServed()) {
      return;
    }
    if (config.production()) {
      router.route("/api/simulator/*").handler(this::staffOnly);
    }
    router
        .get("/simulator")
        .handler(
            ctx -> {
              // The page keeps its identity across reloads; a first visit is given one.
              if (Identities.ofPage(ctx) == null) {
                identities.issue(ctx);
              }
              ctx.response()
                  .putHeader("Content-Type", "text/html; charset=utf-8")
                  .putHeader("Cache-Control", "no-store")
                  .end(page);
            });
    router.get("/simulator/simulator.js").handler(ctx -> file(ctx, "text/javascript", script));
    router.get("/simulator/simulator.css").handler(ctx -> file(ctx, "text/css", style));
    router.post("/api/simulator/messages").handler(Requests.body()).handler(this::message);
    router.get("/api/simulator/messages").handler(this::mailbox);
    router.post("/api/simulator/identity").handler(Requests.body()).handler(this::newIdentity);
    router.get("/api/simulator/dry-run").handler(this::dryRun);
  }

  @Override
  public void start(Pipeline pipeline) {
    if (config.simulatorServed()) {
      sweeper = vertx.setPeriodic(SWEEP_EVERY_MS, t -> sweep());
    }
  }

  @Override
  public void stop() {
    if (sweeper >= 0) {
      vertx.cancelTimer(sweeper);
    }
  }

  /**
   * Removes what simulator identities unused for a day left in Redis, including what was written
   * after their last message; the number of identities removed.
   */
  public Future<Integer> sweep() {
    return identities
        .sweep(System.currentTimeMillis())
        .onFailure(e -> LOG.warn("simulator: removing idle identities failed: {}", e.toString()));
  }

  private static void file(RoutingContext ctx, String type, String text) {
    ctx.response()
        .putHeader("Content-Type", type + "; charset=utf-8")
        .putHeader("Cache-Control", "no-cache")
        .end(text);
  }

  /** A new resident for the page: a fresh identity in the page's cookie. */
  private void newIdentity(RoutingContext ctx) {
    if (!json(ctx)) {
      return;
    }
    identities.issue(ctx);
    ctx.response().setStatusCode(204).end();
  }

  /** Whether the request carries the admin bearer token (staff may name any identity). */
  private boolean staff(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    return header != null
        && header.startsWith("Bearer ")
        && Requests.sameSecret(config.adminToken(), header.substring("Bearer ".length()).strip());
  }

  /** Whether the body is declared JSON; refuses the request otherwise. */
  private static boolean json(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
      // A form or text/plain post from another site must not drive the simulator.
      Requests.refuse(ctx, 415, "Content-Type must be application/json");
      return false;
    }
    return true;
  }

  /** With real channels live, only staff may drive the simulator (it writes real data). */
  private void staffOnly(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (header == null || !header.startsWith("Bearer ")) {
      ctx.response().putHeader("WWW-Authenticate", "Bearer");
      Requests.refuse(
          ctx, 401, "the simulator needs the admin bearer token while real channels are live");
      return;
    }
    if (!Requests.sameSecret(config.adminToken(), header.substring("Bearer ".length()).strip())) {
      Requests.refuse(ctx, 403, "invalid token");
      return;
    }
    ctx.next();
  }

  private void message(RoutingContext ctx) {
    if (!json(ctx)) {
      return;
    }
    JsonObject body;
    try {
      body = ctx.body().asJsonObject();
    } catch (DecodeException | ClassCastException e) {
      Requests.refuse(ctx, 400, "body must be a JSON object");
      return;
    }
    if (body == null) {
      Requests.refuse(ctx, 400, "body must be a JSON object");
      return;
    }
    String f = Identities.of(ctx, body.getValue("from"), staff(ctx));
    if (f == null) {
      return;
    }
    Object text = body.getValue("text", "");
    Object choice = body.getValue("choice");
    Object language = body.getValue("language");
    if (!(text instanceof String t) || (choice != null && !(choice instanceof String))) {
      Requests.refuse(ctx, 400, "text and choice must be strings");
      return;
    }
    if (language != null && !(language instanceof String)) {
      Requests.refuse(ctx, 400, "language must be a string");
      return;
    }
    if (Requests.tooLong(t)) {
      Requests.refuse(ctx, 413, "text is longer than " + Requests.MAX_TEXT + " characters");
      return;
    }
    Inbound in =
        new Inbound(
            ID, f, "web-" + UUID.randomUUID(), t, (String) choice, 0, (String) language, null);
    pipeline
        .handle(in, false)
        .compose(h -> identities.touch(f).map(h))
        .onSuccess(h -> ctx.json(answer(h)))
        .onFailure(e -> Requests.refuse(ctx, 503, "message could not be processed, try again"));
  }

  static JsonObject answer(Handled h) {
    JsonArray replies = new JsonArray();
    for (Outbound o : h.replies()) {
      JsonArray options = new JsonArray();
      o.options()
          .forEach(
              op ->
                  options.add(new JsonObject().put("label", op.label()).put("value", op.value())));
      replies.add(
          new JsonObject()
              .put("text", o.text())
              .put("key", o.key())
              .put("language", o.language())
              .put("options", options));
    }
    JsonObject understood = h.understood() == null ? null : h.understood().toJson();
    return new JsonObject()
        .put("replies", replies)
        .put("understood", understood)
        .put("flow", h.flow())
        .put("step", h.step());
  }

  private void mailbox(RoutingContext ctx) {
    String from = Identities.of(ctx, ctx.queryParams().get("from"), staff(ctx));
    if (from == null) {
      return;
    }
    mailbox
        .take(from)
        .onSuccess(list -> ctx.json(new JsonObject().put("messages", list)))
        .onFailure(e -> Requests.refuse(ctx, 503, "mailbox unavailable"));
  }

  private void dryRun(RoutingContext ctx) {
    redis
        .call(c -> c.lrange(DrySender.LOG_KEY, 0, 49))
        .map(list -> list.stream().map(JsonObject::new).toList())
        .onSuccess(list -> ctx.json(new JsonObject().put("messages", new JsonArray(list))))
        .onFailure(e -> Requests.refuse(ctx, 503, "dry-run log unavailable"));
  }

  private static String resource(String name) {
    try (InputStream in = WebChannel.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Messages the outbox delivers to simulator identities, kept until the page fetches them. */
  static final class Mailbox implements Sender {
    private final Redis redis;

    Mailbox(Redis redis) {
      this.redis = redis;
    }

    static String key(String address) {
      return "simulator:mailbox:" + address;
    }

    @Override
    public String channel() {
      return ID;
    }

    @Override
    public Future<String> send(Outbound m) {
      JsonObject entry =
          new JsonObject().put("text", m.text()).put("key", m.key()).put("language", m.language());
      return redis
          .call(c -> c.rpush(key(m.address()), entry.encode()))
          .compose(n -> redis.call(c -> c.ltrim(key(m.address()), -50, -1)))
          .compose(ok -> redis.call(c -> c.expire(key(m.address()), 24 * 3600)))
          .map(ok -> m.id());
    }

    Future<JsonArray> take(String address) {
      String key = key(address);
      return redis
          .call(c -> c.lrange(key, 0, -1))
          .compose(list -> redis.call(c -> c.del(key)).map(list))
          .map(list -> new JsonArray(list.stream().map(JsonObject::new).toList()));
    }
  }
}
