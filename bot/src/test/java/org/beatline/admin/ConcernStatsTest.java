package org.beatline.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
 * Concern trends through the running service on a real Redis: cases are stored as the desk stores
 * them, with their milestones, and counted per period of the department's time zone.
 */
class ConcernStatsTest {
  static Running beatline;
  static Concerns concerns;

  @BeforeAll
  static void start() {
    beatline = Running.start(null, Map.of(), Running::fastOutbox);
    concerns = new Concerns(beatline.app.redis(), "RIV");
  }

  @AfterAll
  static void stop() {
    beatline.close();
  }

  /** A neighbourhood name no other test uses, so that cases of other tests are never counted. */
  static String hood() {
    return "hood-" + UUID.randomUUID().toString().substring(0, 6);
  }

  /**
   * Stores a case made at {@code created}, answered and resolved after so many minutes (or not).
   */
  static void stored(
      String hood, String category, Instant created, Integer answeredAfter, Integer resolvedAfter) {
    String ref =
        "STAT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
    Concern c =
        new Concern(
            ref,
            "web:sim-stats",
            "street lights out",
            "Elm",
            hood,
            "text",
            null,
            "en",
            category,
            Concern.NEW,
            null,
            created,
            created);
    assertThat(concerns.create(c).await()).isTrue();
    if (answeredAfter != null) {
      set(ref, "answeredAt", created.plus(answeredAfter, ChronoUnit.MINUTES));
    }
    if (resolvedAfter != null) {
      set(ref, "resolvedAt", created.plus(resolvedAfter, ChronoUnit.MINUTES));
    }
  }

  static void set(String ref, String field, Instant at) {
    beatline.app.redis().call(r -> r.hset("concern:" + ref, field, at.toString())).await();
  }

  static HttpResponse<Buffer> stats(String query) {
    return beatline
        .http
        .get("/api/v1/concerns/stats?" + query)
        .putHeader("Authorization", Running.ADMIN)
        .send()
        .await();
  }

  static List<JsonObject> itemsOf(HttpResponse<Buffer> res, String hood) {
    assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(200);
    JsonArray items = res.bodyAsJsonObject().getJsonArray("items");
    return items.stream()
        .map(JsonObject.class::cast)
        .filter(i -> !i.containsKey("neighbourhood") || hood.equals(i.getString("neighbourhood")))
        .toList();
  }

  @Test
  void countsAndMedianMinutesPerWeekByNeighbourhoodAndCategory() {
    String hood = hood();
    Instant tuesday = Instant.parse("2021-02-02T15:00:00Z"); // 2021-W05
    stored(hood, "concern.report", tuesday, 30, 600);
    stored(hood, "concern.report", tuesday.plus(1, ChronoUnit.HOURS), 60, null);
    stored(hood, "concern.report", tuesday.plus(2, ChronoUnit.HOURS), 120, null);
    stored(hood, "officer.contact", tuesday, null, null);
    stored(hood, "concern.report", Instant.parse("2021-02-09T15:00:00Z"), 10, 20); // 2021-W06

    HttpResponse<Buffer> res =
        stats(
            "by=neighbourhood,category&interval=week"
                + "&since=2021-02-01T06:00:00Z&until=2021-02-15T06:00:00Z");
    assertThat(res.bodyAsJsonObject().getJsonArray("periods").getList())
        .containsExactly("2021-W05", "2021-W06");
    assertThat(itemsOf(res, hood))
        .containsExactly(
            new JsonObject()
                .put("period", "2021-W05")
                .put("neighbourhood", hood)
                .put("category", "concern.report")
                .put("count", 3)
                .put("acknowledgedMedianMinutes", 60L)
                .put("resolvedMedianMinutes", 600L),
            new JsonObject()
                .put("period", "2021-W05")
                .put("neighbourhood", hood)
                .put("category", "officer.contact")
                .put("count", 1)
                .putNull("acknowledgedMedianMinutes")
                .putNull("resolvedMedianMinutes"),
            new JsonObject()
                .put("period", "2021-W06")
                .put("neighbourhood", hood)
                .put("category", "concern.report")
                .put("count", 1)
                .put("acknowledgedMedianMinutes", 10L)
                .put("resolvedMedianMinutes", 20L));
  }

  @Test
  void periodsFollowTheDepartmentsTimeZoneNotUtc() {
    String hood = hood();
    // Monday 03:00 UTC is still Sunday evening in Chicago: the week before.
    stored(hood, "concern.report", Instant.parse("2022-03-07T03:00:00Z"), 40, null);
    stored(hood, "concern.report", Instant.parse("2022-03-07T07:00:00Z"), 40, null);
    HttpResponse<Buffer> res =
        stats("by=neighbourhood&since=2022-02-28T06:00:00Z&until=2022-03-14T05:00:00Z");
    assertThat(itemsOf(res, hood))
        .extracting(i -> i.getString("period") + " " + i.getInteger("count"))
        .containsExactly("2022-W09 1", "2022-W10 1");
  }

