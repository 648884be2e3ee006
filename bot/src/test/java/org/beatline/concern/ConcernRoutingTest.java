package org.beatline.concern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beatline.support.Running.eventually;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.function.IntSupplier;
import org.beatline.support.Providers;
import org.beatline.support.Running;
import org.beatline.support.Texting;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Concerns reach the liaison officer's phone and the resident hears back, through the running
 * service: Twilio and Telegram are WireMock, Redis is real, officers are registered through the
 * admin API as staff would.
 */
class ConcernRoutingTest {
  static final String ADMIN = "Bearer admin-token-for-tests-0123";
  static WireMockServer providers;
  static Running beatline;
  static Texting texting;

  @BeforeAll
  static void start() {
    providers = Providers.start();
    beatline = Running.live(providers);
    texting = new Texting(beatline, providers);
  }

  @AfterAll
  static void stop() {
    beatline.close();
    providers.stop();
  }

  @AfterEach
  void forgetRouting() {
    beatline.app.redis().call(c -> c.del("routing:eastside", "routing:westside")).await();
  }

  static String phone() {
    return "+1555" + (2000000 + (int) (Math.random() * 7999999));
  }

  static long chat() {
    return 100_000_000L + (long) (Math.random() * 800_000_000L);
  }

  static JsonObject register(JsonObject officer) {
    HttpResponse<Buffer> res =
        beatline
            .http
            .post("/api/v1/officers")
            .putHeader("Authorization", ADMIN)
            .sendJsonObject(officer)
            .await();
    assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(201);
    return res.bodyAsJsonObject();
  }

  static JsonObject officer(String role, String hood, String phone, Long chat) {
    JsonObject o =
        new JsonObject()
            .put("name", "Dana " + UUID.randomUUID().toString().substring(0, 4))
            .put("displayName", "Officer Reyes")
            .put("role", role)
            .put("neighbourhoods", hood == null ? new JsonArray() : new JsonArray().add(hood))
            .put("languages", new JsonArray().add("en"));
    if (phone != null) {
      o.put("phone", phone);
    }
    if (chat != null) {
      o.put("telegramChatId", Long.toString(chat));
    }
    return o;
  }

  static void route(String hood, String primary) {
    HttpResponse<Buffer> res =
        beatline
            .http
            .put("/api/v1/neighbourhoods/" + hood + "/routing")
            .putHeader("Authorization", ADMIN)
            .sendJsonObject(new JsonObject().put("primary", primary).put("ackDeadlineHours", 8))
            .await();
    assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(200);
  }

  /**
   * Reports a concern the way a resident texts, answering each question the bot asks, until the
   * concern exists; its reference.
   */
  static String reportConcern(
      String contactKey,
      java.util.function.Function<String, Integer> say,
      java.util.function.Supplier<List<String>> heard,
      String zip) {
    assertThat(say.apply("hello")).isEqualTo(200);
    eventually(() -> assertThat(heard.get()).isNotEmpty());
    String next = "there are cars racing on my street every night";
    for (int turn = 0; turn < 8; turn++) {
      int before = heard.get().size();
      assertThat(say.apply(next)).isEqualTo(200);
      List<String> refs =
          beatline.app.redis().call(c -> c.lrange("concerns:contact:" + contactKey, 0, 0)).await();
      if (!refs.isEmpty()) {
        return refs.get(0);
      }
      eventually(() -> assertThat(heard.get().size()).isGreaterThan(before));
      List<String> all = heard.get();
      String asked = all.get(all.size() - 1);
      next =
          asked.contains("What is happening")
              ? "cars racing on my street every night"
              : asked.contains("Where is this")
                  ? "Oak Street by the library"
                  : asked.contains("Which neighbourhood")
                      ? zip
                      : asked.contains("Is that in") ? "no" : "1";
    }
    throw new AssertionError("the concern journey never created a concern");
  }

  static String state(String reference) {
    HttpResponse<Buffer> res =
        beatline
            .http
            .get("/api/v1/concerns/" + reference)
            .putHeader("Authorization", ADMIN)
            .send()
            .await();
    assertThat(res.statusCode()).isEqualTo(200);
    return res.bodyAsJsonObject().getString("state");
  }

