package org.beatline.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beatline.support.Running.eventually;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.beatline.contact.ConsentLedger;
import org.beatline.contact.Contacts;
import org.beatline.support.Running;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A meeting scheduled once reaches each subscriber of its neighbourhood once, in their language,
 * and no one else; cancelling it sends a notice and drops its reminders. Quiet hours are switched
 * off in this profile so the test does not depend on the time of day (they have their own test).
 */
class MeetingBroadcastTest {
  @TempDir static Path conversations;
  static Running beatline;

  @BeforeAll
  static void start() throws IOException {
    org.beatline.support.Profiles.withoutQuietHours(conversations);
    beatline =
        Running.start(
            null, Map.of("CONVERSATIONS_DIR", conversations.toString()), Running::fastOutbox);
  }

  @AfterAll
  static void stop() {
    beatline.close();
  }

  /** A resident who wrote once in their language and subscribed to a neighbourhood's meetings. */
  static String subscriber(String firstWords, String neighbourhood) {
    String who = Running.newResident();
    beatline.say(who, firstWords);
    Contacts contacts = new Contacts(beatline.app.redis());
    var contact = contacts.find("web", who).await();
    new ConsentLedger(beatline.app.redis(), contacts)
        .topic(contact, "meetings.announcements|" + neighbourhood, true, Instant.now())
        .await();
    new ConsentLedger(beatline.app.redis(), contacts)
        .topic(contact, "meetings.reminders|" + neighbourhood, true, Instant.now())
        .await();
    return who;
  }

  static final Map<String, List<JsonObject>> RECEIVED =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** Every meeting broadcast a simulator identity has received so far (reading empties the box). */
  static List<JsonObject> mailbox(String who) {
    List<JsonObject> all =
        RECEIVED.computeIfAbsent(who, k -> new java.util.concurrent.CopyOnWriteArrayList<>());
    all.addAll(fetch(who));
    return all;
  }

  private static List<JsonObject> fetch(String who) {
    return beatline
        .http
        .get("/api/simulator/messages?from=" + who)
        .send()
        .await()
        .bodyAsJsonObject()
        .getJsonArray("messages")
        .stream()
        .map(m -> (JsonObject) m)
        .filter(
            m -> m.getString("key") != null && m.getString("key").startsWith("meetings.announce"))
        .toList();
  }

  static HttpResponse<Buffer> admin(String method, String path, JsonObject body) {
    return beatline.admin(method, path, body);
  }

  @Test
  void aMeetingReachesEachSubscriberOnceInTheirLanguageAndNoOneElse() {
    String spanish = subscriber("hola, buenas tardes", "eastside");
    String english = subscriber("hello there", "eastside");
    String elsewhere = subscriber("hello there", "westside");
    JsonObject meeting =
        new JsonObject()
            .put("kind", "meeting")
            .put("neighbourhood", "eastside")
            .put(
                "startsAt",
                Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES).toString())
            .put("durationMinutes", 90)
            .put("place", "Eastside Library, 12 Oak Street")
            .put(
                "title",
                new JsonObject()
                    .put("en", "Eastside community meeting")
                    .put("es", "Reunión comunitaria del Lado Este"));

    HttpResponse<Buffer> created = admin("POST", "/api/v1/meetings", meeting);
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
    String id = created.bodyAsJsonObject().getString("id");
    String broadcast = created.bodyAsJsonObject().getString("broadcast");

    eventually(() -> assertThat(mailbox(spanish)).hasSize(1));
    eventually(() -> assertThat(mailbox(english)).hasSize(1));
    assertThat(mailbox(spanish).get(0).getString("text"))
        .contains("Reunión comunitaria del Lado Este");
    assertThat(mailbox(spanish).get(0).getString("language")).isEqualTo("es");
    assertThat(mailbox(english).get(0).getString("text"))
        .contains("Eastside community meeting")
        .contains(".ics?lang=en");
    assertThat(mailbox(elsewhere)).isEmpty();
    eventually(
        () -> {
          JsonObject progress =
              admin("GET", "/api/v1/broadcasts/" + broadcast, null).bodyAsJsonObject();
          assertThat(progress.getLong("recipients")).isEqualTo(2);
          assertThat(progress.getLong("queued")).isEqualTo(2);
          assertThat(progress.getLong("sent")).isEqualTo(2);
        });
    // Reminders are scheduled 24 and 2 hours before.
    assertThat(beatline.app.redis().call(c -> c.zscore("{jobs}:due", "remind2:" + id)).await())
        .isNotNull();

