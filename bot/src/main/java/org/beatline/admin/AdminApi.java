package org.beatline.admin;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
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
 * The staff API under {@code /api/v1}, behind a bearer token: what the bot understands of a text,
 * what residents asked that it could not answer, and the consent ledger. Its OpenAPI document is
 * served at {@code /api/v1/openapi.yaml}.
 */
public final class AdminApi {
  static final String BASE = "/api/v1";
  private final String token;
  private final Understanding understanding;
  private final Unrecognized unrecognized;
  private final ConsentLedger ledger;
  private final String openapi;

  public AdminApi(
      String token, Understanding understanding, Unrecognized unrecognized, ConsentLedger ledger) {
    this.token = token;
    this.understanding = understanding;
    this.unrecognized = unrecognized;
    this.ledger = ledger;
    this.openapi = resource("admin/openapi.yaml");
  }

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
    router.route(BASE + "/*").handler(this::authorised);
    router.post(BASE + "/nlu/parse").handler(Requests.body()).handler(this::parse);
    router.get(BASE + "/nlu/unrecognized").handler(this::unrecognized);
    router.get(BASE + "/consent").handler(this::consent);
  }

  private void authorised(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (header == null || !header.startsWith("Bearer ")) {
      ctx.response().putHeader("WWW-Authenticate", "Bearer");
      Requests.refuse(ctx, 401, "a bearer token is required");
      return;
    }
    if (!Requests.sameSecret(token, header.substring("Bearer ".length()).strip())) {
      Requests.refuse(ctx, 403, "invalid token");
      return;
    }
    ctx.next();
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
    int limit = limit(ctx, 50, 1000);
    if (limit < 0) {
      return;
    }
    unrecognized
        .recent(limit)
        .onSuccess(list -> ctx.json(new JsonObject().put("messages", new JsonArray(list))))
        .onFailure(e -> Requests.refuse(ctx, 503, "store unavailable"));
  }

  private void consent(RoutingContext ctx) {
    int limit = limit(ctx, 100, 1000);
    if (limit < 0) {
      return;
    }
    ledger
        .recent(limit)
        .onSuccess(
            entries -> {
              JsonArray out = new JsonArray();
              entries.forEach(
                  e ->
                      out.add(
                          new JsonObject()
                              .put("id", e.id())
                              .put("at", e.at().toString())
                              .put("channel", e.channel())
                              .put("addressHash", e.addressHash())
                              .put("change", e.change())
                              .put("reason", e.reason())
                              .put("topic", e.topic())));
              ctx.json(new JsonObject().put("entries", out));
            })
        .onFailure(e -> Requests.refuse(ctx, 503, "store unavailable"));
  }

  /** The {@code limit} query parameter, or -1 after refusing a bad one. */
  private static int limit(RoutingContext ctx, int fallback, int max) {
    String raw = ctx.queryParams().get("limit");
    if (raw == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(raw);
      if (n >= 1 && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    Requests.refuse(ctx, 400, "limit must be a whole number from 1 to " + max);
    return -1;
  }

  private static String resource(String name) {
    try (InputStream in = AdminApi.class.getClassLoader().getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException | NullPointerException e) {
      throw new UncheckedIOException(new IOException("missing resource " + name));
    }
  }
}
