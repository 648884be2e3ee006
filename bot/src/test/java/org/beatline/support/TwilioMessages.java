package org.beatline.support;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Twilio's record of the messages it took, as the stand-in sees it: every create that it answers
 * 201 is kept from the moment it arrives (as Twilio keeps a message before it answers), and {@code
 * GET Messages.json} lists them newest first, filtered by {@code To} and {@code From}.
 */
public final class TwilioMessages implements ResponseDefinitionTransformerV2 {
  private static final DateTimeFormatter RFC_2822 =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US);
  private static final AtomicLong SIDS = new AtomicLong();
  private final List<Map<String, String>> taken = new ArrayList<>();

  @Override
  public String getName() {
    return "twilio-messages";
  }

  @Override
  public boolean applyGlobally() {
    return true;
  }

  @Override
  public ResponseDefinition transform(ServeEvent event) {
    Request request = event.getRequest();
    ResponseDefinition answer = event.getResponseDefinition();
    if (!request.getUrl().startsWith(Providers.MESSAGES)) {
      return answer;
    }
    if (RequestMethod.POST.equals(request.getMethod()) && answer.getStatus() == 201) {
      Map<String, String> form = form(request.getBodyAsString());
      form.put("sid", "SM%032d".formatted(SIDS.incrementAndGet()));
      form.put("created", ZonedDateTime.now(ZoneOffset.UTC).format(RFC_2822));
      synchronized (taken) {
        taken.add(form);
      }
      return answer;
    }
    if (RequestMethod.GET.equals(request.getMethod())) {
      return ResponseDefinitionBuilder.like(answer)
          .withStatus(200)
          .withHeader("Content-Type", "application/json")
          .withBody(list(param(request, "To"), param(request, "From")).encode())
          .build();
    }
    return answer;
  }

  /** The texts taken so far, in the order they arrived. */
  public List<String> texts() {
    synchronized (taken) {
      return taken.stream().map(m -> m.get("Body")).toList();
    }
  }

  /** How many creates were taken so far. */
  public int count() {
    synchronized (taken) {
      return taken.size();
    }
  }

  private JsonObject list(String to, String from) {
    JsonArray messages = new JsonArray();
    synchronized (taken) {
      for (int i = taken.size() - 1; i >= 0; i--) {
        Map<String, String> m = taken.get(i);
        if ((to == null || to.equals(m.get("To")))
            && (from == null || from.equals(m.get("From")))) {
          messages.add(
              new JsonObject()
                  .put("sid", m.get("sid"))
                  .put("account_sid", Running.SID)
                  .put("to", m.get("To"))
                  .put("from", m.get("From"))
                  .put("body", m.get("Body"))
                  .put("status", "sent")
                  .put("direction", "outbound-api")
                  .put("date_created", m.get("created")));
        }
      }
    }
    String uri = Providers.MESSAGES + "?PageSize=50&Page=0";
    return new JsonObject()
        .put("messages", messages)
        .put("uri", uri)
        .put("first_page_uri", uri)
        .put("next_page_uri", null)
        .put("previous_page_uri", null)
        .put("page", 0)
        .put("page_size", 50)
        .put("start", 0)
        .put("end", messages.size());
  }

  private static String param(Request request, String name) {
    QueryParameter p = request.queryParameter(name);
    return p.isPresent() ? p.firstValue() : null;
  }

  private static Map<String, String> form(String body) {
    Map<String, String> out = new HashMap<>();
    for (String pair : body.split("&")) {
      String[] kv = pair.split("=", 2);
      out.put(kv[0], kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
    }
    return out;
  }
}
