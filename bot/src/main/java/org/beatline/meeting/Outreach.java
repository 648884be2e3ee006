package org.beatline.meeting;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.beatline.contact.ConsentLedger;
import org.beatline.contact.Contacts;
import org.beatline.conversation.Department;
import org.beatline.conversation.Neighbourhood;
import org.beatline.i18n.Renderer;
import org.beatline.message.Outbound;
import org.beatline.outbox.Outbox;
import org.beatline.schedule.Job;
import org.beatline.schedule.Scheduler;

/**
 * Meetings announced to the people who asked for them: each subscriber of the neighbourhood (found
 * through the topic index) in their own language, a notice when a meeting changes or is cancelled,
 * reminders 24 and 2 hours before, and the minutes afterwards. Bulk messages wait out the quiet
 * hours; consent is checked again when each message is sent.
 */
public final class Outreach {
  static final String RELEASE = "broadcast.release";
  static final String REMIND = "meeting.remind";
  static final String ANNOUNCEMENTS = "meetings.announcements";
  static final String REMINDERS = "meetings.reminders";

  /** What a broadcast about a meeting says. */
  public enum Kind {
    NEW,
    CHANGED,
    CANCELLED,
    REMINDER,
    MINUTES
  }

  private final Meetings meetings;
  private final Broadcasts broadcasts;
  private final ConsentLedger ledger;
  private final Contacts contacts;
  private final Renderer renderer;
  private final Department department;
  private final Outbox outbox;
  private final Scheduler scheduler;
  private final QuietHours quiet;
  private final Clock clock;

  public Outreach(
      Meetings meetings,
      Broadcasts broadcasts,
      ConsentLedger ledger,
      Contacts contacts,
      Renderer renderer,
      Department department,
      Outbox outbox,
      Scheduler scheduler,
      Clock clock) {
    this.meetings = meetings;
    this.broadcasts = broadcasts;
    this.ledger = ledger;
    this.contacts = contacts;
    this.renderer = renderer;
    this.department = department;
    this.outbox = outbox;
    this.scheduler = scheduler;
    this.clock = clock;
    this.quiet =
        QuietHours.of(
            department.fact("quiet_hours.start"),
            department.fact("quiet_hours.end"),
            department.timeZone());
    scheduler.on(
        RELEASE,
        job ->
            send(
                    job.data().get("broadcast"),
                    job.data().get("meeting"),
                    Kind.valueOf(job.data().get("kind")),
                    job.data())
                .mapEmpty());
    scheduler.on(
        REMIND, job -> announce(job.data().get("meeting"), Kind.REMINDER, Map.of()).mapEmpty());
  }

  public QuietHours quietHours() {
    return quiet;
  }

  /**
   * Announces what happened to a meeting to those who asked for it; the broadcast's id. During
   * quiet hours the broadcast is held until they end.
   */
  public Future<String> announce(String meetingId, Kind kind, Map<String, String> extra) {
    String id = Broadcasts.newId();
    Instant now = clock.instant();
    if (quiet.quiet(now)) {
      Map<String, String> data = new HashMap<>(extra);
      data.put("broadcast", id);
      data.put("meeting", meetingId);
      data.put("kind", kind.name());
      return recipients(meetingId, kind)
          .compose(
              r ->
                  broadcasts
                      .start(id, r.size())
                      .compose(v -> broadcasts.count(id, "held", r.size())))
          .compose(
              v ->
                  scheduler.schedule(
                      new Job("release:" + id, RELEASE, quiet.allowedFrom(now), data, 0)))
          .map(id);
    }
    return send(id, meetingId, kind, extra).map(id);
  }

  /** Schedules the reminders 24 and 2 hours before, out of quiet hours; replaces earlier ones. */
  public Future<Void> scheduleReminders(Meeting m) {
    Instant day = quiet.allowedBefore(m.start().minus(Duration.ofHours(24)));
    Instant soon = quiet.allowedBefore(m.start().minus(Duration.ofHours(2)));
    Future<Void> both = Future.succeededFuture();
    for (var e : Map.of("remind24:", day, "remind2:", soon).entrySet()) {
      if (e.getValue().isAfter(clock.instant())) {
        both =
            both.compose(
                v ->
                    scheduler.schedule(
                        new Job(
                            e.getKey() + m.id(),
                            REMIND,
                            e.getValue(),
                            Map.of("meeting", m.id()),
                            0)));
      }
    }
    return both;
  }

