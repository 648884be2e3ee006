package org.beatline.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.beatline.concern.Concern;
import org.beatline.concern.Concerns;
import org.beatline.support.Running;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Staff accounts, sessions, roles, machine tokens and the audit trail, through the running service
 * with a real Redis: who may see and change what, as a department would hand out access.
 */
class StaffAccessTest {
  static Running beatline;
  static final String PASSWORD = "correct horse battery staple";

  @BeforeAll
  static void start() {
    beatline = Running.start(null, Map.of(), Running::fastOutbox);
  }

  @AfterAll
  static void stop() {
    beatline.close();
  }

  /** A signed-in browser: its cookie and its cross-site token. */
  record Session(String cookie, String csrf, JsonObject who) {}

  static String unique(String prefix) {
    return prefix + UUID.randomUUID().toString().substring(0, 8);
  }

  static HttpResponse<Buffer> admin(HttpMethod method, String path, JsonObject body) {
    HttpRequest<Buffer> req =
        beatline.http.request(method, path).putHeader("Authorization", Running.ADMIN);
    return (body == null ? req.send() : req.sendJsonObject(body)).await();
  }

  static JsonObject account(String login, String role, String officerId) {
    JsonObject body =
        new JsonObject()
            .put("login", login)
            .put("name", "Sam " + login)
            .put("role", role)
            .put("password", PASSWORD);
    if (officerId != null) {
      body.put("officerId", officerId);
    }
    HttpResponse<Buffer> res = admin(HttpMethod.POST, "/api/v1/accounts", body);
    assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(201);
    return res.bodyAsJsonObject();
  }

  static HttpResponse<Buffer> signIn(String login, String password) {
    return beatline
        .http
        .post("/api/v1/session")
        .sendJsonObject(new JsonObject().put("login", login).put("password", password))
        .await();
  }

  static Session session(String login) {
    HttpResponse<Buffer> res = signIn(login, PASSWORD);
    assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(200);
    String setCookie = res.getHeader("Set-Cookie");
    String cookie = setCookie.substring(0, setCookie.indexOf(';'));
    return new Session(cookie, res.bodyAsJsonObject().getString("csrf"), res.bodyAsJsonObject());
  }

  static HttpResponse<Buffer> as(Session s, HttpMethod method, String path, JsonObject body) {
    HttpRequest<Buffer> req =
        beatline
            .http
            .request(method, path)
            .putHeader("Cookie", s.cookie())
            .putHeader("X-CSRF-Token", s.csrf());
    return (body == null ? req.send() : req.sendJsonObject(body)).await();
  }

  static String officer(String hood) {
    HttpResponse<Buffer> res =
        admin(
            HttpMethod.POST,
            "/api/v1/officers",
            new JsonObject()
                .put("name", unique("Dana "))
                .put("displayName", "Officer Reyes")
                .put("role", "liaison")
                .put("phone", "+1555" + (2000000 + (int) (Math.random() * 7999999)))
                .put("neighbourhoods", new JsonArray().add(hood))
                .put("languages", new JsonArray().add("en")));
    assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(201);
    return res.bodyAsJsonObject().getString("id");
  }

  static String concern(String hood, String category, String what) {
    String ref = "RIV-" + (100000 + (int) (Math.random() * 800000));
    Instant now = Instant.now();
    new Concerns(beatline.app.redis(), "RIV")
        .create(
            new Concern(
                ref,
                "web:" + unique("sim-"),
                what,
                "Elm St",
                hood,
                "anonymous",
                null,
                "en",
                category,
                Concern.NEW,
                null,
                now,
                now))
        .await();
    return ref;
  }

  static List<String> references(HttpResponse<Buffer> list) {
    assertThat(list.statusCode()).as(list.bodyAsString()).isEqualTo(200);
    List<String> refs = new ArrayList<>();
    list.bodyAsJsonObject()
        .getJsonArray("items")
        .forEach(o -> refs.add(((JsonObject) o).getString("reference")));
    return refs;
  }

