package org.beatline.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.beatline.support.Providers;
import org.beatline.support.Running;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With real channels live the simulator writes real data: it is off unless switched on, and then it
 * answers only requests carrying the admin bearer token.
 */
class SimulatorAccessTest {
  static WireMockServer providers;
  static Running on;
  static Running off;

  @BeforeAll
  static void start() {
    providers = Providers.start();
    on = Running.start(providers, Map.of("SIMULATOR", "on"), Running::fastOutbox);
    off = Running.live(providers);
  }

  @AfterAll
  static void stop() {
    on.close();
    off.close();
    providers.stop();
  }

  static JsonObject hello() {
    return new JsonObject().put("from", "tester-1").put("text", "hello");
  }

  @Test
  void inProductionTheSimulatorIsOffUnlessSwitchedOn() {
    assertThat(off.http.get("/simulator").send().await().statusCode()).isEqualTo(404);
    assertThat(
            off.http.post("/api/simulator/messages").sendJsonObject(hello()).await().statusCode())
        .isEqualTo(404);
    assertThat(off.http.get("/api/simulator/dry-run").send().await().statusCode()).isEqualTo(404);
  }

  @Test
  void switchedOnInProductionItNeedsTheAdminToken() {
    var noToken = on.http.post("/api/simulator/messages").sendJsonObject(hello()).await();
    assertThat(noToken.statusCode()).isEqualTo(401);
    var wrong =
        on.http
            .post("/api/simulator/messages")
            .putHeader("Authorization", "Bearer not-the-token-at-all")
            .sendJsonObject(hello())
            .await();
    assertThat(wrong.statusCode()).isEqualTo(403);
    assertThat(on.http.get("/api/simulator/messages?from=tester-1").send().await().statusCode())
        .isEqualTo(401);

    JsonObject answer = on.say("tester-" + System.nanoTime(), "hello");
    assertThat(answer.getJsonArray("replies")).isNotEmpty();
  }

  @Test
  void aCrossSitePostAsTextPlainIsRefused() {
    var plain =
        on.http
            .post("/api/simulator/messages")
            .putHeader("Authorization", Running.ADMIN)
            .putHeader("Content-Type", "text/plain")
            .sendBuffer(io.vertx.core.buffer.Buffer.buffer(hello().encode()))
            .await();
    assertThat(plain.statusCode()).isEqualTo(415);
  }
}
