package org.beatline.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** What every route answers the same way: reasons for refusals, limits on what it accepts. */
public final class Requests {
  /** The longest text Beatline accepts in one inbound message. */
  public static final int MAX_TEXT = 1600;

  /** The largest request body any webhook accepts. */
  public static final long MAX_BODY = 64 * 1024;

  private Requests() {}

  /**
   * Whether a message's text is longer than {@link #MAX_TEXT} characters, counted as people and
   * Twilio count them (code points), so that 1,600 emoji are accepted.
   */
  public static boolean tooLong(String text) {
    return text.length() > MAX_TEXT && text.codePointCount(0, text.length()) > MAX_TEXT;
  }

  /** Ends the request with a status and a JSON reason, never a stack trace. */
  public static void refuse(RoutingContext ctx, int status, String reason) {
    if (ctx.response().ended()) {
      return;
    }
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("error", reason).encode());
  }

  /**
   * The body handler every webhook uses: refuses a declared length over {@link #MAX_BODY} before
   * reading anything, and stops reading an undeclared one at the same limit.
   */
  public static io.vertx.core.Handler<RoutingContext> body() {
    io.vertx.ext.web.handler.BodyHandler reader =
        io.vertx.ext.web.handler.BodyHandler.create(false).setBodyLimit(MAX_BODY);
    return ctx -> {
      String length = ctx.request().getHeader("Content-Length");
      if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > MAX_BODY) {
        refuse(ctx, 413, "request body is larger than 64 KiB");
        return;
      }
      reader.handle(ctx);
    };
  }

  /** Compares secrets in constant time. */
  public static boolean sameSecret(String expected, String given) {
    if (expected == null || given == null) {
      return false;
    }
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }
}