  @Test
  void aConcernTextedBySmsReachesATelegramOfficerAndTheConversationGoesBothWays() {
    long officerChat = chat();
    String liaison = register(officer("liaison", "eastside", null, officerChat)).getString("id");
    route("eastside", liaison);
    String resident = phone();

    String ref =
        reportConcern(
            "twilio:" + resident,
            t -> texting.sms(resident, t),
            () -> texting.smsTo(resident),
            "55106");

    eventually(
        () ->
            assertThat(texting.telegramTo(officerChat))
                .anySatisfy(t -> assertThat(t).contains(ref).contains("cars racing")));
    String number = ref.substring(ref.indexOf('-') + 1);

    texting.telegram(officerChat, "ACK " + number);
    eventually(
        () ->
            assertThat(texting.smsTo(resident))
                .anySatisfy(t -> assertThat(t).contains(ref).contains("Officer Reyes")));
    assertThat(state(ref)).isEqualTo("acknowledged");

    texting.telegram(officerChat, "r " + ref + " We will patrol Oak Street tonight.");
    eventually(
        () ->
            assertThat(texting.smsTo(resident))
                .anySatisfy(t -> assertThat(t).contains("We will patrol Oak Street tonight.")));
    // The resident's number never reaches the officer.
    assertThat(texting.telegramTo(officerChat))
        .noneSatisfy(t -> assertThat(t).contains(resident.substring(2)));

    texting.sms(resident, "thank you, they were racing again at 2am");
    eventually(
        () ->
            assertThat(texting.telegramTo(officerChat))
                .anySatisfy(t -> assertThat(t).contains("racing again at 2am").contains(ref)));

    // After the window the resident's words go to the bot, not to the officer.
    beatline.app.redis().call(c -> c.del("relay:twilio:" + resident)).await();
    int before = texting.telegramTo(officerChat).size();
    texting.sms(resident, "also the streetlight is out near the school");
    eventually(() -> assertThat(texting.smsTo(resident).size()).isGreaterThan(4));
    assertThat(texting.telegramTo(officerChat)).hasSize(before);

    texting.telegram(officerChat, "DONE " + number + " Patrols added on weeknights.");
    eventually(
        () ->
            assertThat(texting.smsTo(resident))
                .anySatisfy(
                    t ->
                        assertThat(t)
                            .contains("resolved")
                            .contains("Patrols added on weeknights.")));
    assertThat(state(ref)).isEqualTo("resolved");

    JsonObject full =
        beatline
            .http
            .get("/api/v1/concerns/" + ref)
            .putHeader("Authorization", ADMIN)
            .send()
            .await()
            .bodyAsJsonObject();
    assertThat(full.getJsonArray("thread").size()).isGreaterThanOrEqualTo(3);
    assertThat(full.getJsonArray("audit").stream().map(a -> ((JsonObject) a).getString("what")))
        .contains("created", "acknowledged", "replied", "resolved");
  }

  @Test
  void aConcernWrittenOnTelegramReachesAnSmsOfficer() {
    String officerPhone = phone();
    String liaison = register(officer("liaison", "westside", officerPhone, null)).getString("id");
    route("westside", liaison);
    long resident = chat();

    String ref =
        reportConcern(
            "telegram:" + resident,
            t -> texting.telegram(resident, t),
            () -> texting.telegramTo(resident),
            "55102");

    eventually(
        () -> assertThat(texting.smsTo(officerPhone)).anySatisfy(t -> assertThat(t).contains(ref)));
    texting.sms(officerPhone, "R " + ref + " Thanks, I will call the city about it.");
    eventually(
        () ->
            assertThat(texting.telegramTo(resident))
                .anySatisfy(t -> assertThat(t).contains("I will call the city about it.")));
  }

  @Test
  void onlyTheOfficerOfACaseCanCloseIt() {
    long officerChat = chat();
    String liaison = register(officer("liaison", "eastside", null, officerChat)).getString("id");
    route("eastside", liaison);
    String resident = phone();
    String ref =
        reportConcern(
            "twilio:" + resident,
            t -> texting.sms(resident, t),
            () -> texting.smsTo(resident),
            "55106");
    String number = ref.substring(ref.indexOf('-') + 1);

    // A stranger types the command: an ordinary resident, who closes nothing.
    String stranger = phone();
    texting.sms(stranger, "DONE " + number + " fixed");
    // Another registered officer is refused politely.
    String otherPhone = phone();
    register(officer("liaison", "westside", otherPhone, null));
    texting.sms(otherPhone, "DONE " + number + " fixed");

    eventually(
        () ->
            assertThat(texting.smsTo(otherPhone))
                .anySatisfy(t -> assertThat(t).contains("not one of your cases")));
    assertThat(state(ref)).isEqualTo("new");
    // A malformed command gets a one-line usage answer.
    texting.telegram(officerChat, "NOFU " + number);
    eventually(
        () ->
            assertThat(texting.telegramTo(officerChat))
                .anySatisfy(t -> assertThat(t).startsWith("To close without follow-up")));
    assertThat(state(ref)).isEqualTo("new");
  }