  @Test
  void aPasswordIsStoredAsASlowSaltedHashAndSignInSetsAStrictHttpOnlyCookie() {
    String login = unique("ana");
    JsonObject created = account(login, "viewer", null);
    assertThat(created.containsKey("password")).isFalse();
    assertThat(created.containsKey("passwordHash")).isFalse();
    String stored = beatline.app.redis().call(c -> c.get("staff:account:" + login)).await();
    assertThat(stored).doesNotContain(PASSWORD).contains("$argon2id$v=19$m=19456,t=2,p=1$");

    HttpResponse<Buffer> res = signIn(login, PASSWORD);
    assertThat(res.statusCode()).isEqualTo(200);
    assertThat(res.getHeader("Set-Cookie"))
        .startsWith("beatline_session=")
        .containsIgnoringCase("HttpOnly")
        .contains("SameSite=Strict")
        .contains("Path=/")
        .contains("Max-Age=43200");
    assertThat(res.bodyAsJsonObject().getString("role")).isEqualTo("viewer");
    assertThat(res.bodyAsJsonObject().getString("csrf")).hasSizeGreaterThan(20);
    assertThat(signIn(login, "not the password at all").statusCode()).isEqualTo(401);
    assertThat(signIn("nobody-" + login, PASSWORD).statusCode()).isEqualTo(401);
  }