  /** Drops a meeting's reminders (it was cancelled). */
  public Future<Void> cancelReminders(String meetingId) {
    return scheduler
        .cancel("remind24:" + meetingId)
        .compose(v -> scheduler.cancel("remind2:" + meetingId))
        .mapEmpty();
  }

  private Future<Void> send(String id, String meetingId, Kind kind, Map<String, String> extra) {
    return meetings
        .find(meetingId)
        .compose(
            m -> {
              Meeting meeting = m != null ? m : fromExtra(meetingId, extra);
              if (meeting == null) {
                return Future.succeededFuture();
              }
              return recipients(meetingId, kind, meeting)
                  .compose(r -> messages(id, meeting, kind, extra, r))
                  .compose(
                      out ->
                          broadcasts
                              .start(id, out.size())
                              .compose(v -> outbox.enqueue(out))
                              .compose(v -> broadcasts.count(id, "queued", out.size())));
            });
  }

  /** A cancelled meeting is gone from the store; its notice reads what the job kept of it. */
  private static Meeting fromExtra(String id, Map<String, String> extra) {
    if (!extra.containsKey("start")) {
      return null;
    }
    return new Meeting(
        id,
        extra.get("kind"),
        extra.get("neighbourhood"),
        Instant.parse(extra.get("start")),
        null,
        extra.get("place"),
        Map.of(extra.getOrDefault("titleLanguage", "en"), extra.getOrDefault("title", "")),
        Map.of(),
        null);
  }

  private Future<Set<String>> recipients(String meetingId, Kind kind) {
    return meetings.find(meetingId).compose(m -> recipients(meetingId, kind, m));
  }

  private Future<Set<String>> recipients(String meetingId, Kind kind, Meeting m) {
    String topic = kind == Kind.REMINDER ? REMINDERS : ANNOUNCEMENTS;
    List<String> hoods =
        m == null || m.neighbourhood() == null
            ? department.neighbourhoods().stream().map(Neighbourhood::id).toList()
            : List.of(m.neighbourhood());
    List<Future<Set<String>>> each = new ArrayList<>();
    hoods.forEach(h -> each.add(ledger.subscribersOf(topic + "|" + h)));
    each.add(ledger.subscribersOf(topic));
    return Future.all(each)
        .map(
            v -> {
              Set<String> all = new LinkedHashSet<>();
              each.forEach(f -> all.addAll(f.result()));
              return all;
            });
  }

  private Future<List<Outbound>> messages(
      String id, Meeting m, Kind kind, Map<String, String> extra, Set<String> recipients) {
    List<Future<Outbound>> each = new ArrayList<>();
    for (String key : recipients) {
      int colon = key.indexOf(':');
      String channel = key.substring(0, colon);
      String address = key.substring(colon + 1);
      each.add(
          contacts
              .find(channel, address)
              .map(
                  c ->
                      c == null
                          ? null
                          : message(id, m, kind, extra, channel, address, c.language())));
    }
    return Future.all(each)
        .map(v -> each.stream().map(Future::result).filter(o -> o != null).toList());
  }

  private Outbound message(
      String id,
      Meeting m,
      Kind kind,
      Map<String, String> extra,
      String channel,
      String address,
      String language) {
    String lang = renderer.catalogue().supports(language) ? language : department.defaultLanguage();
    String title = m.titles().get(lang);
    String note = "";
    if (title == null) {
      title =
          m.titles()
              .getOrDefault(
                  department.defaultLanguage(),
                  m.titles().values().stream().findFirst().orElse(""));
      note =
          renderer.text(
              lang,
              "meetings.announce.untranslated",
              Map.of("language", renderer.text(department.defaultLanguage(), "language.name")));
    }
    Map<String, Object> args = new HashMap<>();
    args.put("kind", m.kind());
    args.put("title", title);
    args.put("start", m.start());
    args.put("place", m.place() == null ? "" : m.place());
    args.put("ics", meetings.ics(m.id()) + "?lang=" + lang);
    args.put("note", note);
    args.put("summary", extra.getOrDefault("summary", ""));
    args.put("link", extra.getOrDefault("link", ""));
    String key = "meetings.announce." + kind.name().toLowerCase(java.util.Locale.ROOT);
    return new Outbound(
        Broadcasts.messageId(id),
        channel,
        address,
        renderer.text(lang, key, args),
        List.of(),
        Outbound.Lane.BULK,
        key,
        lang);
  }
}
