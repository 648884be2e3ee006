package org.beatline.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beatline.support.Running.eventually;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.beatline.support.Profiles;
import org.beatline.support.Running;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Post-contact survey invitations through the admin API: each rule refuses with its reason, an
 * invitation reaches the person in their language, and a completed response holds no address.
 */
class SurveyInvitationTest {
  @TempDir static Path conversations;
  static Running beatline;

  @BeforeAll
  static void start() throws IOException {
    Profiles.withoutQuietHours(conversations);
    beatline =
        Running.start(
            null, Map.of("CONVERSATIONS_DIR", conversations.toString()), Running::fastOutbox);
  }

  @AfterAll
  static void stop() {
    beatline.close();
  }

  static JsonObject invitation(String address, String type, String incident) {
    JsonObject j =
        new JsonObject()
            .put("channel", "web")
            .put("address", address)
            .put("contactType", type)
            .put("district", "eastside")
            .put("sendAfter", "2020-01-01T00:00:00Z");
    if (incident != null) {
      j.put("incidentRef", incident);
    }
    return j;
  }

  static HttpResponse<Buffer> invite(JsonObject... all) {
    return beatline
        .http
        .post("/api/v1/surveys/after_contact/invitations")
        .putHeader("Authorization", Running.ADMIN)
        .sendJsonObject(new JsonObject().put("invitations", new JsonArray(List.of((Object[]) all))))
        .await();
  }

  static List<String> statuses(HttpResponse<Buffer> res) {
    assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(200);
    return res.bodyAsJsonObject().getJsonArray("results").stream()
        .map(r -> (JsonObject) r)
        .map(
            r ->
                r.getString("status")
                    + (r.containsKey("reason") ? ":" + r.getString("reason") : ""))
        .toList();
  }

  static List<String> keys(JsonObject said) {
    return said.getJsonArray("replies").stream()
        .map(r -> ((JsonObject) r).getString("key"))
        .toList();
  }

  @Test
  void eachRuleRefusesWithItsReason() {
    String stopped = Running.newResident();
    beatline.say(stopped, "hello");
    beatline.say(stopped, "STOP");
    String twice = Running.newResident();
    String incident = "INC-" + System.nanoTime();

    List<String> results =
        statuses(
            invite(
                invitation(stopped, "crash", null),
                invitation(Running.newResident(), "domestic_violence", null),
                invitation(Running.newResident(), "crime_victim", incident),
                invitation(Running.newResident(), "crime_victim", incident),
                invitation(twice, "citation", null),
                invitation(twice, "citation", null)));

    assertThat(results)
        .containsExactly(
            "refused:opted_out",
            "refused:sensitive_contact_type",
            "scheduled",
            "refused:incident_already_surveyed",
            "scheduled",
            "refused:surveyed_recently");
  }

  @Test
  void badInvitationsAreRefusedWithTheFieldAndTheReason() {
    HttpResponse<Buffer> res = invite(invitation("sim-x", "parking", null));
    assertThat(res.statusCode()).isEqualTo(400);
    assertThat(res.bodyAsJsonObject().getString("error")).startsWith("invitations[0].contactType:");
    HttpResponse<Buffer> community =
        beatline
            .http
            .post("/api/v1/surveys/community/invitations")
            .putHeader("Authorization", Running.ADMIN)
            .sendJsonObject(
                new JsonObject()
                    .put("invitations", new JsonArray().add(invitation("sim-y", "crash", null))))
            .await();
    assertThat(community.statusCode()).isEqualTo(400);
  }

  @Test
  void anInvitationIsAnsweredAndTheResponseHoldsNoAddress() {
    String who = Running.newResident();
    assertThat(statuses(invite(invitation(who, "crash", null).put("language", "es"))))
        .containsExactly("scheduled");
    List<JsonObject> received = new java.util.concurrent.CopyOnWriteArrayList<>();

    eventually(
        () -> {
          var box =
              beatline
                  .http
                  .get("/api/simulator/messages?from=" + who)
                  .send()
                  .await()
                  .bodyAsJsonObject()
                  .getJsonArray("messages");
          received.addAll(box.stream().map(m -> (JsonObject) m).toList());
          assertThat(received).isNotEmpty();
        });
    JsonObject invite = received.get(0);
    assertThat(invite.getString("key")).isEqualTo("survey.after_contact.crash.invite");
    assertThat(invite.getString("language")).isEqualTo("es");
    assertThat(invite.getString("text"))
        .startsWith("Un agente del Riverton Police Department atendió su choque reciente.");
    assertThat(keys(beatline.say(who, "sí")))
        .containsExactly("survey.after_contact.intro", "survey.after_contact.q.courtesy");
    assertThat(keys(beatline.say(who, "5")))
        .containsExactly("survey.after_contact.crash.q.exchanged_information");
    assertThat(keys(beatline.say(who, "sí, me ayudó")))
        .containsExactly("survey.after_contact.crash.q.explained");
    beatline.say(who, "sí");
    JsonObject last = beatline.say(who, "4");
    assertThat(last.getJsonArray("replies").stream().map(r -> ((JsonObject) r).getString("key")))
        .contains("survey.after_contact.thanks");

    List<String> stored =
        beatline.app.redis().call(c -> c.lrange("survey:after_contact:responses", 0, -1)).await();
    assertThat(stored).isNotEmpty().noneMatch(r -> r.contains(who));
    JsonObject mine = new JsonObject(stored.get(stored.size() - 1));
    assertThat(mine.getString("contactType")).isEqualTo("crash");
    assertThat(mine.getString("district")).isEqualTo("eastside");
    assertThat(mine.getString("language")).isEqualTo("es");
    assertThat(mine.getJsonObject("answers").getMap())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "courtesy",
                "5",
                "exchanged_information",
                "yes",
                "explained",
                "yes",
                "overall",
                "4"));

    JsonObject results =
        beatline
            .http
            .get("/api/v1/surveys/after_contact/results")
            .putHeader("Authorization", Running.ADMIN)
            .send()
            .await()
            .bodyAsJsonObject();
    assertThat(results.getJsonObject("rates").getLong("completed")).isPositive();
    assertThat(results.getJsonObject("questions").getJsonObject("courtesy").getDouble("mean"))
        .isPositive();
    assertThat(
            results.getJsonObject("breakdowns").getJsonObject("contactType").containsKey("crash"))
        .isTrue();
    String csv =
        beatline
            .http
            .get("/api/v1/surveys/after_contact/results?format=csv")
            .putHeader("Authorization", Running.ADMIN)
            .send()
            .await()
            .bodyAsString();
    assertThat(csv).startsWith("week,language,contactType,district").doesNotContain(who);
  }
}