  @Test
  void accountRequestsAreCheckedFieldByField() {
    String login = unique("ben");
    account(login, "liaison", null);
    JsonObject again =
        new JsonObject()
            .put("login", login)
            .put("name", "B")
            .put("role", "liaison")
            .put("password", PASSWORD);
    assertThat(admin(HttpMethod.POST, "/api/v1/accounts", again).statusCode()).isEqualTo(409);
    HttpResponse<Buffer> badRole =
        admin(
            HttpMethod.POST,
            "/api/v1/accounts",
            again.copy().put("login", unique("c")).put("role", "chief"));
    assertThat(badRole.statusCode()).isEqualTo(400);
    assertThat(badRole.bodyAsJsonObject().getString("error")).startsWith("role:");
    HttpResponse<Buffer> shortPassword =
        admin(
            HttpMethod.POST,
            "/api/v1/accounts",
            again.copy().put("login", unique("c")).put("password", "hunter2"));
    assertThat(shortPassword.bodyAsJsonObject().getString("error")).startsWith("password:");
    HttpResponse<Buffer> unknown =
        admin(
            HttpMethod.POST,
            "/api/v1/accounts",
            again.copy().put("login", unique("c")).put("admin", true));
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.bodyAsJsonObject().getString("error")).isEqualTo("admin: unknown field");
    HttpResponse<Buffer> noOfficer =
        admin(
            HttpMethod.POST,
            "/api/v1/accounts",
            again.copy().put("login", unique("c")).put("officerId", "off-nobody"));
    assertThat(noOfficer.statusCode()).isEqualTo(400);
    HttpResponse<Buffer> badLogin =
        admin(HttpMethod.POST, "/api/v1/accounts", again.copy().put("login", "Robert'); DROP"));
    assertThat(badLogin.statusCode()).isEqualTo(400);
  }

  @Test
  void aSessionChangeWithoutItsCrossSiteTokenIsRefused() {
    String login = unique("cat");
    account(login, "admin", null);
    Session s = session(login);
    JsonObject meeting = new JsonObject().put("name", "x");
    HttpResponse<Buffer> forged =
        beatline
            .http
            .post("/api/v1/tokens")
            .putHeader("Cookie", s.cookie())
            .sendJsonObject(new JsonObject().put("name", "forged").put("role", "admin"))
            .await();
    assertThat(forged.statusCode()).isEqualTo(403);
    HttpResponse<Buffer> wrong =
        beatline
            .http
            .post("/api/v1/tokens")
            .putHeader("Cookie", s.cookie())
            .putHeader("X-CSRF-Token", s.csrf() + "x")
            .sendJsonObject(new JsonObject().put("name", "forged").put("role", "admin"))
            .await();
    assertThat(wrong.statusCode()).isEqualTo(403);
    assertThat(
            as(
                    s,
                    HttpMethod.POST,
                    "/api/v1/tokens",
                    new JsonObject().put("name", "ok").put("role", "viewer"))
                .statusCode())
        .isEqualTo(201);
    // Reads need no cross-site token.
    assertThat(
            beatline
                .http
                .get("/api/v1/session")
                .putHeader("Cookie", s.cookie())
                .send()
                .await()
                .statusCode())
        .isEqualTo(200);
    assertThat(meeting).isNotNull();
  }

  @Test
  void signingOutEndsTheSessionAndANewPasswordEndsTheOthers() {
    String login = unique("dee");
    account(login, "liaison", null);
    Session first = session(login);
    Session second = session(login);
    HttpResponse<Buffer> out = as(first, HttpMethod.DELETE, "/api/v1/session", null);
    assertThat(out.statusCode()).isEqualTo(204);
    assertThat(out.getHeader("Set-Cookie")).contains("Max-Age=0");
    assertThat(as(first, HttpMethod.GET, "/api/v1/session", null).statusCode()).isEqualTo(401);
    assertThat(as(second, HttpMethod.GET, "/api/v1/session", null).statusCode()).isEqualTo(200);

    // Anyone may change their own password, and nothing else about their account.
    assertThat(
            as(
                    second,
                    HttpMethod.PATCH,
                    "/api/v1/accounts/" + login,
                    new JsonObject().put("role", "admin"))
                .statusCode())
        .isEqualTo(403);
    String fresh = "a new long passphrase 42";
    assertThat(
            as(
                    second,
                    HttpMethod.PATCH,
                    "/api/v1/accounts/" + login,
                    new JsonObject().put("password", fresh))
                .statusCode())
        .isEqualTo(200);
    assertThat(as(second, HttpMethod.GET, "/api/v1/session", null).statusCode()).isEqualTo(401);
    assertThat(signIn(login, PASSWORD).statusCode()).isEqualTo(401);
    assertThat(signIn(login, fresh).statusCode()).isEqualTo(200);
  }

  @Test
  void aDisabledAccountCannotSignInAndLosesItsSessions() {
    String login = unique("eve");
    account(login, "viewer", null);
    Session s = session(login);
    HttpResponse<Buffer> res =
        admin(
            HttpMethod.PATCH, "/api/v1/accounts/" + login, new JsonObject().put("disabled", true));
    assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(200);
    assertThat(as(s, HttpMethod.GET, "/api/v1/concerns", null).statusCode()).isEqualTo(401);
    assertThat(signIn(login, PASSWORD).statusCode()).isEqualTo(401);
    assertThat(admin(HttpMethod.DELETE, "/api/v1/accounts/" + login, null).statusCode())
        .isEqualTo(204);
    assertThat(admin(HttpMethod.DELETE, "/api/v1/accounts/" + login, null).statusCode())
        .isEqualTo(404);
  }

  @Test
  void repeatedFailedSignInsAreSlowedDownEvenForTheRightPassword() {
    String login = unique("fay");
    account(login, "viewer", null);
    for (int i = 0; i < 5; i++) {
      assertThat(signIn(login, "guess number " + i).statusCode()).isEqualTo(401);
    }
    HttpResponse<Buffer> blocked = signIn(login, PASSWORD);
    assertThat(blocked.statusCode()).isEqualTo(429);
    assertThat(Long.parseLong(blocked.getHeader("Retry-After"))).isBetween(1L, 900L);
    // Another login from elsewhere is not held back by it.
    String other = unique("gus");
    account(other, "viewer", null);
    assertThat(signIn(other, PASSWORD).statusCode()).isEqualTo(200);
  }

  @Test
  void aViewerReadsButChangesNothingAndNeverSeesAComplaint() {
    String login = unique("hal");
    account(login, "viewer", null);
    Session s = session(login);
    String ordinary = concern("eastside", "concern.report", "cars racing every night");
    String complaint = concern("eastside", "accountability.file_complaint", "the officer was rude");
    List<String> seen = references(as(s, HttpMethod.GET, "/api/v1/concerns?limit=500", null));
    assertThat(seen).contains(ordinary).doesNotContain(complaint);
    assertThat(as(s, HttpMethod.GET, "/api/v1/concerns/" + complaint, null).statusCode())
        .isEqualTo(404);
    HttpResponse<Buffer> resolve =
        as(
            s,
            HttpMethod.POST,
            "/api/v1/concerns/" + ordinary + "/resolve",
            new JsonObject().put("text", "done"));
    assertThat(resolve.statusCode()).isEqualTo(403);
    assertThat(
            as(s, HttpMethod.POST, "/api/v1/meetings", new JsonObject().put("kind", "meeting"))
                .statusCode())
        .isEqualTo(403);
    assertThat(as(s, HttpMethod.GET, "/api/v1/accounts", null).statusCode()).isEqualTo(403);
    JsonObject after =
        admin(HttpMethod.GET, "/api/v1/concerns/" + ordinary, null).bodyAsJsonObject();
    assertThat(after.getString("state")).isEqualTo("new");
  }

  @Test
  void aLiaisonWorksTheirOwnNeighbourhoodsConcernsOnly() {
    String officerId = officer("eastside");
    String login = unique("ivy");
    account(login, "liaison", officerId);
    Session s = session(login);
    assertThat(s.who().getString("officerId")).isEqualTo(officerId);
    String mine = concern("eastside", "concern.report", "broken streetlight on Elm");
    String theirs = concern("westside", "concern.report", "noise on Oak");
    String complaint = concern("eastside", "misconduct", "an officer swore at me");
    List<String> seen = references(as(s, HttpMethod.GET, "/api/v1/concerns?limit=500", null));
    assertThat(seen).contains(mine).doesNotContain(theirs, complaint);
    HttpResponse<Buffer> ack =
        as(s, HttpMethod.POST, "/api/v1/concerns/" + mine + "/ack", new JsonObject());
    assertThat(ack.statusCode()).as(ack.bodyAsString()).isEqualTo(200);
    assertThat(ack.bodyAsJsonObject().getString("state")).isEqualTo("acknowledged");
    assertThat(
            as(s, HttpMethod.POST, "/api/v1/concerns/" + theirs + "/ack", new JsonObject())
                .statusCode())
        .isEqualTo(404);
    JsonObject audit = admin(HttpMethod.GET, "/api/v1/concerns/" + mine, null).bodyAsJsonObject();
    assertThat(audit.getJsonArray("audit").encode()).contains(login);
  }

  @Test
  void complaintIntakeSeesComplaintsAndOnlyComplaints() {
    String login = unique("jo");
    account(login, "complaint_intake", null);
    Session s = session(login);
    String ordinary = concern("eastside", "concern.report", "graffiti on the school");
    String complaint = concern("westside", "accountability.file_complaint", "my stop felt unfair");
    List<String> seen = references(as(s, HttpMethod.GET, "/api/v1/concerns?limit=500", null));
    assertThat(seen).contains(complaint).doesNotContain(ordinary);
    assertThat(as(s, HttpMethod.GET, "/api/v1/concerns/" + complaint, null).statusCode())
        .isEqualTo(200);
  }

  @Test
  void machineTokensCarryARoleAreShownOnceAndCanBeRevoked() {
    HttpResponse<Buffer> made =
        admin(
            HttpMethod.POST,
            "/api/v1/tokens",
            new JsonObject().put("name", "records-export").put("role", "viewer"));
    assertThat(made.statusCode()).isEqualTo(201);
    String token = made.bodyAsJsonObject().getString("token");
    String id = made.bodyAsJsonObject().getString("id");
    assertThat(token).startsWith("bl_" + id + "_");
    HttpResponse<Buffer> list = admin(HttpMethod.GET, "/api/v1/tokens?limit=500", null);
    assertThat(list.bodyAsString()).contains(id).doesNotContain(token);
    String stored = beatline.app.redis().call(c -> c.get("staff:token:" + id)).await();
    assertThat(stored).doesNotContain(token.substring(3 + id.length() + 1));

    var asToken = beatline.http.get("/api/v1/concerns").bearerTokenAuthentication(token);
    assertThat(asToken.send().await().statusCode()).isEqualTo(200);
    assertThat(
            beatline
                .http
                .post("/api/v1/officers")
                .bearerTokenAuthentication(token)
                .sendJsonObject(new JsonObject().put("name", "x"))
                .await()
                .statusCode())
        .isEqualTo(403);
    assertThat(
            beatline
                .http
                .get("/api/v1/concerns")
                .bearerTokenAuthentication(token + "x")
                .send()
                .await()
                .statusCode())
        .isEqualTo(401);
    assertThat(admin(HttpMethod.DELETE, "/api/v1/tokens/" + id, null).statusCode()).isEqualTo(204);
    assertThat(asToken.send().await().statusCode()).isEqualTo(401);
  }

  @Test
  void everyChangeAndSignInIsInTheAuditTrailWithWhoMadeIt() {
    String login = unique("kim");
    account(login, "admin", null);
    signIn(login, "wrong password here");
    Session s = session(login);
    as(
        s,
        HttpMethod.POST,
        "/api/v1/tokens",
        new JsonObject().put("name", "audit-me").put("role", "viewer"));
    as(s, HttpMethod.POST, "/api/v1/tokens", new JsonObject().put("name", "no-role"));
    JsonArray items =
        admin(HttpMethod.GET, "/api/v1/audit?limit=200", null)
            .bodyAsJsonObject()
            .getJsonArray("items");
    List<String> lines = new ArrayList<>();
    items.forEach(
        o -> {
          JsonObject e = (JsonObject) o;
          lines.add(
              e.getString("actor")
                  + " "
                  + e.getString("method")
                  + " "
                  + e.getString("path")
                  + " "
                  + e.getInteger("status"));
        });
    assertThat(lines)
        .contains(
            "token:ADMIN_TOKEN POST /api/v1/accounts 201",
            login + " POST /api/v1/session 401",
            login + " POST /api/v1/session 200",
            login + " POST /api/v1/tokens 201",
            login + " POST /api/v1/tokens 400");
    assertThat(items.encode()).doesNotContain(PASSWORD);
  }

  @Test
  void listsPageWithLimitAndCursor() {
    for (int i = 0; i < 3; i++) {
      account(unique("page"), "viewer", null);
    }
    assertThat(admin(HttpMethod.GET, "/api/v1/accounts?limit=501", null).statusCode())
        .isEqualTo(400);
    assertThat(admin(HttpMethod.GET, "/api/v1/accounts?limit=0", null).statusCode()).isEqualTo(400);
    List<String> walked = new ArrayList<>();
    String cursor = null;
    for (int pages = 0; pages < 100; pages++) {
      String path = "/api/v1/accounts?limit=2" + (cursor == null ? "" : "&cursor=" + cursor);
      JsonObject page = admin(HttpMethod.GET, path, null).bodyAsJsonObject();
      assertThat(page.getJsonArray("items").size()).isLessThanOrEqualTo(2);
      page.getJsonArray("items").forEach(o -> walked.add(((JsonObject) o).getString("login")));
      cursor = page.getString("next");
      if (cursor == null) {
        break;
      }
    }
    List<String> all = new ArrayList<>();
    admin(HttpMethod.GET, "/api/v1/accounts?limit=500", null)
        .bodyAsJsonObject()
        .getJsonArray("items")
        .forEach(o -> all.add(((JsonObject) o).getString("login")));
    assertThat(walked).isEqualTo(all).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(3);
    assertThat(admin(HttpMethod.GET, "/api/v1/consent?cursor=nonsense", null).statusCode())
        .isEqualTo(400);
  }

  @Test
  void requestsAreCheckedAgainstTheOpenApiDocumentWithTheFieldAndTheReason() {
    HttpResponse<Buffer> wrongType =
        admin(
            HttpMethod.POST,
            "/api/v1/tokens",
            new JsonObject().put("name", 42).put("role", "viewer"));
    assertThat(wrongType.statusCode()).isEqualTo(400);
    assertThat(wrongType.bodyAsJsonObject().getString("error")).startsWith("name:");
    HttpResponse<Buffer> outOfRange =
        admin(
            HttpMethod.PUT,
            "/api/v1/neighbourhoods/eastside/routing",
            new JsonObject().put("primary", "off-x").put("ackDeadlineHours", "soon"));
    assertThat(outOfRange.statusCode()).isEqualTo(400);
    assertThat(outOfRange.bodyAsJsonObject().getString("error")).startsWith("ackDeadlineHours:");
    HttpResponse<Buffer> badQuery = admin(HttpMethod.GET, "/api/v1/concerns?state=lost", null);
    assertThat(badQuery.statusCode()).isEqualTo(400);
    assertThat(badQuery.bodyAsJsonObject().getString("error")).contains("state");
    HttpResponse<Buffer> missing =
        admin(HttpMethod.POST, "/api/v1/tokens", new JsonObject().put("role", "viewer"));
    assertThat(missing.bodyAsJsonObject().getString("error")).isEqualTo("name: required");
    // Nothing was made by any of them.
    assertThat(admin(HttpMethod.GET, "/api/v1/tokens?limit=500", null).bodyAsString())
        .doesNotContain("\"name\":42");
  }

  @Test
  void theLastAdminCannotLockThemselvesOut() {
    String login = unique("lee");
    account(login, "admin", null);
    Session s = session(login);
    assertThat(as(s, HttpMethod.DELETE, "/api/v1/accounts/" + login, null).statusCode())
        .isEqualTo(409);
    assertThat(
            as(
                    s,
                    HttpMethod.PATCH,
                    "/api/v1/accounts/" + login,
                    new JsonObject().put("disabled", true))
                .statusCode())
        .isEqualTo(409);
  }
}
