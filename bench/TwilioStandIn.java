import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.Json;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback stand-in for Twilio's Messages API, in its own process: answers every message create
 * with {@code 201} and a JSON message carrying a {@code sid}, after a set delay, and counts what it
 * received. {@code GET /stats} answers {@code delivered firstMillis lastMillis} (epoch
 * milliseconds of the first and last delivery), so that a script can tell when a backlog has
 * drained; {@code POST /reset} starts the count again.
 *
 * <p>Run by {@code bench/webhooks}: {@code java -cp beatline.jar bench/TwilioStandIn.java
 * --delay-ms 0 --port-file FILE}.
 */
public final class TwilioStandIn {
  static final String SID = "AC" + "0123456789abcdef0123456789abcdef";

  private final Vertx vertx;
  private final long delayMs;
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong first = new AtomicLong();
  private final AtomicLong last = new AtomicLong();
  private final AtomicLong sids = new AtomicLong();

  private TwilioStandIn(Vertx vertx, long delayMs) {
    this.vertx = vertx;
    this.delayMs = delayMs;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> o = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    long delay = Long.parseLong(o.getOrDefault("delay-ms", "0"));
    Vertx vertx = Vertx.vertx();
    TwilioStandIn standIn = new TwilioStandIn(vertx, delay);
    int port =
        vertx
            .createHttpServer(new HttpServerOptions().setHost("127.0.0.1"))
            .requestHandler(standIn::handle)
            .listen(Integer.parseInt(o.getOrDefault("port", "0")))
            .await()
            .actualPort();
    if (o.containsKey("port-file")) {
      Files.writeString(Path.of(o.get("port-file")), Integer.toString(port));
    }
    System.out.printf("Twilio stand-in on 127.0.0.1:%d, answering after %d ms%n", port, delay);
  }

  private void handle(HttpServerRequest req) {
    if (req.path().equals("/stats")) {
      req.response().end(delivered.get() + " " + first.get() + " " + last.get() + "\n");
      return;
    }
    if (req.path().equals("/reset")) {
      delivered.set(0);
      first.set(0);
      last.set(0);
      req.response().end("reset\n");
      return;
    }
    if (!req.path().endsWith("/Messages.json") || !req.method().name().equals("POST")) {
      req.response().setStatusCode(404).end();
      return;
    }
    req.body()
        .onSuccess(
            buffer -> {
              Map<String, String> form = form(buffer.toString());
              long now = System.currentTimeMillis();
              first.compareAndSet(0, now);
              last.set(now);
              delivered.incrementAndGet();
              String json =
                  "{\"account_sid\":\"%s\",\"api_version\":\"2010-04-01\",\"body\":%s,"
                          .formatted(SID, Json.encode(form.get("Body")))
                      + "\"date_created\":\"Thu, 30 Jul 2015 20:12:31 +0000\","
                      + "\"direction\":\"outbound-api\",\"from\":%s,\"num_segments\":\"1\","
                          .formatted(Json.encode(form.get("From")))
                      + "\"sid\":\"SM%032x\",\"status\":\"queued\",\"to\":%s}"
                          .formatted(sids.incrementAndGet(), Json.encode(form.get("To")));
              Runnable answer =
                  () ->
                      req.response()
                          .setStatusCode(201)
                          .putHeader("Content-Type", "application/json")
                          .end(json);
              if (delayMs > 0) {
                vertx.setTimer(delayMs, t -> answer.run());
              } else {
                answer.run();
              }
            });
  }

  static Map<String, String> form(String body) {
    Map<String, String> out = new HashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        out.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }
}
