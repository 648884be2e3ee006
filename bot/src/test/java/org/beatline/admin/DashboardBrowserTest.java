package org.beatline.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beatline.support.Running.eventually;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.beatline.concern.Concern;
import org.beatline.concern.Concerns;
import org.beatline.contact.ConsentLedger;
import org.beatline.contact.Contacts;
import org.beatline.support.Browser;
import org.beatline.support.Providers;
import org.beatline.support.Running;
import org.beatline.support.Texting;
import org.beatline.survey.SurveyAnswers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The dashboard in a real browser (headless Chromium) against the running service: Redis is real,
 * Twilio and Telegram are WireMock, staff sign in with accounts made through the API. Each page is
 * kept as a screenshot in {@code target/screenshots}. Run with {@code mvn verify -Pbrowser}.
 */
@Tag("browser")
class DashboardBrowserTest {
  static final String PASSWORD = "correct horse battery staple";
  static WireMockServer providers;
  static Running beatline;
  static Texting texting;
  static String officerId;
  Browser browser;

  @BeforeAll
  static void start() {
    providers = Providers.start();
    beatline = Running.live(providers);
    texting = new Texting(beatline, providers);
    account("ada", "Ada Admin", "admin");
    account("vic", "Vic Viewer", "viewer");
    officerId =
        admin(
                "POST",
                "/api/v1/officers",
                new JsonObject()
                    .put("name", "Dana Reyes")
                    .put("displayName", "Officer Reyes")
                    .put("role", "liaison")
                    .put("phone", "+15550107001")
                    .put("neighbourhoods", new JsonArray().add("eastside"))
                    .put("languages", new JsonArray().add("en").add("es")))
            .bodyAsJsonObject()
            .getString("id");
    assertThat(
            admin(
                    "PUT",
                    "/api/v1/neighbourhoods/eastside/routing",
                    new JsonObject().put("primary", officerId))
                .statusCode())
        .isEqualTo(200);
  }

  @AfterAll
  static void stop() {
    // Redis is shared with the other tests: leave no officer or routing behind for them.
    admin("DELETE", "/api/v1/officers/" + officerId, null);
    beatline.app.redis().call(c -> c.del("routing:eastside")).await();
    beatline.close();
    providers.stop();
  }

  @BeforeEach
  void openBrowser() {
    browser = Browser.open(beatline.app.port());
  }

  @AfterEach
  void closeBrowser() {
    browser.close();
  }

  static HttpResponse<Buffer> admin(String method, String path, JsonObject body) {
    var req =
        beatline
            .http
            .request(io.vertx.core.http.HttpMethod.valueOf(method), path)
            .putHeader("Authorization", Running.ADMIN);
    return body == null ? req.send().await() : req.sendJsonObject(body).await();
  }

  static void account(String login, String name, String role) {
    HttpResponse<Buffer> res =
        admin(
            "POST",
            "/api/v1/accounts",
            new JsonObject()
                .put("login", login)
                .put("name", name)
                .put("role", role)
                .put("password", PASSWORD));
    assertThat(res.statusCode()).as(res.bodyAsString()).isIn(201, 409);
  }

  void signIn(String login) {
    browser.go("/dashboard/");
    browser.visible(By.id("login")).sendKeys(login);
    browser.driver.findElement(By.id("password")).sendKeys(PASSWORD);
    browser.driver.findElement(By.id("sign-in")).click();
    browser.visible(By.id("sign-out"));
  }

  /** Opens a page and waits until it has drawn itself, without an error. */
  void page(String hash) {
    browser.go("/dashboard/#/" + hash);
    browser.until(
        d ->
            "false".equals(d.findElement(By.id("main")).getAttribute("aria-busy"))
                && !d.findElements(By.cssSelector("main h1")).isEmpty());
    assertThat(browser.driver.findElements(By.cssSelector("main .notice.error")))
        .as("errors shown on " + hash)
        .isEmpty();
  }

  /** A concern stored as the desk stores a resident's, for pages that only show it. */
  static String storedConcern(String what) {
    String ref = "RIV-" + (900000 + (int) (Math.random() * 99999));
    Instant now = Instant.now();
    new Concerns(beatline.app.redis(), "RIV")
        .create(
            new Concern(
                ref,
                "twilio:+15550109999",
                what,
                "Elm Street",
                "westside",
                "text",
                "+15550109999",
                "en",
                "concern.report",
                Concern.NEW,
                null,
                now,
                now))
        .await();
    return ref;
  }

