package org.beatline.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.beatline.support.Running;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AdminApiTest {
  static final String TOKEN = "admin-token-for-tests-0123";
  static Running beatline;

  @BeforeAll
  static void start() {
    beatline = Running.start(null, Map.of(), Running::fastOutbox);
  }

  @AfterAll
  static void stop() {
    beatline.close();
  }

  HttpResponse<Buffer> get(String path, String token) {
    var req = beatline.http.get(path);
    if (token != null) {
      req.bearerTokenAuthentication(token);
    }
    return req.send().await();
  }

  @Test
  void missingOrWrongCredentialsAre401() {
    assertThat(get("/api/v1/consent", null).statusCode()).isEqualTo(401);
    assertThat(get("/api/v1/consent", null).getHeader("WWW-Authenticate")).isEqualTo("Bearer");
    assertThat(get("/api/v1/consent", "not-the-token-at-all").statusCode()).isEqualTo(401);
    assertThat(get("/api/v1/consent", "bl_aaaaaaaaaaaa_forged").statusCode()).isEqualTo(401);
    assertThat(get("/api/v1/consent", TOKEN).statusCode()).isEqualTo(200);
  }

  @Test
  void parseAnswersLanguageIntentAndConfidence() {
    HttpResponse<Buffer> res =
        beatline
            .http
            .post("/api/v1/nlu/parse")
            .bearerTokenAuthentication(TOKEN)
            .sendJsonObject(new JsonObject().put("text", "hola"))
            .await();
    assertThat(res.statusCode()).isEqualTo(200);
    JsonObject body = res.bodyAsJsonObject();
    assertThat(body.getString("language")).isEqualTo("es");
    assertThat(body.containsKey("intent")).isTrue();
    assertThat(body.getDouble("confidence")).isBetween(0.0, 1.0);
    assertThat(body.getJsonArray("alternatives")).isNotNull();
    assertThat(body.getBoolean("emergency")).isFalse();
  }

  @Test
  void parseRefusesBadBodiesWithReasons() {
    var post = beatline.http.post("/api/v1/nlu/parse").bearerTokenAuthentication(TOKEN);
    assertThat(post.sendJsonObject(new JsonObject().put("txt", "x")).await().statusCode())
        .isEqualTo(400);
    assertThat(post.sendBuffer(Buffer.buffer("nope")).await().statusCode()).isEqualTo(400);
    assertThat(
            post.sendJsonObject(new JsonObject().put("text", "x".repeat(1601)))
                .await()
                .statusCode())
        .isEqualTo(413);
  }

  @Test
  void unrecognizedFreeTextIsKeptMaskedAndWithoutTheSender() {
    String who = "sim-unrec-" + System.nanoTime();
    beatline.simulate(who, "hello");
    beatline.simulate(who, "flibber wobble zorp 555-010-7777 zebra crossings");
    beatline.simulate(who, "MENU");
    beatline.simulate(who, "3");

    JsonObject body = get("/api/v1/nlu/unrecognized?limit=20", TOKEN).bodyAsJsonObject();
    String all = body.getJsonArray("items").encode();
    assertThat(all).contains("zebra crossings").doesNotContain("555-010-7777").doesNotContain(who);
    assertThat(get("/api/v1/nlu/unrecognized?limit=0", TOKEN).statusCode()).isEqualTo(400);
  }

  @Test
  void consentLedgerShowsHashesNotAddresses() {
    String who = "sim-ledger-" + System.nanoTime();
    beatline.simulate(who, "hi");
    beatline.simulate(who, "STOP");
    JsonObject body = get("/api/v1/consent?limit=5", TOKEN).bodyAsJsonObject();
    assertThat(body.getJsonArray("items").getJsonObject(0).getString("change"))
        .isEqualTo("opt_out");
    assertThat(body.encode()).doesNotContain(who);
  }

  @Test
  void openApiDocumentDescribesExactlyTheRoutesAndTheirMethods() throws Exception {
    HttpResponse<Buffer> doc = get("/api/v1/openapi.yaml", null);
    assertThat(doc.statusCode()).isEqualTo(200);
    JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(doc.bodyAsString());
    Set<String> documented = new HashSet<>();
    root.get("paths")
        .fields()
        .forEachRemaining(
            p ->
                p.getValue()
                    .fieldNames()
                    .forEachRemaining(
                        m -> {
                          if (Set.of("get", "post", "put", "patch", "delete").contains(m)) {
                            documented.add(m.toUpperCase() + " /api/v1" + p.getKey());
                          }
                        }));
    Set<String> routed = new HashSet<>();
    beatline.app.routeOperations().stream()
        .filter(o -> o.contains(" /api/v1/"))
        .map(o -> o.replaceAll(":(\\w+)", "{$1}"))
        .forEach(routed::add);
    assertThat(routed).containsExactlyInAnyOrderElementsOf(documented);
  }
}