  @Test
  void withoutGroupsEachPeriodIsOneTotalAndEvenCountsTakeTheMiddleTwo() {
    stored(hood(), "concern.report", Instant.parse("2019-05-03T15:00:00Z"), 10, null);
    stored(
        hood(), "accountability.file_complaint", Instant.parse("2019-05-20T15:00:00Z"), 25, null);
    HttpResponse<Buffer> res =
        stats("interval=month&since=2019-05-01T05:00:00Z&until=2019-07-01T05:00:00Z");
    assertThat(res.statusCode()).isEqualTo(200);
    JsonObject body = res.bodyAsJsonObject();
    assertThat(body.getJsonArray("periods").getList()).containsExactly("2019-05", "2019-06");
    assertThat(body.getJsonArray("items"))
        .containsExactly(
            new JsonObject()
                .put("period", "2019-05")
                .put("count", 2)
                .put("acknowledgedMedianMinutes", 18L)
                .putNull("resolvedMedianMinutes"));
    assertThat(body.getValue("next")).isNull();
  }

  @Test
  void aViewerCountsEverythingButMisconductComplaints() {
    String hood = hood();
    Instant at = Instant.parse("2018-10-02T15:00:00Z");
    stored(hood, "concern.report", at, null, null);
    stored(hood, "accountability.file_complaint", at, null, null);
    String viewer =
        beatline
            .http
            .post("/api/v1/tokens")
            .putHeader("Authorization", Running.ADMIN)
            .sendJsonObject(new JsonObject().put("name", "trends-" + hood).put("role", "viewer"))
            .await()
            .bodyAsJsonObject()
            .getString("token");
    String query =
        "by=neighbourhood,category&since=2018-10-01T05:00:00Z&until=2018-10-08T05:00:00Z";
    assertThat(itemsOf(stats(query), hood))
        .extracting(i -> i.getString("category"))
        .containsExactlyInAnyOrder("concern.report", "accountability.file_complaint");
    HttpResponse<Buffer> asViewer =
        beatline
            .http
            .get("/api/v1/concerns/stats?" + query)
            .putHeader("Authorization", "Bearer " + viewer)
            .send()
            .await();
    assertThat(itemsOf(asViewer, hood))
        .extracting(i -> i.getString("category"))
        .containsExactly("concern.report");
  }

  @Test
  void aCaseWorkedThroughTheApiCountsItsFirstAnswerAndResolution() {
    String hood = hood();
    String ref =
        "STAT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
    Instant now = Instant.now();
    concerns
        .create(
            new Concern(
                ref,
                "web:sim-stats-live",
                "graffiti",
                "Main",
                hood,
                "text",
                null,
                "en",
                "concern.report",
                Concern.NEW,
                null,
                now,
                now))
        .await();
    for (String action : List.of("ack", "resolve")) {
      var res =
          beatline
              .http
              .post("/api/v1/concerns/" + ref + "/" + action)
              .putHeader("Authorization", Running.ADMIN)
              .sendJsonObject(new JsonObject().put("text", "done"))
              .await();
      assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(200);
    }
    HttpResponse<Buffer> res =
        stats(
            "by=neighbourhood&interval=day&since="
                + now.minus(1, ChronoUnit.HOURS)
                + "&until="
                + now.plus(1, ChronoUnit.HOURS));
    assertThat(itemsOf(res, hood))
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.getInteger("count")).isEqualTo(1);
              assertThat(i.getLong("acknowledgedMedianMinutes")).isZero();
              assertThat(i.getLong("resolvedMedianMinutes")).isZero();
            });
  }

  @Test
  void badParametersAreRefusedWithTheirReason() {
    assertThat(stats("interval=year").statusCode()).isEqualTo(400);
    assertThat(stats("interval=year").bodyAsJsonObject().getString("error")).contains("interval");
    assertThat(stats("by=officer").bodyAsJsonObject().getString("error")).startsWith("by:");
    assertThat(stats("since=yesterday").statusCode()).isEqualTo(400);
    assertThat(stats("since=2030-01-02T00:00:00Z&until=2030-01-01T00:00:00Z").statusCode())
        .isEqualTo(400);
    assertThat(stats("interval=day&since=2000-01-01T00:00:00Z").statusCode()).isEqualTo(400);
    assertThat(beatline.http.get("/api/v1/concerns/stats").send().await().statusCode())
        .isEqualTo(401);
  }
}
