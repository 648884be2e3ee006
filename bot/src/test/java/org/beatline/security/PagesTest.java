package org.beatline.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.beatline.support.Running;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every page and file Beatline serves: the security headers on each (refusals too), no inline code
 * the Content-Security-Policy would have to allow, residents' and the bot's words shown as text and
 * never as markup, and no file outside what is meant to be served.
 */
class PagesTest {
  static Running beatline;
  static String meeting;

  @BeforeAll
  static void start() {
    beatline = Running.start(null, Map.of(), Running::fastOutbox);
    JsonObject meetings =
        beatline
            .http
            .get("/api/v1/meetings")
            .putHeader("Authorization", Running.ADMIN)
            .send()
            .await()
            .bodyAsJsonObject();
    meeting = meetings.getJsonArray("items").getJsonObject(0).getString("id");
  }

  @AfterAll
  static void stop() {
    beatline.close();
  }

  /** Every GET Beatline answers without a token, and a few refusals. */
  static List<String> pages() {
    return List.of(
        "/simulator",
        "/simulator/simulator.js",
        "/simulator/simulator.css",
        "/health",
        "/metrics",
        "/api/v1/openapi.yaml",
        "/meetings/" + meeting + ".ics",
        "/api/simulator/dry-run",
        "/api/v1/officers",
        "/meetings/nope.ics",
        "/no/such/page");
  }

  @Test
  void everyAnswerCarriesTheSecurityHeaders() {
    List<String> seen = new ArrayList<>();
    for (String path : pages()) {
      HttpResponse<Buffer> res = beatline.http.get(path).send().await();
      seen.add(path + " " + res.statusCode());
      String csp = res.getHeader("Content-Security-Policy");
      assertThat(csp).as(path).contains("frame-ancestors 'none'").contains("script-src 'self'");
      assertThat(csp).as(path).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
      assertThat(res.getHeader("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
      assertThat(res.getHeader("Referrer-Policy")).as(path).isEqualTo("no-referrer");
      assertThat(res.getHeader("X-Frame-Options")).as(path).isEqualTo("DENY");
    }
    // The list reaches pages, files, a calendar, and refusals alike.
    assertThat(seen)
        .contains("/simulator 200", "/meetings/" + meeting + ".ics 200", "/no/such/page 404");
  }

  @Test
  void theSimulatorPageRunsNoInlineCode() {
    String html = beatline.http.get("/simulator").send().await().bodyAsString();
    // Every script is a file; no style element or attribute; no on* handler attribute.
    var scripts = Pattern.compile("(?is)<script\\b([^>]*)>(.*?)</script>").matcher(html);
    int count = 0;
    while (scripts.find()) {
      count++;
      assertThat(scripts.group(1)).contains("src=");
      assertThat(scripts.group(2)).isBlank();
    }
    assertThat(count).isPositive();
    assertThat(html).doesNotContainPattern("(?i)<style").doesNotContainPattern("(?i)\\sstyle\\s*=");
    assertThat(html).doesNotContainPattern("(?i)\\son[a-z]+\\s*=");
    assertThat(html).doesNotContainPattern("(?i)javascript:");
  }

  @Test
  void theSimulatorShowsWordsAsTextNeverAsMarkup() {
    String script = beatline.http.get("/simulator/simulator.js").send().await().bodyAsString();
    assertThat(script).contains("textContent");
    assertThat(script)
        .doesNotContain("innerHTML")
        .doesNotContain("outerHTML")
        .doesNotContain("insertAdjacentHTML")
        .doesNotContain("document.write")
        .doesNotContainPattern("\\beval\\s*\\(")
        .doesNotContain("new Function");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "\"><svg/onload=alert(1)>",
        "javascript:alert(1)"
      })
  void markupResidentsTypeComesBackAsJsonOnly(String hostile) {
    String who = Running.newResident();
    beatline.say(who, "I want to report a problem");
    HttpResponse<Buffer> res =
        beatline
            .http
            .post("/api/simulator/messages")
            .putHeader("Authorization", Running.ADMIN)
            .sendJsonObject(new JsonObject().put("from", who).put("text", hostile))
            .await();
    assertThat(res.statusCode()).isEqualTo(200);
    // JSON, which browsers never render as a page (nosniff), whatever the text holds.
    assertThat(res.getHeader("Content-Type")).startsWith("application/json");
    assertThat(res.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    HttpResponse<Buffer> unknown =
        beatline.http.get("/" + hostile.replace(" ", "%20")).send().await();
    assertThat(unknown.getHeader("Content-Type")).startsWith("application/json");
    assertThat(unknown.bodyAsString()).doesNotContain("<script").doesNotContain("<img");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/meetings/../../etc/passwd.ics",
        "/meetings/..%2F..%2Fetc%2Fpasswd.ics",
        "/meetings/%2e%2e%2f%2e%2e%2fetc%2fpasswd.ics",
        "/meetings/..%252F..%252Fetc%252Fpasswd.ics",
        "/meetings/....//....//etc/passwd.ics",
        "/meetings/%c0%ae%c0%ae/etc/passwd.ics",
        "/meetings/..\\..\\etc\\passwd.ics",
        "/simulator/../../../../etc/passwd",
        "/simulator/..%2F..%2F..%2Fetc%2Fpasswd",
        "/simulator/simulator.js/../../../etc/passwd",
        "/simulator/%2e%2e/%2e%2e/pom.xml",
        "/simulator/web/simulator.html",
        "/simulator/logback.xml",
        "/simulator/..%2Flogback.xml",
        "/api/v1/openapi.yaml/../../../../etc/passwd",
        "/conversations/department.yaml",
        "/translations/en.yaml",
        "/admin/openapi.yaml/..%2F..%2Flogback.xml"
      })
  void noFileOutsideWhatIsServedCanBeReached(String path) throws Exception {
    // Sent byte for byte as written, so that no client normalises the path first.
    String answer = raw("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    String status = answer.substring(0, answer.indexOf("\r\n"));
    assertThat(status).as(path).matches("HTTP/1\\.1 (400|404|405)\\b.*");
    assertThat(answer).doesNotContain("root:").doesNotContain("<configuration>");
    assertThat(answer).doesNotContain("<project").doesNotContain("BEGIN:VCALENDAR");
  }

  private static String raw(String request) throws Exception {
    try (Socket s = new Socket("127.0.0.1", beatline.app.port())) {
      s.setSoTimeout(5000);
      OutputStream out = s.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = s.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