    HttpResponse<Buffer> cancelled = admin("DELETE", "/api/v1/meetings/" + id, null);
    assertThat(cancelled.statusCode()).isEqualTo(200);
    eventually(() -> assertThat(mailbox(english)).hasSize(2));
    assertThat(mailbox(english).get(1).getString("key")).isEqualTo("meetings.announce.cancelled");
    assertThat(beatline.app.redis().call(c -> c.zscore("{jobs}:due", "remind2:" + id)).await())
        .isNull();
    assertThat(beatline.app.redis().call(c -> c.zscore("{jobs}:due", "remind24:" + id)).await())
        .isNull();
    assertThat(admin("GET", "/api/v1/meetings/" + id, null).statusCode()).isEqualTo(404);
  }

  @Test
  void minutesReachOnlyThoseWhoAskedForThem() {
    String withMinutes = subscriber("hello there", "riverside");
    String without = subscriber("hello there", "riverside");
    Contacts contacts = new Contacts(beatline.app.redis());
    new ConsentLedger(beatline.app.redis(), contacts)
        .topic(
            contacts.find("web", withMinutes).await(),
            "meetings.minutes|riverside",
            true,
            Instant.now())
        .await();
    JsonObject meeting =
        new JsonObject()
            .put("kind", "forum")
            .put("neighbourhood", "riverside")
            .put(
                "startsAt",
                Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES).toString())
            .put("durationMinutes", 60)
            .put("place", "Riverside Hall")
            .put("title", new JsonObject().put("en", "Riverside forum on body cameras"));
    String id = admin("POST", "/api/v1/meetings", meeting).bodyAsJsonObject().getString("id");
    eventually(() -> assertThat(mailbox(without)).hasSize(1));
    eventually(() -> assertThat(mailbox(withMinutes)).hasSize(1));

    HttpResponse<Buffer> minutes =
        admin(
            "POST",
            "/api/v1/meetings/" + id + "/minutes",
            new JsonObject()
                .put("summary", "Forty residents came; the pilot starts in March.")
                .put("link", "https://police.riverton.example/minutes/42"));
    assertThat(minutes.statusCode()).as(minutes.bodyAsString()).isLessThan(300);
    eventually(() -> assertThat(mailbox(withMinutes)).hasSize(2));
    assertThat(mailbox(withMinutes).get(1).getString("key")).isEqualTo("meetings.announce.minutes");
    assertThat(mailbox(withMinutes).get(1).getString("text")).contains("the pilot starts in March");
    assertThat(mailbox(without)).hasSize(1);
  }

  @Test
  void aMeetingIsRefusedWithTheFieldAndTheReason() {
    JsonObject bad =
        new JsonObject()
            .put("kind", "party")
            .put("neighbourhood", "eastside")
            .put("startsAt", "2030-06-12T18:30:00-05:00")
            .put("durationMinutes", 90)
            .put("place", "Library")
            .put("title", new JsonObject().put("en", "x"));
    HttpResponse<Buffer> res = admin("POST", "/api/v1/meetings", bad);
    assertThat(res.statusCode()).isEqualTo(400);
    assertThat(res.bodyAsJsonObject().getString("error")).startsWith("kind:");
    HttpResponse<Buffer> noZone =
        admin(
            "POST",
            "/api/v1/meetings",
            bad.copy().put("kind", "forum").put("startsAt", "2030-06-12 18:30"));
    assertThat(noZone.bodyAsJsonObject().getString("error")).startsWith("startsAt:");
    HttpResponse<Buffer> noEnglish =
        admin(
            "POST",
            "/api/v1/meetings",
            bad.copy().put("kind", "forum").put("title", new JsonObject().put("es", "Foro")));
    assertThat(noEnglish.bodyAsJsonObject().getString("error")).startsWith("title:");
    assertThat(admin("GET", "/api/v1/meetings", null).bodyAsJsonObject().getJsonArray("items"))
        .isInstanceOf(JsonArray.class);
  }
}