  @Test
  void officersAreManagedThroughTheAdminApiWithClearRefusals() {
    String shared = phone();
    register(officer("supervisor", null, shared, null));
    HttpResponse<Buffer> twice =
        beatline
            .http
            .post("/api/v1/officers")
            .putHeader("Authorization", ADMIN)
            .sendJsonObject(officer("liaison", "eastside", shared, null))
            .await();
    assertThat(twice.statusCode()).isEqualTo(409);

    HttpResponse<Buffer> unknown =
        beatline
            .http
            .post("/api/v1/officers")
            .putHeader("Authorization", ADMIN)
            .sendJsonObject(officer("liaison", "eastside", phone(), null).put("badge", 7))
            .await();
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.bodyAsJsonObject().getString("error")).isEqualTo("badge: unknown field");

    HttpResponse<Buffer> role =
        beatline
            .http
            .post("/api/v1/officers")
            .putHeader("Authorization", ADMIN)
            .sendJsonObject(officer("sheriff", null, phone(), null))
            .await();
    assertThat(role.statusCode()).isEqualTo(400);
    assertThat(role.bodyAsJsonObject().getString("error")).startsWith("role:");

    assertThat(beatline.http.get("/api/v1/officers").send().await().statusCode()).isEqualTo(401);
    IntSupplier listed =
        () ->
            beatline
                .http
                .get("/api/v1/officers")
                .putHeader("Authorization", ADMIN)
                .send()
                .await()
                .bodyAsJsonObject()
                .getJsonArray("items")
                .size();
    assertThat(listed.getAsInt()).isPositive();

    JsonObject made = register(officer("liaison", "riverside", phone(), null));
    HttpResponse<Buffer> patched =
        beatline
            .http
            .patch("/api/v1/officers/" + made.getString("id"))
            .putHeader("Authorization", ADMIN)
            .sendJsonObject(new JsonObject().put("active", false))
            .await();
    assertThat(patched.statusCode()).isEqualTo(200);
    assertThat(patched.bodyAsJsonObject().getBoolean("active")).isFalse();
    assertThat(
            beatline
                .http
                .delete("/api/v1/officers/" + made.getString("id"))
                .putHeader("Authorization", ADMIN)
                .send()
                .await()
                .statusCode())
        .isEqualTo(204);
    assertThat(
            beatline
                .http
                .get("/api/v1/officers/" + made.getString("id"))
                .putHeader("Authorization", ADMIN)
                .send()
                .await()
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void open311ListsRequestsWithoutContactDetails() {
    String resident = phone();
    String ref =
        reportConcern(
            "twilio:" + resident,
            t -> texting.sms(resident, t),
            () -> texting.smsTo(resident),
            "55106");
    HttpResponse<Buffer> res =
        beatline
            .http
            .get("/api/v1/open311/requests.json")
            .putHeader("Authorization", ADMIN)
            .send()
            .await();
    assertThat(res.statusCode()).isEqualTo(200);
    JsonArray all = res.bodyAsJsonArray();
    JsonObject mine =
        all.stream()
            .map(o -> (JsonObject) o)
            .filter(o -> ref.equals(o.getString("service_request_id")))
            .findFirst()
            .orElseThrow();
    assertThat(mine.getString("status")).isEqualTo("open");
    assertThat(res.bodyAsString()).doesNotContain(resident.substring(2));

    HttpResponse<Buffer> csv =
        beatline
            .http
            .get("/api/v1/concerns?format=csv")
            .putHeader("Authorization", ADMIN)
            .send()
            .await();
    assertThat(csv.getHeader("Content-Type")).startsWith("text/csv");
    assertThat(csv.bodyAsString()).startsWith("reference,state,").contains(ref);
  }
}