  @Test
  void signingInOpensTheInboxAndSigningOutEndsTheSession() {
    browser.go("/dashboard/");
    browser.visible(By.id("login")).sendKeys("ada");
    browser.driver.findElement(By.id("password")).sendKeys("not the password");
    browser.screenshot("login");
    browser.driver.findElement(By.id("sign-in")).click();
    browser.text(By.cssSelector("main .notice.error"), "do not match");

    signIn("ada");
    browser.text(By.cssSelector("main h1"), "Concern inbox");
    assertThat(browser.driver.findElement(By.id("who")).getText()).contains("Ada Admin");
    assertThat(browser.driver.manage().getCookieNamed("beatline_session").isHttpOnly()).isTrue();

    browser.driver.findElement(By.id("sign-out")).click();
    browser.visible(By.id("login"));
    browser.go("/dashboard/#/concerns");
    browser.visible(By.id("login"));
    assertThat(browser.errors()).isEmpty();
  }

  @Test
  void aRoutedConcernIsAnsweredFromTheDashboardAndTheReplyReachesTheResidentBySms() {
    String resident = "+1555" + (2000000 + (int) (Math.random() * 7999999));
    String ref = reportBySms(resident);
    signIn("ada");
    WebElement row = browser.visible(By.cssSelector("tr[data-reference='" + ref + "']"));
    assertThat(row.getText()).contains("cars racing").contains("Dana Reyes");
    row.findElement(By.linkText(ref)).click();

    browser.text(By.cssSelector("main h1"), ref);
    assertThat(browser.driver.findElement(By.id("thread")).getText())
        .contains("cars racing")
        .contains("written in English");
    assertThat(browser.driver.getPageSource()).doesNotContain(resident.substring(2));
    browser.driver.findElement(By.id("do-ack")).click();
    browser.text(By.id("case-state"), "Acknowledged");

    browser.visible(By.id("text-reply")).sendKeys("We will patrol Oak Street tonight.");
    browser.driver.findElement(By.id("do-reply")).click();
    browser.text(By.cssSelector("main .notice.success"), "Reply sent");
    browser.text(By.id("thread"), "We will patrol Oak Street tonight.");
    browser.screenshot("case");
    eventually(
        () ->
            assertThat(texting.smsTo(resident))
                .anySatisfy(t -> assertThat(t).contains("We will patrol Oak Street tonight.")));

    browser.size(390, 844);
    browser.go("/dashboard/#/concerns/" + ref);
    browser.text(By.cssSelector("main h1"), ref);
    browser.screenshot("case-phone");
    assertThat(browser.errors()).isEmpty();
  }

