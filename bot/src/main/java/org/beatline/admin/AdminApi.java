package org.beatline.admin;

import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.beatline.contact.ConsentLedger;
import org.beatline.http.Requests;
import org.beatline.message.Understanding;
import org.beatline.pipeline.Unrecognized;

/**
 * The staff API under {@code /api/v1}: its OpenAPI document, public at {@code
 * /api/v1/openapi.yaml}; who may call the rest ({@link Access}); what the bot understands of a
 * text, what residents asked that it could not answer, and the consent ledger.
 */
public final class AdminApi {
  static final String BASE = "/api/v1";
  private final Access access;
  private final Understanding understanding;
  private final Unrecognized unrecognized;
  private final ConsentLedger ledger;
  private final String openapi;
  private final Contract contract;

  public AdminApi(
      Vertx vertx,
      Access access,
      Understanding understanding,
      Unrecognized unrecognized,
      ConsentLedger ledger) {
    this.access = access;
    this.understanding = understanding;
    this.unrecognized = unrecognized;
    this.ledger = ledger;
    this.openapi = resource("admin/openapi.yaml");
    this.contract = new Contract(vertx, openapi);
  }

  /** The public document, then who is calling for every other route under {@code /api/v1}. */
  public void routes(Router router) {
    router
        .get(BASE + "/openapi.yaml")
        .handler(ctx -> ctx.response().putHeader("Content-Type", "application/yaml").end(openapi));
    router
        .route(BASE + "/*")
        .handler(
            ctx -> {
              // Staff data is never kept by browsers or proxies.
              ctx.response().putHeader("Cache-Control", "no-store");
              ctx.next();
            });
    router.route(BASE + "/*").handler(access::authenticate);
    router.route(BASE + "/*").handler(Requests.body()).handler(contract::check);
    router.post(BASE + "/nlu/parse").handler(Requests.body()).handler(this::parse);
    router.get(BASE + "/nlu/unrecognized").handler(this::unrecognized);
    router.get(BASE + "/consent").handler(this::consent);
  }

  private void parse(RoutingContext ctx) {
    JsonObject body;
    try {
      body = ctx.body().asJsonObject();
    } catch (DecodeException | ClassCastException e) {
      body = null;
    }
    if (body == null || !(body.getValue("text") instanceof String text)) {
      Requests.refuse(ctx, 400, "body must be a JSON object with a string \"text\"");
      return;
    }
    if (Requests.tooLong(text)) {
      Requests.refuse(ctx, 413, "text is longer than " + Requests.MAX_TEXT + " characters");
      return;
    }
    Object language = body.getValue("language");
    if (language != null && !(language instanceof String)) {
      Requests.refuse(ctx, 400, "language must be a string");
      return;
    }
    ctx.json(understanding.understand(text, (String) language).toJson());
  }

  private void unrecognized(RoutingContext ctx) {
    Page page = Page.of(ctx);
    if (page == null) {
      return;
    }
    int offset = page.offset();
    if (offset < 0) {
      Requests.refuse(ctx, 400, "cursor: not a cursor this list gave");
      return;
    }
    unrecognized
        .recent(offset, page.limit())
        .onSuccess(
            list ->
                ctx.json(
                    Page.answer(
                        list,
                        list.size() < page.limit()
                            ? null
                            : Integer.toString(offset + list.size()))))
        .onFailure(e -> Requests.refuse(ctx, 503, "store unavailable"));
  }

  private void consent(RoutingContext ctx) {
    Page page = Page.of(ctx);
    if (page == null || !page.streamCursor(ctx)) {
      return;
    }
    ledger
        .recent(page.cursor(), page.limit())
        .onSuccess(entries -> ctx.json(page.answer(entries, AdminApi::json, e -> e.id())))
        .onFailure(e -> Requests.refuse(ctx, 503, "store unavailable"));
  }

  private static JsonObject json(ConsentLedger.Entry e) {
    return new JsonObject()
        .put("id", e.id())
        .put("at", e.at().toString())
        .put("channel", e.channel())
        .put("addressHash", e.addressHash())
        .put("change", e.change())
        .put("reason", e.reason())
        .put("topic", e.topic());
  }

  private static String resource(String name) {
    try (InputStream in = AdminApi.class.getClassLoader().getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException | NullPointerException e) {
      throw new UncheckedIOException(new IOException("missing resource " + name));
    }
  }
}
