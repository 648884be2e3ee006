package org.beatline.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.beatline.contact.ConsentLedger;
import org.beatline.contact.Contacts;
import org.beatline.conversation.Conversations;
import org.beatline.conversation.Department;
import org.beatline.i18n.Catalogue;
import org.beatline.i18n.Renderer;
import org.beatline.outbox.Outbox;
import org.beatline.redis.EmbeddedRedis;
import org.beatline.redis.Redis;
import org.beatline.schedule.Scheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Quiet hours as the department's profile sets them (21:00 to 08:00 in Chicago), with the clock
 * injected: an early meeting's reminders move to the evening before, and an announcement made at
 * night is held until the morning and counted as held.
 */
class OutreachQuietHoursTest {
  Vertx vertx;
  EmbeddedRedis server;
  Redis redis;
  Department department;
  Renderer renderer;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    server = EmbeddedRedis.start();
    redis = Redis.connect(vertx, server.url());
    department =
        Conversations.readDepartment(org.beatline.config.Content.folder(null, "conversations"));
    renderer =
        new Renderer(
            Catalogue.load(
                org.beatline.config.Content.folder(null, "translations"), "en", "America/Chicago"),
            Map.of());
  }

  @AfterEach
  void stop() {
    redis.close();
    vertx.close().await();
    server.close();
  }

  Outreach outreach(Meetings meetings, String now) {
    Contacts contacts = new Contacts(redis);
    return new Outreach(
        meetings,
        new Broadcasts(redis),
        new ConsentLedger(redis, contacts),
        contacts,
        renderer,
        department,
        new Outbox(redis, Map.of()),
        new Scheduler(vertx, redis),
        Clock.fixed(Instant.parse(now), ZoneOffset.UTC));
  }

  static Meeting meeting(String id, String start) {
    return new Meeting(
        id,
        "meeting",
        "eastside",
        Instant.parse(start),
        60,
        "Eastside Library",
        Map.of("en", "Early coffee with your officers"),
        Map.of(),
        null);
  }

  Instant due(String job) {
    Double score = redis.call(c -> c.zscore("{jobs}:due", job)).await();
    return score == null ? null : Instant.ofEpochMilli(score.longValue());
  }

  @Test
  void anEarlyMeetingsRemindersMoveToTheEveningBefore() {
    Meetings meetings = new Meetings(redis, "https://beatline.example.org");
    // Scheduled on a Tuesday afternoon for Thursday 7:30 in the morning (Chicago, CDT).
    Outreach outreach = outreach(meetings, "2030-06-11T20:00:00Z");
    Meeting early = meeting("early", "2030-06-13T12:30:00Z");
    meetings.save(early).await();
    outreach.scheduleReminders(early).await();

    // 2 hours before is 5:30, inside the quiet hours: the last allowed minute, 20:59 the evening
    // before. 24 hours before is Wednesday 7:30, also quiet: 20:59 on Tuesday.
    assertThat(due("remind2:early")).isEqualTo(Instant.parse("2030-06-13T01:59:00Z"));
    assertThat(due("remind24:early")).isEqualTo(Instant.parse("2030-06-12T01:59:00Z"));

    // An evening meeting's reminders are not moved.
    Meeting evening = meeting("evening", "2030-06-13T23:30:00Z"); // 18:30 CDT
    meetings.save(evening).await();
    outreach.scheduleReminders(evening).await();
    assertThat(due("remind2:evening")).isEqualTo(Instant.parse("2030-06-13T21:30:00Z"));
    assertThat(due("remind24:evening")).isEqualTo(Instant.parse("2030-06-12T23:30:00Z"));
  }

  @Test
  void anAnnouncementAtNightIsHeldUntilMorning() {
    Meetings meetings = new Meetings(redis, "https://beatline.example.org");
    Contacts contacts = new Contacts(redis);
    ConsentLedger ledger = new ConsentLedger(redis, contacts);
    Instant subscribed = Instant.parse("2030-06-01T15:00:00Z");
    for (String who : new String[] {"sim-night-1", "sim-night-2"}) {
      var c = contacts.touch("web", who, subscribed).await();
      ledger.topic(c, "meetings.announcements|eastside", true, subscribed).await();
    }
    Meeting m = meeting("night", "2030-06-20T23:30:00Z");
    meetings.save(m).await();
    // 22:30 in Chicago.
    Outreach outreach = outreach(meetings, "2030-06-12T03:30:00Z");

    String broadcast = outreach.announce("night", Outreach.Kind.NEW, Map.of()).await();

    var progress = new Broadcasts(redis).progress(broadcast).await();
    assertThat(progress.getLong("recipients")).isEqualTo(2);
    assertThat(progress.getLong("held")).isEqualTo(2);
    assertThat(progress.getLong("queued")).isZero();
    assertThat(redis.call(c -> c.keys("outbox:*")).await()).isEmpty();
    // Released at 8:00 in the morning.
    assertThat(due("release:" + broadcast)).isEqualTo(Instant.parse("2030-06-12T13:00:00Z"));
  }
}
