package org.beatline.channel;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.beatline.support.Running.eventually;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.util.Map;
import org.beatline.support.Providers;
import org.beatline.support.Running;
import org.junit.jupiter.api.Test;

class TelegramPollingTest {
  @Test
  void pollingModeFetchesUpdatesAndAnswersThem() {
    WireMockServer providers = Providers.start();
    String getUpdates = "(?i)/bot" + Running.BOT_TOKEN + "/getupdates";
    providers.stubFor(
        any(urlPathMatching(getUpdates))
            .inScenario("poll")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"ok\":true,\"result\":[{\"update_id\":900001,\"message\":{\"message_id\":1,"
                            + "\"date\":1700000000,\"text\":\"xin chào\",\"chat\":{\"id\":4242,"
                            + "\"type\":\"private\"},\"from\":{\"id\":4242,\"is_bot\":false,"
                            + "\"first_name\":\"Lan\"}}}]}"))
            .willSetStateTo("drained"));
    providers.stubFor(
        any(urlPathMatching(getUpdates))
            .inScenario("poll")
            .whenScenarioStateIs("drained")
            .willReturn(
                aResponse()
                    .withFixedDelay(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"ok\":true,\"result\":[]}")));
    // Long polling first clears any webhook.
    providers.stubFor(
        any(urlPathMatching("(?i)/bot" + Running.BOT_TOKEN + "/deletewebhook"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"ok\":true,\"result\":true}")));
    try (Running beatline =
        Running.start(providers, Map.of("TELEGRAM_MODE", "polling"), Running::fastOutbox)) {
      eventually(
          () ->
              assertThat(
                      providers.findAll(
                          postRequestedFor(urlPathMatching(Providers.SEND_MESSAGE))
                              .withRequestBody(containing("\"chat_id\":\"4242\""))))
                  .hasSize(1));
    } finally {
      providers.stop();
    }
  }
}
