package org.beatline.admin;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.beatline.conversation.Department;
import org.beatline.http.Requests;
import org.beatline.meeting.Broadcasts;
import org.beatline.meeting.Meeting;
import org.beatline.meeting.Meetings;
import org.beatline.meeting.Outreach;
import org.beatline.staff.Role;

/**
 * {@code /api/v1/meetings} and {@code /api/v1/broadcasts}: staff schedule a meeting once, and every
 * subscriber of its neighbourhood hears of it in their language; changes, cancellations and minutes
 * follow the same way, and each broadcast reports its progress.
 */
public final class MeetingsApi {
  private static final Set<String> FIELDS =
      Set.of(
          "kind",
          "neighbourhood",
          "startsAt",
          "durationMinutes",
          "place",
          "title",
          "details",
          "topic");
  private static final Set<String> KINDS = Set.of("meeting", "forum", "academy");
  private final Meetings meetings;
  private final Outreach outreach;
  private final Broadcasts broadcasts;
  private final Department department;

  public MeetingsApi(
      Meetings meetings, Outreach outreach, Broadcasts broadcasts, Department department) {
    this.meetings = meetings;
    this.outreach = outreach;
    this.broadcasts = broadcasts;
    this.department = department;
  }

  public void routes(Router router) {
    String base = AdminApi.BASE + "/meetings";
    router.route(base + "*").handler(Access.changesOnlyBy(Role.ADMIN, Role.LIAISON));
    router.post(base).handler(Requests.body()).handler(this::create);
    router.get(base).handler(this::list);
    router.get(base + "/:id").handler(this::get);
    router.patch(base + "/:id").handler(Requests.body()).handler(this::patch);
    router.delete(base + "/:id").handler(this::cancel);
    router.post(base + "/:id/minutes").handler(Requests.body()).handler(this::minutes);
    router.get(AdminApi.BASE + "/broadcasts/:id").handler(this::broadcast);
  }

  private void create(RoutingContext ctx) {
    Meeting m;
    try {
      m = read(Body.of(ctx, FIELDS), null);
    } catch (Body.Invalid e) {
      Requests.refuse(ctx, 400, e.getMessage());
      return;
    }
    meetings
        .save(m)
        .compose(v -> outreach.scheduleReminders(m))
        .compose(v -> outreach.announce(m.id(), Outreach.Kind.NEW, Map.of()))
        .onSuccess(
            b ->
                ctx.response()
                    .setStatusCode(201)
                    .putHeader("Content-Type", "application/json")
                    .end(json(m).put("broadcast", b).encode()))
        .onFailure(e -> Requests.refuse(ctx, 503, "store unavailable"));
  }

  private void patch(RoutingContext ctx) {
    withMeeting(
        ctx,
        old -> {
          Meeting m;
          try {
            m = read(Body.of(ctx, FIELDS), old);
          } catch (Body.Invalid e) {
            Requests.refuse(ctx, 400, e.getMessage());
            return;
          }
          meetings
              .save(m)
              .compose(v -> outreach.scheduleReminders(m))
              .compose(v -> outreach.announce(m.id(), Outreach.Kind.CHANGED, Map.of()))
              .onSuccess(b -> ctx.json(json(m).put("broadcast", b)))
              .onFailure(e -> Requests.refuse(ctx, 503, "store unavailable"));
        });
  }

  private void cancel(RoutingContext ctx) {
    withMeeting(
        ctx,
        m -> {
          Map<String, String> kept = new HashMap<>();
          kept.put("start", m.start().toString());
          kept.put("kind", m.kind());
          if (m.neighbourhood() != null) {
            kept.put("neighbourhood", m.neighbourhood());
          }
          kept.put("place", m.place() == null ? "" : m.place());
          kept.put("titleLanguage", department.defaultLanguage());
          kept.put("title", m.titles().getOrDefault(department.defaultLanguage(), ""));
          outreach
              .announce(m.id(), Outreach.Kind.CANCELLED, kept)
              .compose(
                  b ->
                      outreach.cancelReminders(m.id()).compose(v -> meetings.delete(m.id())).map(b))
              .onSuccess(
                  b ->
                      ctx.json(
                          new JsonObject()
                              .put("id", m.id())
                              .put("cancelled", true)
                              .put("broadcast", b)))
              .onFailure(e -> Requests.refuse(ctx, 503, "store unavailable"));
        });
  }

  private void minutes(RoutingContext ctx) {
    withMeeting(
        ctx,
        m -> {
          String summary;
          String link;
          try {
            Body b = Body.of(ctx, Set.of("summary", "link"));
            summary = b.string("summary", true, 600);
            link = b.string("link", false, 500);
          } catch (Body.Invalid e) {
            Requests.refuse(ctx, 400, e.getMessage());
            return;
          }
          outreach
              .announce(
                  m.id(),
                  Outreach.Kind.MINUTES,
                  Map.of("summary", summary, "link", link == null ? "" : link))
              .onSuccess(b -> ctx.json(new JsonObject().put("id", m.id()).put("broadcast", b)))
              .onFailure(e -> Requests.refuse(ctx, 503, "store unavailable"));
        });
  }

