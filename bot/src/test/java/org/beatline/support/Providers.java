package org.beatline.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** WireMock standing in for Twilio and Telegram, and what real requests from them look like. */
public final class Providers {
  public static final String MESSAGES = "/2010-04-01/Accounts/" + Running.SID + "/Messages.json";
  public static final String SEND_MESSAGE = "(?i)/bot" + Running.BOT_TOKEN + "/sendmessage";
  public static final String ANSWER_CALLBACK =
      "(?i)/bot" + Running.BOT_TOKEN + "/answercallbackquery";
  private static final AtomicInteger SIDS = new AtomicInteger();

  private Providers() {}

  public static WireMockServer start() {
    return start(options());
  }

  /** The stand-ins' configuration, for a test that needs more of them (threads, async delays). */
  public static WireMockConfiguration options() {
    return WireMockConfiguration.options().dynamicPort().extensions(new TwilioMessages());
  }

  public static WireMockServer start(WireMockConfiguration options) {
    WireMockServer server = new WireMockServer(options);
    server.start();
    stubAccepting(server);
    return server;
  }

  /** Twilio and Telegram accept everything; Twilio lists what it took ({@link TwilioMessages}). */
  public static void stubAccepting(WireMockServer server) {
    server.resetAll();
    server.stubFor(twilioCreate().willReturn(twilioCreated()));
    server.stubFor(get(urlPathEqualTo(MESSAGES)).willReturn(aResponse().withStatus(200)));
    server.stubFor(
        post(urlPathMatching(SEND_MESSAGE))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"ok\":true,\"result\":{\"message_id\":7,\"date\":1700000000,"
                            + "\"chat\":{\"id\":42,\"type\":\"private\"}}}")));
    server.stubFor(
        post(urlPathMatching(ANSWER_CALLBACK))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"ok\":true,\"result\":true}")));
  }

  public static MappingBuilder twilioCreate() {
    return post(urlPathEqualTo(MESSAGES));
  }

  public static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder twilioCreated() {
    return aResponse()
        .withStatus(201)
        .withHeader("Content-Type", "application/json")
        .withBody(
            "{\"sid\":\"SM%032d\",\"status\":\"queued\",\"account_sid\":\"%s\"}"
                .formatted(SIDS.incrementAndGet(), Running.SID));
  }

  /** A Twilio error response as the API sends it. */
  public static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder twilioError(
      int status, int code, String message) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(
            "{\"code\":%d,\"message\":\"%s\",\"more_info\":\"https://www.twilio.com/docs/errors/%d\",\"status\":%d}"
                .formatted(code, message, code, status));
  }

  /** The signature Twilio puts in X-Twilio-Signature: HMAC-SHA1 of URL and sorted parameters. */
  public static String twilioSignature(String url, Map<String, String> params) {
    StringBuilder data = new StringBuilder(url);
    new TreeMap<>(params).forEach((k, v) -> data.append(k).append(v));
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(Running.TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      return Base64.getEncoder()
          .encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The form fields of an inbound SMS as Twilio posts them. */
  public static Map<String, String> sms(String sid, String from, String body) {
    return Map.of(
        "MessageSid", sid,
        "SmsSid", sid,
        "AccountSid", Running.SID,
        "From", from,
        "To", Running.FROM,
        "Body", body,
        "NumMedia", "0");
  }
}
