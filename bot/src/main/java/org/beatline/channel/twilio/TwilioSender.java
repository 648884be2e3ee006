package org.beatline.channel.twilio;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.beatline.i18n.SmsText;
import org.beatline.message.Outbound;
import org.beatline.message.SendFailure;
import org.beatline.message.Sender;

/**
 * Sends through Twilio's Messages API (a form POST to {@code Accounts/{sid}/Messages.json}) with
 * Vert.x's web client, on the event loop, against the configured API base. Errors are classified
 * for the outbox: 429 and 5xx are retried, 21610 means the recipient replied STOP to the carrier,
 * other 4xx are permanent.
 *
 * <p>Not the Twilio SDK: it blocks a thread per request in flight and spent about 0.2 ms of CPU on
 * each send (its request building, Apache's client, Jackson), as much as the rest of the outbox,
 * Redis included; this takes about half of that. The SDK still validates webhook signatures, and
 * the outbox alone retries (the SDK also retried every 5xx three times itself).
 */
final class TwilioSender implements Sender {
  /** Twilio error codes that mean the number can never receive from us as things stand. */
  static final Set<Integer> OPTED_OUT = Set.of(21610);

  private static final long CONNECT_TIMEOUT_MS = 10_000;
  private static final long IDLE_TIMEOUT_MS = 30_500;
  private final WebClient client;
  private final String url;
  private final String sid;
  private final String token;
  private final String from;
  private final String statusCallback;

  /** A sender with {@code concurrency} connections to Twilio at most. */
  TwilioSender(
      Vertx vertx,
      String sid,
      String token,
      String from,
      String apiBase,
      String callback,
      int concurrency) {
    this.client =
        WebClient.create(
            vertx,
            new WebClientOptions()
                .setConnectTimeout((int) CONNECT_TIMEOUT_MS)
                .setUserAgent("beatline (Twilio Messages API)"),
            new PoolOptions().setHttp1MaxSize(concurrency));
    this.url = apiBase + "/2010-04-01/Accounts/" + sid + "/Messages.json";
    this.sid = sid;
    this.token = token;
    this.from = from;
    this.statusCallback = callback;
  }

  @Override
  public String channel() {
    return TwilioChannel.ID;
  }

  @Override
  public List<String> split(Outbound m) {
    // WhatsApp carries long messages whole; SMS is split where words end.
    return m.address().startsWith("whatsapp:") ? List.of(m.text()) : SmsText.split(m.text());
  }

  @Override
  public Future<String> send(Outbound m) {
    return client
        .postAbs(url)
        .basicAuthentication(sid, token)
        .putHeader("Accept", "application/json")
        .idleTimeout(IDLE_TIMEOUT_MS)
        .sendForm(form(m))
        .recover(e -> Future.failedFuture(SendFailure.retryable("connection", e.toString(), null)))
        .compose(TwilioSender::created);
  }

  /** The parameters of a create-message request, as the Messages API names them. */
  private MultiMap form(Outbound m) {
    MultiMap form = MultiMap.caseInsensitiveMultiMap();
    form.add("To", m.address());
    if (from.startsWith("MG")) {
      form.add("MessagingServiceSid", from);
    } else {
      boolean whatsapp = m.address().startsWith("whatsapp:");
      form.add("From", whatsapp && !from.startsWith("whatsapp:") ? "whatsapp:" + from : from);
    }
    form.add("Body", m.text());
    form.add("StatusCallback", statusCallback);
    return form;
  }

  private static Future<String> created(HttpResponse<Buffer> response) {
    JsonObject body = json(response);
    int status = response.statusCode();
    if (status / 100 == 2) {
      String id = body.getString("sid");
      return id != null
          ? Future.succeededFuture(id)
          : Future.failedFuture(SendFailure.retryable(String.valueOf(status), "no sid", null));
    }
    Integer code = body.getValue("code") instanceof Number n ? n.intValue() : null;
    String message = body.getString("message", response.statusMessage());
    return Future.failedFuture(
        classify(status, code, message, seconds(response.getHeader("Retry-After"))));
  }

  private static JsonObject json(HttpResponse<Buffer> response) {
    try {
      JsonObject body = response.bodyAsJsonObject();
      return body == null ? new JsonObject() : body;
    } catch (RuntimeException e) {
      return new JsonObject(); // a proxy's HTML error page: the status says enough
    }
  }

  private static Duration seconds(String value) {
    try {
      return value == null ? null : Duration.ofSeconds(Long.parseLong(value.trim()));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static SendFailure classify(int status, Integer code, String message, Duration retryAfter) {
    String id = code != null ? code.toString() : String.valueOf(status);
    if (code != null && OPTED_OUT.contains(code)) {
      return SendFailure.optedOut(id, message);
    }
    if (status == 429 || status >= 500) {
      return SendFailure.retryable(id, message, retryAfter);
    }
    return SendFailure.permanent(id, message);
  }
}
