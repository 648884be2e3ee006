package org.beatline.channel.twilio;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.net.URI;
import java.time.Duration;
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
 * 21610 means the recipient replied STOP to the carrier, other 4xx are permanent.
 */
final class TwilioSender implements Sender {
  /** Twilio error codes that mean the number can never receive from us as things stand. */
  static final Set<Integer> OPTED_OUT = Set.of(21610);

  private static final ThreadLocal<Duration> RETRY_AFTER = new ThreadLocal<>();
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
            .httpClient(new NetworkHttpClient(httpClient(apiBase, concurrency)))
            .build();
  }

  private static HttpClientBuilder httpClient(String apiBase, int concurrency) {
    PoolingHttpClientConnectionManager pool = new PoolingHttpClientConnectionManager();
    pool.setMaxTotal(concurrency);
    pool.setDefaultMaxPerRoute(concurrency);
    HttpClientBuilder builder =
        HttpClients.custom().useSystemProperties().setConnectionManager(pool);
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
      throw SendFailure.retryable("connection", e.getMessage(), null);
    }
  }

  private MessageCreator creator(Outbound m) {
    PhoneNumber to = new PhoneNumber(m.address());
    if (from.startsWith("MG")) {
      return Message.creator(to, from, m.text());
    }
    boolean whatsapp = m.address().startsWith("whatsapp:");
    String sender = whatsapp && !from.startsWith("whatsapp:") ? "whatsapp:" + from : from;
    return Message.creator(to, new PhoneNumber(sender), m.text());
  }

  static SendFailure classify(ApiException e, Duration retryAfter) {
    Integer status = e.getStatusCode();
    Integer code = e.getCode();
    String id = code != null ? code.toString() : String.valueOf(status);
    if (code != null && OPTED_OUT.contains(code)) {
      return SendFailure.optedOut(id, e.getMessage());
    }
    if (status == null || status == 429 || status >= 500) {
      return SendFailure.retryable(id, e.getMessage(), retryAfter);
    }
    return SendFailure.permanent(id, e.getMessage());
  }
}
