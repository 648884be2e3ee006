package org.beatline.channel.twilio;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.rest.api.v2010.account.MessageReader;
import com.twilio.type.PhoneNumber;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.beatline.i18n.SmsText;
import org.beatline.message.Outbound;
import org.beatline.message.SendFailure;
import org.beatline.message.Sender;

/**
 * Sends through Twilio's Messages API with the official SDK, on a worker thread (the SDK blocks),
 * against the configured API base. Errors are classified for the outbox: 429 and 5xx are retried,
 * 21610 means the recipient replied STOP to the carrier, other 4xx are permanent. Whether Twilio
 * already has a message is looked up in its list of messages to the recipient.
 */
final class TwilioSender implements Sender {
  /** Twilio error codes that mean the number can never receive from us as things stand. */
  static final Set<Integer> OPTED_OUT = Set.of(21610);

  private static final ThreadLocal<Duration> RETRY_AFTER = new ThreadLocal<>();
  // Twilio's creation times are whole seconds, and clocks differ a little: a message created that
  // much before it was queued still counts. Less errs towards sending again, more towards taking an
  // earlier identical text for this one.
  private static final Duration CLOCK_SKEW = Duration.ofSeconds(2);
  // The newest messages to the recipient searched for one: a resident gets few between a crash and
  // the takeover of what it left.
  private static final long LOOK_BACK = 50;
  private final WorkerExecutor workers;
  private final TwilioRestClient client;
  private final String from;
  private final String statusCallback;
  private final int concurrency;

  /**
   * A sender with {@code concurrency} requests in flight at most: as many worker threads (the SDK
   * blocks) and as many pooled connections, so that the outbox's window is not cut to the HTTP
   * client's default of five connections.
   */
  TwilioSender(
      Vertx vertx,
      String sid,
      String token,
      String from,
      String apiBase,
      String callback,
      int concurrency) {
    this.workers = vertx.createSharedWorkerExecutor("twilio-sends", concurrency);
    this.concurrency = concurrency;
    this.from = from;
    this.statusCallback = callback;
    this.client =
        new TwilioRestClient.Builder(sid, token)
            .httpClient(new SingleTry(httpClient(apiBase, concurrency)))
            .build();
  }

  private static HttpClientBuilder httpClient(String apiBase, int concurrency) {
    PoolingHttpClientConnectionManager pool = new PoolingHttpClientConnectionManager();
    pool.setMaxTotal(concurrency);
    pool.setDefaultMaxPerRoute(concurrency);
    // The outbox retries, at its rate and after Twilio's Retry-After; the HTTP client's own retry
    // of
    // a 429 or 503 would send again out of pace and behind the outbox's back.
    HttpClientBuilder builder =
        HttpClients.custom()
            .useSystemProperties()
            .setConnectionManager(pool)
            .disableAutomaticRetries();
    URI base = URI.create(apiBase);
    if (!"api.twilio.com".equals(base.getHost())) {
      // The SDK always addresses api.twilio.com; route its requests to the configured base instead.
      int port = base.getPort() > 0 ? base.getPort() : "https".equals(base.getScheme()) ? 443 : 80;
      HttpHost target = new HttpHost(base.getScheme(), base.getHost(), port);
      builder.setRoutePlanner((host, context) -> new HttpRoute(target));
    }
    // The SDK's exceptions carry no headers, so Retry-After is kept for the calling thread here.
    builder.addResponseInterceptorLast(
        (response, entity, context) -> {
          Header h = response.getFirstHeader("Retry-After");
          RETRY_AFTER.set(h == null ? null : seconds(h.getValue()));
        });
    return builder;
  }

  /**
   * The SDK's client, making each request once: the SDK itself would repeat a request that met a
   * 5xx up to three times, 100 ms apart, out of the outbox's pace.
   */
  private static final class SingleTry extends NetworkHttpClient {
    SingleTry(HttpClientBuilder builder) {
      super(builder);
    }

    @Override
    public Response reliableRequest(Request request) {
      return makeRequest(request);
    }
  }

  private static Duration seconds(String value) {
    try {
      return Duration.ofSeconds(Long.parseLong(value.trim()));
    } catch (NumberFormatException e) {
      return null;
    }
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

  /**
   * As many as there are worker threads: a send queued behind them could outlive the outbox's
   * timeout and still go out after the outbox had retried it, sending it twice.
   */
  @Override
  public int concurrency() {
    return concurrency;
  }

  @Override
  public Future<String> send(Outbound m) {
    return workers.executeBlocking(() -> create(m), false);
  }

  private String create(Outbound m) {
    RETRY_AFTER.remove();
    try {
      return creator(m).setStatusCallback(URI.create(statusCallback)).create(client).getSid();
    } catch (ApiException e) {
      throw classify(e, RETRY_AFTER.get());
    } catch (ApiConnectionException e) {
      throw SendFailure.unanswered("connection", e.getMessage(), null);
    }
  }

  private MessageCreator creator(Outbound m) {
    PhoneNumber to = new PhoneNumber(m.address());
    if (from.startsWith("MG")) {
      return Message.creator(to, from, m.text());
    }
    return Message.creator(to, new PhoneNumber(sender(m)), m.text());
  }

  /** The number a message to {@code m}'s recipient is sent from (not a Messaging Service). */
  private String sender(Outbound m) {
    boolean whatsapp = m.address().startsWith("whatsapp:");
    return whatsapp && !from.startsWith("whatsapp:") ? "whatsapp:" + from : from;
  }

  /**
   * Looks for the message among the newest Twilio holds to its recipient (from our number, unless a
   * Messaging Service picks it): the same text, created since it was queued. A text Twilio changed
   * on its way (a Messaging Service's smart encoding) is not recognised, and is sent again.
   */
  @Override
  public Future<String> find(Outbound m, long since) {
    return workers.executeBlocking(() -> lookUp(m, since), false);
  }

  private String lookUp(Outbound m, long since) {
    ZonedDateTime after = Instant.ofEpochMilli(since).minus(CLOCK_SKEW).atZone(ZoneOffset.UTC);
    MessageReader reader =
        Message.reader().setTo(new PhoneNumber(m.address())).setPageSize(LOOK_BACK);
    if (!from.startsWith("MG")) {
      reader.setFrom(new PhoneNumber(sender(m)));
    }
    RETRY_AFTER.remove();
    try {
      for (Message sent : reader.firstPage(client).getRecords()) {
        boolean recent = sent.getDateCreated() == null || !sent.getDateCreated().isBefore(after);
        if (recent && m.text().equals(sent.getBody())) {
          return sent.getSid();
        }
      }
      return null;
    } catch (ApiException e) {
      throw classify(e, RETRY_AFTER.get());
    } catch (ApiConnectionException e) {
      throw SendFailure.retryable("connection", e.getMessage(), null);
    }
  }

  static SendFailure classify(ApiException e, Duration retryAfter) {
    Integer status = e.getStatusCode();
    Integer code = e.getCode();
    String id = code != null ? code.toString() : String.valueOf(status);
    if (code != null && OPTED_OUT.contains(code)) {
      return SendFailure.optedOut(id, e.getMessage());
    }
    // No status: the connection broke before Twilio answered.
    if (status == null || status >= 500) {
      return SendFailure.unanswered(id, e.getMessage(), retryAfter);
    }
    if (status == 429) {
      return SendFailure.retryable(id, e.getMessage(), retryAfter);
    }
    return SendFailure.permanent(id, e.getMessage());
  }
}
