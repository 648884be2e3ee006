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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
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
 * reminders 24 and 2 hours before and the minutes afterwards to those who asked for them. Bulk
 * messages wait out the quiet hours; consent is checked again when each message is sent.
 */
public final class Outreach {
  static final String RELEASE = "broadcast.release";
  static final String REMIND = "meeting.remind";
  static final String ANNOUNCEMENTS = "meetings.announcements";
  static final String REMINDERS = "meetings.reminders";
  static final String MINUTES = "meetings.minutes";
  static final int BATCH = 2000;
  static final int PARALLEL = 4;

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
                  .compose(
                      r ->
                          broadcasts
                              .start(id, r.size())
                              .compose(v -> queue(id, meeting, kind, extra, new ArrayList<>(r))));
            });
  }

  /**
   * Queues the broadcast {@link #BATCH} recipients at a time, {@link #PARALLEL} batches at once, so
   * that however large the neighbourhood, only a few batches of commands wait on Redis at once (a
   * single pipeline of 100,000 ran past the client's timeout on a busy machine), Redis and the
   * event loop never wait on each other, and its progress shows as it goes. A recipient whose
   * contact is gone is taken off the recipients. Recipients are distinct, so batches need no order
   * among them.
   */
  private Future<Void> queue(
      String id, Meeting m, Kind kind, Map<String, String> extra, List<String> recipients) {
    Map<String, Text> texts = new ConcurrentHashMap<>();
    AtomicInteger next = new AtomicInteger();
    List<Future<Void>> lanes = new ArrayList<>();
    for (int i = 0; i < PARALLEL; i++) {
      lanes.add(queueNext(id, m, kind, extra, recipients, next, texts));
    }
    return Future.all(lanes).mapEmpty();
  }

  private Future<Void> queueNext(
      String id,
      Meeting m,
      Kind kind,
      Map<String, String> extra,
      List<String> recipients,
      AtomicInteger next,
      Map<String, Text> texts) {
    int from = next.getAndAdd(BATCH);
    if (from >= recipients.size()) {
      return Future.succeededFuture();
    }
    List<String> batch = recipients.subList(from, Math.min(recipients.size(), from + BATCH));
    return messages(id, m, kind, extra, batch, from, texts)
        .compose(
            out ->
                outbox
                    .enqueue(out)
                    .compose(
                        v ->
                            broadcasts.count(
                                id,
                                Map.of(
                                    "queued",
                                    (long) out.size(),
                                    "recipients",
                                    (long) out.size() - batch.size()))))
        .compose(v -> queueNext(id, m, kind, extra, recipients, next, texts));
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
    String topic =
        switch (kind) {
          case REMINDER -> REMINDERS;
          case MINUTES -> MINUTES;
          default -> ANNOUNCEMENTS;
        };
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

  /**
   * One message per recipient, in their language. The text is rendered once per language, not once
   * per recipient: a neighbourhood of 100,000 subscribers costs seven renders, not 100,000.
   */
  private Future<List<Outbound>> messages(
      String id,
      Meeting m,
      Kind kind,
      Map<String, String> extra,
      List<String> recipients,
      int first,
      Map<String, Text> byLanguage) {
    return contacts
        .languages(recipients)
        .map(
            languages -> {
              List<Outbound> out = new ArrayList<>(recipients.size());
              for (int i = 0; i < recipients.size(); i++) {
                String key = recipients.get(i);
                String language = languages.get(key);
                if (language == null) {
                  continue;
                }
                int colon = key.indexOf(':');
                Text text =
                    byLanguage.computeIfAbsent(
                        language(language), lang -> message(m, kind, extra, lang));
                out.add(
                    new Outbound(
                        Broadcasts.messageId(id, first + i),
                        key.substring(0, colon),
                        key.substring(colon + 1),
                        text.text(),
                        List.of(),
                        Outbound.Lane.BULK,
                        text.key(),
                        text.language()));
              }
              return out;
            });
  }

  private String language(String language) {
    return renderer.catalogue().supports(language) ? language : department.defaultLanguage();
  }

  /** A broadcast's text in one language and the key it was rendered from. */
  private record Text(String text, String key, String language) {}

  /** The broadcast's text in one language. */
  private Text message(Meeting m, Kind kind, Map<String, String> extra, String lang) {
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
    return new Text(renderer.text(lang, key, args), key, lang);
  }
}
