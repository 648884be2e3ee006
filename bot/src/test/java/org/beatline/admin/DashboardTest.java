package org.beatline.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.beatline.support.Running;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's files as the service serves them, and the rules its sources keep: no inline
 * script, style or handler (the pages run under a policy that forbids them), resident text never
 * parsed as HTML, and every text key the pages use present in the staff catalogue.
 */
class DashboardTest {
  static final Path SOURCES = Path.of("src/main/resources/dashboard");
  static Running beatline;

  @BeforeAll
  static void start() {
    beatline = Running.start(null, Map.of(), Running::fastOutbox);
  }

  @AfterAll
  static void stop() {
    beatline.close();
  }

  static HttpResponse<Buffer> get(String path) {
    return beatline.http.get(path).send().await();
  }

  @Test
  void thePagesAreServedUnderAPolicyWithoutInlineScript() {
    HttpResponse<Buffer> bare =
        beatline.http.get("/dashboard").followRedirects(false).send().await();
    assertThat(bare.statusCode()).isEqualTo(302);
    assertThat(bare.getHeader("Location")).isEqualTo("/dashboard/");
    HttpResponse<Buffer> index = get("/dashboard/");
    assertThat(index.statusCode()).isEqualTo(200);
    assertThat(index.getHeader("Content-Type")).startsWith("text/html");
    assertThat(index.bodyAsString()).contains("/dashboard/js/app.js");
    String policy = index.getHeader("Content-Security-Policy");
    assertThat(policy).contains("script-src 'self'").doesNotContain("unsafe-inline");
    assertThat(get("/dashboard/js/app.js").getHeader("Content-Type")).contains("javascript");
    assertThat(get("/dashboard/app.css").getHeader("Content-Type")).startsWith("text/css");
    assertThat(get("/dashboard/no-such-file.js").statusCode()).isEqualTo(404);
  }

  @Test
  void staffTextIsServedPerLanguageWithEnglishBehindIt() {
    JsonObject en = get("/dashboard/i18n/en.json").bodyAsJsonObject();
    JsonObject es = get("/dashboard/i18n/es.json").bodyAsJsonObject();
    assertThat(en.getString("nav.sign_out")).isEqualTo("Sign out");
    assertThat(es.getString("nav.sign_out")).isEqualTo("Cerrar sesión");
    assertThat(es.fieldNames()).containsExactlyInAnyOrderElementsOf(en.fieldNames());
    assertThat(get("/dashboard/i18n/xx.json").statusCode()).isEqualTo(404);
    assertThat(get("/dashboard/i18n/languages.json").bodyAsJsonArray().encode())
        .contains("\"code\":\"es\"", "\"name\":\"Español\"");
    JsonObject dept = get("/dashboard/department.json").bodyAsJsonObject();
    assertThat(dept.getString("defaultLanguage")).isEqualTo("en");
    assertThat(dept.getJsonArray("languages").getList()).contains("en", "es", "zh-Hant");
  }

  @Test
  void aNewStaffCatalogueJoinsTheLanguageMenuWithItsDirection() {
    JsonArray languages = get("/dashboard/i18n/languages.json").bodyAsJsonArray();
    JsonObject arabic =
        languages.stream()
            .map(JsonObject.class::cast)
            .filter(l -> "ar".equals(l.getString("code")))
            .findFirst()
            .orElseThrow();
    assertThat(arabic.getString("name")).isEqualTo("العربية");
    assertThat(arabic.getString("dir")).isEqualTo("rtl");
    assertThat(languages.encode()).contains("\"code\":\"so\"", "\"code\":\"my\"");
    JsonObject ar = get("/dashboard/i18n/ar.json").bodyAsJsonObject();
    assertThat(ar.getString("concerns.title")).isEqualTo("صندوق البلاغات");
    assertThat(ar.fieldNames())
        .containsExactlyInAnyOrderElementsOf(
            get("/dashboard/i18n/en.json").bodyAsJsonObject().fieldNames());
  }

