package org.beatline.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.beatline.channel.web.WebChannel;
import org.beatline.support.Running;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The simulator page's resident is an unguessable identity held in an HttpOnly cookie: no other
 * browser can write as it or drain its mailbox, staff and local tools still name identities of
 * their own, and what every simulator identity leaves in Redis expires.
 */
class SimulatorIdentityTest {
  static Running beatline;

  @BeforeAll
  static void start() {
    beatline = Running.start(null, Map.of(), Running::fastOutbox);
  }

  @AfterAll
  static void stop() {
    beatline.close();
  }

  /** What a browser holds after opening the page: its cookie header. */
  static String openPage() {
    HttpResponse<Buffer> page = beatline.http.get("/simulator").send().await();
    assertThat(page.statusCode()).isEqualTo(200);
    String setCookie = page.getHeader("Set-Cookie");
    assertThat(setCookie)
        .startsWith("beatline_simulator=page-")
        .containsIgnoringCase("HttpOnly")
        .contains("SameSite=Strict")
        .contains("Path=/");
    return setCookie.substring(0, setCookie.indexOf(';'));
  }

  static String id(String cookie) {
    return cookie.substring(cookie.indexOf('=') + 1);
  }

  static HttpResponse<Buffer> say(String cookie, JsonObject body) {
    var req = beatline.http.post("/api/simulator/messages");
    if (cookie != null) {
      req.putHeader("Cookie", cookie);
    }
    return req.sendJsonObject(body).await();
  }

  static HttpResponse<Buffer> mailbox(String cookie, String from) {
    var req = beatline.http.get("/api/simulator/messages" + (from == null ? "" : "?from=" + from));
    if (cookie != null) {
      req.putHeader("Cookie", cookie);
    }
    return req.send().await();
  }

  @Test
  void eachPageIsGivenItsOwnUnguessableIdentity() {
    String a = id(openPage());
    String b = id(openPage());
    assertThat(a).isNotEqualTo(b);
    // 22 characters of base64url after the prefix: 128 random bits.
    assertThat(a).matches("page-[A-Za-z0-9_-]{22}");
    assertThat(a.substring(5).chars().distinct().count()).isGreaterThan(8);
  }

  @Test
  void thePageSpeaksAsItsCookieAndAnswersKeepTheirShape() {
    String cookie = openPage();
    HttpResponse<Buffer> res = say(cookie, new JsonObject().put("text", "hola"));
    assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(200);
    JsonObject body = res.bodyAsJsonObject();
    JsonObject reply = body.getJsonArray("replies").getJsonObject(0);
    assertThat(reply.fieldNames()).contains("text", "key", "language", "options");
    assertThat(body.fieldNames()).contains("understood", "flow", "step");
    assertThat(beatline.app.redis().call(c -> c.exists("contact:web:" + id(cookie))).await())
        .isEqualTo(1);
    assertThat(mailbox(cookie, null).statusCode()).isEqualTo(200);
  }

  @Test
  void anotherBrowserCannotWriteAsAPageOrDrainItsMailbox() {
    String victim = openPage();
    say(victim, new JsonObject().put("text", "hi"));
    String attacker = openPage();
    String victimId = id(victim);

    assertThat(
            say(attacker, new JsonObject().put("from", victimId).put("text", "STOP")).statusCode())
        .isEqualTo(403);
    assertThat(say(null, new JsonObject().put("from", victimId).put("text", "STOP")).statusCode())
        .isEqualTo(403);
    assertThat(mailbox(attacker, victimId).statusCode()).isEqualTo(403);
    assertThat(mailbox(null, victimId).statusCode()).isEqualTo(403);
    // Without a cookie and without naming anyone there is nobody to speak as.
    assertThat(say(null, new JsonObject().put("text", "hi")).statusCode()).isEqualTo(400);
    assertThat(beatline.consent("web", victimId)).isNotEqualTo("OPTED_OUT");

    // Staff with the admin token may name any identity, a page's included.
    var staff =
        beatline
            .http
            .get("/api/simulator/messages?from=" + victimId)
            .putHeader("Authorization", Running.ADMIN)
            .send()
            .await();
    assertThat(staff.statusCode()).isEqualTo(200);
  }

  @Test
  void newResidentGivesThePageAnotherIdentity() {
    String cookie = openPage();
    var fresh =
        beatline
            .http
            .post("/api/simulator/identity")
            .putHeader("Cookie", cookie)
            .sendJsonObject(new JsonObject())
            .await();
    assertThat(fresh.statusCode()).isEqualTo(204);
    String next = fresh.getHeader("Set-Cookie");
    assertThat(next).startsWith("beatline_simulator=page-").containsIgnoringCase("HttpOnly");
    assertThat(next.substring(0, next.indexOf(';'))).isNotEqualTo(cookie);
    var plain =
        beatline
            .http
            .post("/api/simulator/identity")
            .putHeader("Content-Type", "text/plain")
            .sendBuffer(Buffer.buffer("{}"))
            .await();
    assertThat(plain.statusCode()).isEqualTo(415);
  }

  @Test
  void whatASimulatorIdentityLeavesInRedisExpires() throws Exception {
    String cookie = openPage();
    String who = id(cookie);
    for (String text : new String[] {"hi", "I want to report a problem", "Cars race every night"}) {
      assertThat(say(cookie, new JsonObject().put("text", text)).statusCode()).isEqualTo(200);
    }
    String named = Running.newResident();
    beatline.say(named, "hello");

    for (String identity : List.of(who, named)) {
      List<String> keys = keysOf(identity);
      assertThat(keys).as(identity).contains("contact:web:" + identity);
      for (String key : keys) {
        long ttl = beatline.app.redis().call(c -> c.ttl(key)).await();
        assertThat(ttl).as(key).isPositive().isLessThanOrEqualTo(24 * 3600);
      }
    }

    // What was written after the last message (a later announcement's bookkeeping) goes too.
    beatline.app.redis().call(c -> c.set("outbox:{web}:done:" + who, "9")).await();
    beatline
        .app
        .redis()
        .call(c -> c.zadd("simulator:identities", System.currentTimeMillis() - 25 * 3600_000L, who))
        .await();
    WebChannel web =
        (WebChannel)
            beatline.app.channels().stream().filter(c -> c.id().equals("web")).findFirst().get();
    assertThat(web.sweep().await()).isGreaterThanOrEqualTo(1);
    // Only the flood counter of the last minute (it expires within two minutes) and the marks of
    // the messages seen (message ids alone, gone within a day) are left.
    assertThat(keysOf(who)).allMatch(k -> k.startsWith("flood:") || k.startsWith("seen:"));
    assertThat(keysOf(who)).noneMatch(k -> k.startsWith("contact:"));
    assertThat(keysOf(named)).isNotEmpty();
  }

  /** Every key whose name holds the identity's contact key or mailbox. */
  private static List<String> keysOf(String identity) {
    List<String> found = new ArrayList<>();
    ScanCursor cursor = ScanCursor.INITIAL;
    do {
      ScanCursor at = cursor;
      var page =
          beatline
              .app
              .redis()
              .call(c -> c.scan(at, ScanArgs.Builder.matches("*" + identity + "*").limit(1000)))
              .await();
      found.addAll(page.getKeys());
      cursor = page;
    } while (!cursor.isFinished());
    return found;
  }
}
