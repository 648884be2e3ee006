package org.beatline.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.beatline.conversation.Facts;
import org.beatline.redis.EmbeddedRedis;
import org.beatline.redis.Redis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MeetingsTest {
  Vertx vertx;
  EmbeddedRedis server;
  Redis redis;
  Meetings meetings;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    // Its own server: the shared one holds meetings other tests' instances seeded.
    server = EmbeddedRedis.start();
    redis = Redis.connect(vertx, server.url());
    meetings = new Meetings(redis, "https://beatline.example.org");
  }

  @AfterEach
  void stop() {
    redis.close();
    vertx.close().await();
    server.close();
  }

  @Test
  void seedsOnceAndListsUpcomingSoonestFirst() {
    List<Map<String, Object>> seeds =
        List.of(
            Map.of(
                "id",
                "late",
                "neighbourhood",
                "eastside",
                "start",
                "2031-01-01T00:00:00Z",
                "place",
                "Library",
                "titles",
                Map.of("en", "Late")),
            Map.of(
                "id",
                "soon",
                "neighbourhood",
                "eastside",
                "start",
                "2030-01-01T00:00:00Z",
                "place",
                "Library",
                "titles",
                Map.of("en", "Soon")),
            Map.of(
                "id",
                "past",
                "neighbourhood",
                "eastside",
                "start",
                "2020-01-01T00:00:00Z",
                "place",
                "Library",
                "titles",
                Map.of("en", "Past")));
    meetings.seed(seeds).await();
    meetings.seed(List.of(Map.of("id", "again", "start", "2030-05-01T00:00:00Z"))).await();

    List<Facts.Meeting> upcoming =
        meetings.upcomingViews(Instant.parse("2026-01-01T00:00:00Z"), 10).await();

    assertThat(upcoming).extracting(Facts.Meeting::id).containsExactly("soon", "late");
    assertThat(upcoming.get(0).ics()).isEqualTo("https://beatline.example.org/meetings/soon.ics");
    assertThat(upcoming.get(0).titles()).containsEntry("en", "Soon");
  }

  @Test
  void calendarFileDescribesTheMeeting() {
    Meeting m =
        new Meeting(
            "m1",
            "meeting",
            "eastside",
            Instant.parse("2030-06-12T23:30:00Z"),
            60,
            "Eastside Library",
            Map.of("en", "Eastside meeting", "es", "Reunion"),
            Map.of(),
            null);
    String ics = new Calendar(meetings, "Riverton PD", "community@riverton.example").ics(m, "es");
    assertThat(ics)
        .contains("BEGIN:VCALENDAR")
        .contains("SUMMARY:Reunion")
        .contains("LOCATION:Eastside Library")
        .contains("DTSTART:20300612T233000Z")
        .contains("DTEND:20300613T003000Z")
        // RFC 5545: the organiser is a calendar address, its name a parameter.
        .contains("ORGANIZER;CN=Riverton PD:mailto:community@riverton.example\r\n");
    assertThat(new Calendar(meetings, "Riverton PD", "community@riverton.example").ics(m, "vi"))
        .contains("SUMMARY:Eastside meeting");
  }

  @Test
  void withoutAContactAddressTheCalendarFileNamesNoOrganiser() {
    Meeting m =
        new Meeting(
            "m1",
            "meeting",
            null,
            Instant.parse("2030-06-12T23:30:00Z"),
            60,
            "City Hall",
            Map.of("en", "Forum"),
            Map.of(),
            null);
    assertThat(new Calendar(meetings, "Riverton PD", null).ics(m, null))
        .contains("SUMMARY:Forum")
        .doesNotContain("ORGANIZER");
  }
}
