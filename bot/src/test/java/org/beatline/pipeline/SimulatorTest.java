package org.beatline.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.Map;
import org.beatline.support.Running;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SimulatorTest {
  static Running beatline;

  @BeforeAll
  static void start() {
    beatline = Running.start(null, Map.of(), Running::fastOutbox);
  }

  @AfterAll
  static void stop() {
    beatline.close();
  }

  @Test
  void pageIsServed() {
    HttpResponse<Buffer> page = beatline.http.get("/simulator").send().await();
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.getHeader("Content-Type")).startsWith("text/html");
    assertThat(page.bodyAsString()).contains("/simulator/simulator.js").contains("dir=\"auto\"");
    HttpResponse<Buffer> script = beatline.http.get("/simulator/simulator.js").send().await();
    assertThat(script.getHeader("Content-Type")).startsWith("text/javascript");
    assertThat(script.bodyAsString()).contains("/api/simulator/messages");
  }

  @Test
  void messageIsAnsweredWithRepliesUnderstandingAndFlow() {
    JsonObject body = beatline.simulate("sim-answer", "hola").bodyAsJsonObject();
    JsonObject reply = body.getJsonArray("replies").getJsonObject(0);
    assertThat(reply.getString("text")).isNotBlank();
    assertThat(reply.getString("key")).isEqualTo("welcome");
    assertThat(reply.getString("language")).isEqualTo("es");
    assertThat(body.getJsonObject("understood").getString("language")).isEqualTo("es");
    assertThat(body.getJsonObject("understood").containsKey("intent")).isTrue();
    assertThat(body.getJsonObject("understood").containsKey("confidence")).isTrue();
    assertThat(body.getString("flow")).isNotBlank();
  }

  @Test
  void badRequestsGetAReason() {
    assertThat(post(new JsonObject().put("text", "hi")).statusCode()).isEqualTo(400);
    assertThat(post(new JsonObject().put("from", "a b").put("text", "hi")).statusCode())
        .isEqualTo(400);
    assertThat(post(new JsonObject().put("from", "sim-x").put("text", 5)).statusCode())
        .isEqualTo(400);
    HttpResponse<Buffer> big =
        post(new JsonObject().put("from", "sim-x").put("text", "é".repeat(1601)));
    assertThat(big.statusCode()).isEqualTo(413);
    HttpResponse<Buffer> untyped =
        beatline.http.post("/api/simulator/messages").sendBuffer(Buffer.buffer("[1,2")).await();
    assertThat(untyped.statusCode()).isEqualTo(415);
    HttpResponse<Buffer> notJson =
        beatline
            .http
            .post("/api/simulator/messages")
            .putHeader("Content-Type", "application/json")
            .sendBuffer(Buffer.buffer("[1,2"))
            .await();
    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(notJson.bodyAsJsonObject().getString("error")).isNotBlank();
    assertThat(notJson.bodyAsString()).doesNotContain("Exception");
  }

  @Test
  void oddUnicodeIsHandled() {
    for (String text :
        new String[] {"", "   ", "👍👍", "\u200f\u200e", "ﷺ", "𝕙𝕠𝕝𝕒", "\u0000"}) {
      HttpResponse<Buffer> r = post(new JsonObject().put("from", "sim-odd").put("text", text));
      assertThat(r.statusCode()).as(text).isEqualTo(200);
    }
  }

  @Test
  void unknownRouteIsAJson404() {
    HttpResponse<Buffer> r = beatline.http.get("/nope").send().await();
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.bodyAsJsonObject().getString("error")).isEqualTo("not found");
  }

  @Test
  void dryRunChannelsShowWhatTheyWouldSend() {
    HttpResponse<Buffer> r = beatline.http.get("/api/simulator/dry-run").send().await();
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.bodyAsJsonObject().getJsonArray("messages")).isNotNull();
  }

  @Test
  void metricsArePrometheusText() {
    beatline.simulate("sim-metrics", "hi");
    String text = beatline.http.get("/metrics").send().await().bodyAsString();
    assertThat(text).contains("beatline_inbound_messages_total{channel=\"web\"}");
  }

  private HttpResponse<Buffer> post(JsonObject body) {
    return beatline.http.post("/api/simulator/messages").sendJsonObject(body).await();
  }
}