  private void list(RoutingContext ctx) {
    Page page = Page.of(ctx);
    if (page == null) {
      return;
    }
    meetings
        .all(10_000)
        .onSuccess(
            all -> {
              JsonObject answer = page.slice(ctx, all.stream().map(MeetingsApi::json).toList());
              if (answer != null) {
                ctx.json(answer);
              }
            })
        .onFailure(e -> Requests.refuse(ctx, 503, "store unavailable"));
  }

  private void get(RoutingContext ctx) {
    withMeeting(ctx, m -> ctx.json(json(m)));
  }

  private void broadcast(RoutingContext ctx) {
    broadcasts
        .progress(ctx.pathParam("id"))
        .onSuccess(
            p -> {
              if (p == null) {
                Requests.refuse(ctx, 404, "no broadcast " + ctx.pathParam("id"));
              } else {
                ctx.json(p);
              }
            })
        .onFailure(e -> Requests.refuse(ctx, 503, "store unavailable"));
  }

  private void withMeeting(RoutingContext ctx, java.util.function.Consumer<Meeting> then) {
    meetings
        .find(ctx.pathParam("id"))
        .onFailure(e -> Requests.refuse(ctx, 503, "store unavailable"))
        .onSuccess(
            m -> {
              if (m == null) {
                Requests.refuse(ctx, 404, "no meeting " + ctx.pathParam("id"));
              } else {
                then.accept(m);
              }
            });
  }

  /** The meeting a body describes; fields absent from a PATCH keep {@code old}'s values. */
  private Meeting read(Body b, Meeting old) {
    boolean creating = old == null;
    String kind = b.has("kind") || creating ? b.string("kind", true, 16) : old.kind();
    if (!KINDS.contains(kind)) {
      throw new Body.Invalid("kind: must be meeting, forum or academy");
    }
    String hood =
        b.has("neighbourhood") || creating
            ? b.string("neighbourhood", true, 64)
            : (old.neighbourhood() == null ? "all" : old.neighbourhood());
    if (!"all".equals(hood) && department.neighbourhood(hood) == null) {
      throw new Body.Invalid("neighbourhood: unknown neighbourhood " + hood + " (or \"all\")");
    }
    Instant start =
        creating || b.has("startsAt") ? instant(b.string("startsAt", true, 40)) : old.start();
    Integer minutes =
        b.has("durationMinutes") || creating
            ? b.integer("durationMinutes", 5, 24 * 60)
            : old.minutes();
    String place = b.has("place") || creating ? b.string("place", true, 200) : old.place();
    Map<String, String> titles =
        b.has("title") || creating ? texts(b, "title", true) : old.titles();
    Map<String, String> details =
        b.has("details") ? texts(b, "details", false) : creating ? Map.of() : old.details();
    String topic = b.has("topic") ? b.string("topic", false, 200) : creating ? null : old.topic();
    return new Meeting(
        creating ? "m-" + UUID.randomUUID().toString().substring(0, 8) : old.id(),
        kind,
        "all".equals(hood) ? null : hood,
        start,
        minutes,
        place,
        titles,
        details,
        topic);
  }

  private static Instant instant(String s) {
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      throw new Body.Invalid(
          "startsAt: must be ISO-8601 with a zone or Z, e.g. 2030-06-12T18:30:00-05:00");
    }
  }

  /** A {@code {language: text}} object; the department's default language is required. */
  private Map<String, String> texts(Body b, String field, boolean required) {
    Map<String, String> out = new HashMap<>();
    JsonObject j = b.object(field);
    if (j == null) {
      if (required) {
        throw new Body.Invalid(field + ": required");
      }
      return Map.of();
    }
    for (String lang : j.fieldNames()) {
      if (!(j.getValue(lang) instanceof String s) || s.isBlank() || s.length() > 500) {
        throw new Body.Invalid(field + "." + lang + ": must be a text of at most 500 characters");
      }
      out.put(lang, s.strip());
    }
    if (required && !out.containsKey(department.defaultLanguage())) {
      throw new Body.Invalid(
          field
              + ": needs the department's default language ("
              + department.defaultLanguage()
              + ")");
    }
    return out;
  }

  static JsonObject json(Meeting m) {
    return new JsonObject()
        .put("id", m.id())
        .put("kind", m.kind())
        .put("neighbourhood", m.neighbourhood() == null ? "all" : m.neighbourhood())
        .put("startsAt", m.start().toString())
        .put("durationMinutes", m.minutes())
        .put("place", m.place())
        .put("title", new JsonObject(new HashMap<>(m.titles())))
        .put("details", new JsonObject(new HashMap<>(m.details())))
        .put("topic", m.topic());
  }
}