  @Test
  void neighbourhoodsAndSurveysAreListedForThePages() {
    JsonObject hoods =
        beatline
            .http
            .get("/api/v1/neighbourhoods")
            .putHeader("Authorization", Running.ADMIN)
            .send()
            .await()
            .bodyAsJsonObject();
    assertThat(hoods.getJsonArray("items").getJsonObject(0).getString("id")).isEqualTo("eastside");
    assertThat(hoods.getJsonArray("items").getJsonObject(0).getJsonObject("names").getString("es"))
        .isEqualTo("Lado Este");
    assertThat(hoods.containsKey("next")).isTrue();
    JsonObject surveys =
        beatline
            .http
            .get("/api/v1/surveys?language=es")
            .putHeader("Authorization", Running.ADMIN)
            .send()
            .await()
            .bodyAsJsonObject();
    JsonObject community =
        surveys.getJsonArray("items").stream()
            .map(JsonObject.class::cast)
            .filter(s -> s.getString("id").equals("community"))
            .findFirst()
            .orElseThrow();
    assertThat(community.getBoolean("invitations")).isFalse();
    assertThat(community.getJsonArray("questions").getJsonObject(0).getString("type"))
        .isEqualTo("scale");
    assertThat(community.getJsonArray("questions").getJsonObject(0).getString("text"))
        .isNotBlank()
        .doesNotStartWith("survey.");
    assertThat(beatline.http.get("/api/v1/surveys").send().await().statusCode()).isEqualTo(401);
  }

  @Test
  void sourcesHaveNoInlineScriptStyleOrHandlerAndNeverParseHtml() throws IOException {
    List<Path> files = files();
    assertThat(files).hasSizeGreaterThan(10);
    Pattern inlineScript =
        Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
    Pattern handler = Pattern.compile("<[^>]+\\son\\w+\\s*=", Pattern.CASE_INSENSITIVE);
    Pattern styleAttr = Pattern.compile("<[^>]+\\sstyle\\s*=|<style", Pattern.CASE_INSENSITIVE);
    Pattern html =
        Pattern.compile(
            "innerHTML|outerHTML|insertAdjacentHTML|document\\.write|\\beval\\(|new Function|"
                + "\\.style\\s*=|setAttribute\\(\\s*'style'");
    for (Path f : files) {
      String text = Files.readString(f);
      if (f.toString().endsWith(".html")) {
        assertThat(inlineScript.matcher(text).find()).as(f + " inline script").isFalse();
        assertThat(handler.matcher(text).find()).as(f + " on* attribute").isFalse();
        assertThat(styleAttr.matcher(text).find()).as(f + " inline style").isFalse();
      }
      if (f.toString().endsWith(".js")) {
        assertThat(html.matcher(text).find()).as(f + " parses or injects markup").isFalse();
      }
    }
  }

  @Test
  void everyTextKeyThePagesUseIsInTheStaffCatalogue() throws IOException {
    JsonObject en = get("/dashboard/i18n/en.json").bodyAsJsonObject();
    Pattern key = Pattern.compile("\\bt\\('([a-z_A-Z.-]+)'[,)]");
    Set<String> missing = new TreeSet<>();
    int used = 0;
    for (Path f : files()) {
      if (f.toString().endsWith(".js")) {
        Matcher m = key.matcher(Files.readString(f));
        while (m.find()) {
          used++;
          if (!en.containsKey(m.group(1))) {
            missing.add(f.getFileName() + ": " + m.group(1));
          }
        }
      }
    }
    assertThat(used).isGreaterThan(150);
    assertThat(missing).isEmpty();
  }

  static List<Path> files() throws IOException {
    try (Stream<Path> all = Files.walk(SOURCES)) {
      return all.filter(Files::isRegularFile).toList();
    }
  }
}