  @Test
  void aViewerSeesACaseButCannotResolveIt() {
    String ref = storedConcern("the streetlight on Elm is out");
    signIn("vic");
    page("concerns/" + ref);
    browser.text(By.id("case-what"), "the streetlight on Elm is out");
    assertThat(browser.driver.findElements(By.id("case-actions"))).isEmpty();
    assertThat(browser.driver.findElements(By.id("do-resolve"))).isEmpty();
    assertThat(browser.driver.findElements(By.id("nav-accounts"))).isEmpty();

    // Even a hand-made request with the viewer's own session and CSRF token is refused.
    Object status =
        browser.driver.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "fetch('/api/v1/session').then(r => r.json()).then(s =>"
                + " fetch('/api/v1/concerns/"
                + ref
                + "/resolve', {method: 'POST', headers: {'Content-Type': 'application/json',"
                + " 'X-CSRF-Token': s.csrf}, body: JSON.stringify({text: 'done'})}))"
                + ".then(r => done(r.status), e => done(String(e)));");
    assertThat(status).isEqualTo(403L);
    assertThat(admin("GET", "/api/v1/concerns/" + ref, null).bodyAsJsonObject().getString("state"))
        .isEqualTo("new");
  }

  @Test
  void aMeetingScheduledInTheDashboardIsAnnouncedAndItsMessagesCounted() {
    // Northgate: the subscribers share Redis with other tests' meetings, which are elsewhere.
    List<Runnable> unsubscribe = List.of(subscriber("northgate"), subscriber("northgate"));
    try {
      signIn("ada");
      page("meetings");
      new Select(browser.driver.findElement(By.id("meeting-neighbourhood")))
          .selectByValue("northgate");
      browser.driver.executeScript(
          "arguments[0].value = '2031-06-12T18:30';",
          browser.driver.findElement(By.id("meeting-starts")));
      browser.driver.findElement(By.id("meeting-place")).sendKeys("Northgate Library");
      browser.driver.findElement(By.id("meeting-title-en")).sendKeys("Northgate safety walk");
      browser.driver.findElement(By.id("meeting-title-es")).sendKeys("Caminata de seguridad");
      browser.driver.findElement(By.id("meeting-save")).click();

      browser.text(By.cssSelector("main .notice.success"), "Scheduled");
      browser.until(
          d -> {
            String recipients = d.findElement(By.id("count-recipients")).getText();
            return recipients.matches("\\d+") && Integer.parseInt(recipients) >= 2;
          });
      browser.text(By.id("meetings"), "Northgate safety walk");
      browser.screenshot("meetings-announcement");
    } finally {
      unsubscribe.forEach(Runnable::run);
    }
  }

  @Test
  void theSurveyPageDrawsBarsFromTheResponsesAndShowsEachInvitationsResult(@TempDir Path dir)
      throws IOException {
    SurveyAnswers answers = new SurveyAnswers(beatline.app.redis());
    String[][] given = {{"4", "yes", "traffic"}, {"5", "no", "traffic"}, {"2", "yes", "drugs"}};
    for (String[] a : given) {
      String who = "h-" + UUID.randomUUID();
      answers.record("community", who, "safety", a[0]).await();
      answers.record("community", who, "met_officer", a[1]).await();
      answers.record("community", who, "priority", a[2]).await();
      answers.complete("community", who, "es", Instant.now()).await();
    }
    signIn("ada");
    page("surveys/community");
    WebElement safety = browser.visible(By.cssSelector("[data-question='safety'] svg"));
    List<WebElement> bars = safety.findElements(By.cssSelector("rect[data-value]"));
    assertThat(bars).hasSize(5);
    assertThat(bars.stream().filter(b -> !"0".equals(b.getAttribute("data-value"))).count())
        .isEqualTo(3);
    assertThat(
            browser.driver.findElements(
                By.cssSelector("[data-question='priority'] rect[data-value='2']")))
        .hasSize(1);
    assertThat(browser.driver.findElement(By.cssSelector("[data-breakdown='language']")).getText())
        .contains("Spanish");
    assertThat(browser.driver.findElement(By.id("survey-csv")).getAttribute("href"))
        .endsWith("/api/v1/surveys/community/results?format=csv");
    browser.screenshot("surveys");

    Path csv = dir.resolve("contacts.csv");
    Files.writeString(
        csv,
        "channel,address,contactType,district\n"
            + "twilio,+15550108801,crime_victim,eastside\n"
            + "twilio,+15550108802,domestic_violence,westside\n");
    page("surveys/after_contact");
    browser.visible(By.id("invitations-file")).sendKeys(csv.toAbsolutePath().toString());
    browser.driver.findElement(By.id("send-invitations")).click();
    WebElement results = browser.visible(By.id("invitations"));
    List<WebElement> rows = results.findElements(By.cssSelector("tbody tr"));
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).getText()).contains("Scheduled").doesNotContain("0108801");
    assertThat(rows.get(1).getText()).contains("Refused").contains("Never surveyed");
    browser.screenshot("surveys-invitations");
  }

  @Test
  void aConcernTextWithMarkupIsShownAsText() {
    String words = "<script>window.pwned = 1</script><img src=x onerror=\"window.pwned = 2\">";
    String ref = storedConcern(words);
    signIn("ada");
    page("concerns");
    assertThat(browser.visible(By.cssSelector("tr[data-reference='" + ref + "'] .what")).getText())
        .isEqualTo(words);
    page("concerns/" + ref);
    assertThat(browser.visible(By.id("case-what")).getText()).isEqualTo(words);
    assertThat(browser.driver.findElements(By.cssSelector("#case-what *"))).isEmpty();
    assertThat(browser.driver.executeScript("return window.pwned === undefined")).isEqualTo(true);
    browser.screenshot("case-markup");
  }

  @Test
  void everyPageIsShownWithoutErrorsAndKeptAsAScreenshot() {
    storedConcern("broken glass at the bus stop");
    signIn("ada");
    for (String page :
        List.of(
            "concerns",
            "trends",
            "meetings",
            "surveys",
            "unrecognized",
            "consent",
            "officers",
            "accounts")) {
      page(page);
      assertThat(browser.driver.findElement(By.id("nav-" + page)).getAttribute("aria-current"))
          .isEqualTo("page");
      browser.screenshot("page-" + page);
    }
    page("trends");
    assertThat(browser.driver.findElements(By.cssSelector("#trend-counts rect.bar"))).isNotEmpty();
    browser.size(390, 844);
    page("concerns");
    browser.screenshot("phone-concerns");
    new Select(browser.driver.findElement(By.id("language"))).selectByValue("es");
    browser.text(By.cssSelector("main h1"), "Bandeja de reportes");
    browser.screenshot("phone-concerns-es");
    // Arabic turns the whole page right to left, from its catalogue's meta.dir.
    new Select(browser.driver.findElement(By.id("language"))).selectByValue("ar");
    browser.text(By.cssSelector("main h1"), "صندوق البلاغات");
    assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
    assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("ar");
    browser.screenshot("phone-concerns-ar");
    browser.size(1280, 900);
    page("concerns");
    assertThat(
            browser.driver.executeScript(
                "const caption = document.querySelector('#concerns caption').getBoundingClientRect();"
                    + " const first = document.querySelector('#concerns th').getBoundingClientRect();"
                    + " return first.right > caption.left + caption.width / 2;"))
        .as("the first column is on the right")
        .isEqualTo(true);
    browser.screenshot("page-concerns-ar");
    page("trends");
    browser.screenshot("page-trends-ar");
    assertThat(browser.errors()).isEmpty();
  }

  /**
   * A resident who texted once and subscribed to a neighbourhood's meeting announcements; what
   * unsubscribes them again.
   */
  static Runnable subscriber(String neighbourhood) {
    String phone = "+1555" + (2000000 + (int) (Math.random() * 7999999));
    assertThat(texting.sms(phone, "hello there")).isEqualTo(200);
    Contacts contacts = new Contacts(beatline.app.redis());
    var contact = contacts.find("twilio", phone).await();
    ConsentLedger ledger = new ConsentLedger(beatline.app.redis(), contacts);
    String topic = "meetings.announcements|" + neighbourhood;
    ledger.topic(contact, topic, true, Instant.now()).await();
    return () -> ledger.topic(contact, topic, false, Instant.now()).await();
  }

  /** A resident reports a concern by SMS, answering the bot's questions; its reference. */
  static String reportBySms(String resident) {
    assertThat(texting.sms(resident, "hello")).isEqualTo(200);
    eventually(() -> assertThat(texting.smsTo(resident)).isNotEmpty());
    String next = "there are cars racing on my street every night";
    for (int turn = 0; turn < 8; turn++) {
      int before = texting.smsTo(resident).size();
      assertThat(texting.sms(resident, next)).isEqualTo(200);
      List<String> refs =
          beatline
              .app
              .redis()
              .call(c -> c.lrange("concerns:contact:twilio:" + resident, 0, 0))
              .await();
      if (!refs.isEmpty()) {
        return refs.get(0);
      }
      eventually(() -> assertThat(texting.smsTo(resident).size()).isGreaterThan(before));
      List<String> all = texting.smsTo(resident);
      String asked = all.get(all.size() - 1);
      next =
          asked.contains("What is happening")
              ? "cars racing on my street every night"
              : asked.contains("Where is this")
                  ? "Oak Street by the library"
                  : asked.contains("Which neighbourhood")
                      ? "55106"
                      : asked.contains("Is that in") ? "no" : "1";
    }
    throw new AssertionError("the concern journey never created a concern");
  }
}
