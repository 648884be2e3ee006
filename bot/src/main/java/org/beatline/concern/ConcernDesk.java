package org.beatline.concern;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.beatline.conversation.Department;
import org.beatline.conversation.Neighbourhood;
import org.beatline.i18n.Renderer;
import org.beatline.message.Outbound;
import org.beatline.outbox.Outbox;
import org.beatline.redis.Redis;
import org.beatline.schedule.Job;
import org.beatline.schedule.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a new concern goes: to its neighbourhood's primary liaison, to a supervisor when there is
 * none (and it waits in the staff inbox), and a misconduct complaint to complaint intake, never to
 * the neighbourhood. The officer hears at once; a concern not acknowledged in time escalates to the
 * backup, then to a supervisor, on the scheduler.
 */
public final class ConcernDesk {
  private static final Logger LOG = LoggerFactory.getLogger(ConcernDesk.class);
  static final String ESCALATE = "concern.escalate";
  private final Concerns concerns;
  private final Officers officers;
  private final Routing routing;
  private final Letters letters;
  private final Outbox outbox;
  private final Scheduler scheduler;
  private final Clock clock;
  private final CaseWork work;

  /** The desk; it registers its escalation jobs with {@code scheduler}. */
  public ConcernDesk(
      Concerns concerns,
      Officers officers,
      Routing routing,
      Renderer renderer,
      Department department,
      Outbox outbox,
      Redis redis,
      Scheduler scheduler,
      Clock clock) {
    this.concerns = concerns;
    this.officers = officers;
    this.routing = routing;
    this.letters = new Letters(renderer, department);
    this.outbox = outbox;
    this.scheduler = scheduler;
    this.clock = clock;
    this.work = new CaseWork(this, redis);
    scheduler.on(ESCALATE, this::escalate);
  }

  /** What officers and staff do with cases. */
  public CaseWork work() {
    return work;
  }

  /** Stores a concern from a resident and routes it; a concern already stored is left alone. */
  public Future<Void> received(Concern c) {
    return concerns.create(c).compose(fresh -> fresh ? route(c) : Future.succeededFuture());
  }

  private Future<Void> route(Concern c) {
    return chooseOfficer(c)
        .compose(
            officer -> {
              Concern routed =
                  c.with(Concern.NEW, officer == null ? null : officer.id(), c.created());
              List<Outbound> out = new ArrayList<>();
              if (officer != null) {
                out.add(newCase(officer, routed));
              } else {
                LOG.warn(
                    "concern {} has no officer to go to: it waits in the staff inbox",
                    c.reference());
              }
              if (c.misconduct() && !c.anonymous()) {
                out.add(complaintRoute(routed));
              }
              return concerns
                  .save(routed)
                  .compose(v -> audit(routed, "created", null, "resident", c.channel()))
                  .compose(
                      v ->
                          concerns.append(
                              c.reference(),
                              "thread",
                              entry("resident", null, c.language(), c.what(), c.created())))
                  .compose(v -> outbox.enqueue(out))
                  .compose(v -> scheduleEscalation(routed, "backup"));
            });
  }

  /**
   * The officer a concern goes to: complaint intake for misconduct; the neighbourhood's primary
   * (set by staff, or the active liaison registered for it); otherwise a supervisor.
   */
  Future<Officer> chooseOfficer(Concern c) {
    return officers
        .all()
        .compose(
            all -> {
              List<Officer> active = all.stream().filter(Officer::active).toList();
              if (c.misconduct()) {
                return Future.succeededFuture(firstWithRole(active, "complaint_intake", null));
              }
              return routing
                  .get(c.neighbourhood())
                  .map(
                      rule -> {
                        Officer primary = rule == null ? null : find(active, rule.primary());
                        if (primary == null) {
                          primary = firstWithRole(active, "liaison", c.neighbourhood());
                        }
                        return primary != null
                            ? primary
                            : firstWithRole(active, "supervisor", null);
                      });
            });
  }

  private static Officer find(List<Officer> active, String id) {
    return active.stream().filter(o -> o.id().equals(id)).findFirst().orElse(null);
  }

  private static Officer firstWithRole(List<Officer> active, String role, String neighbourhood) {
    return active.stream()
        .filter(o -> o.role().equals(role))
        .filter(o -> neighbourhood == null || o.neighbourhoods().contains(neighbourhood))
        .findFirst()
        .orElse(null);
  }

  /** The message that puts a new case on an officer's phone. */
  Outbound newCase(Officer officer, Concern c) {
    String lang = officer.language(letters.defaultLanguage());
    Map<String, Object> args = new HashMap<>();
    args.put("reference", c.reference());
    args.put("number", c.number());
    args.put("neighbourhood", letters.neighbourhood(c.neighbourhood(), lang));
    args.put("category", letters.category(c.category(), lang));
    args.put("minutes", Math.max(0, Duration.between(c.created(), clock.instant()).toMinutes()));
    args.put("language", letters.languageName(c.language()));
    args.put("words", c.what() == null ? "" : c.what());
    args.put("where", c.where() == null ? "" : c.where());
    return letters.toOfficer(officer, "officer.concern.new", args);
  }

  private Outbound complaintRoute(Concern c) {
    var d = letters.department();
    return letters.toResident(
        c,
        "concern.routed.complaint",
        Map.of(
            "reference", c.reference(),
            "intake", String.valueOf(d.fact("complaints.intake", c.language())),
            "phone", String.valueOf(d.fact("complaints.phone")),
            "website", String.valueOf(d.fact("complaints.website"))));
  }

  private Future<Void> scheduleEscalation(Concern c, String step) {
    return deadline(c)
        .compose(
            due ->
                scheduler.schedule(
                    new Job(
                        "escalate:" + c.reference(),
                        ESCALATE,
                        due,
                        Map.of("reference", c.reference(), "step", step),
                        0)));
  }

  /** When a concern must be acknowledged: the routing's hours, or the profile's working days. */
  Future<Instant> deadline(Concern c) {
    Instant from = clock.instant();
    return routing
        .get(c.neighbourhood())
        .map(
            rule -> {
              if (rule != null && rule.ackDeadlineHours() != null) {
                return WorkingTime.afterHours(from, rule.ackDeadlineHours());
              }
              Neighbourhood n =
                  c.neighbourhood() == null
                      ? null
                      : letters.department().neighbourhood(c.neighbourhood());
              Integer days =
                  n != null && n.liaison() != null && n.liaison().answerWorkingDays() != null
                      ? n.liaison().answerWorkingDays()
                      : letters.department().concernAnswerWorkingDays();
              return WorkingTime.afterWorkingDays(
                  from, days, ZoneId.of(letters.department().timeZone()));
            });
  }

  /** Passes a concern nobody acknowledged in time to the backup, then to a supervisor. */
  private Future<Void> escalate(Job job) {
    String step = job.data().get("step");
    return concerns
        .find(job.data().get("reference"))
        .compose(
            c -> {
              if (c == null || !Concern.NEW.equals(c.state())) {
                return Future.succeededFuture(); // acknowledged or closed meanwhile
              }
              return nextOfficer(c, step)
                  .compose(
                      next -> {
                        if (next == null || next.id().equals(c.officer())) {
                          return "backup".equals(step)
                              ? scheduleEscalation(c, "supervisor")
                              : Future.succeededFuture();
                        }
                        return handOver(c, next, step);
                      });
            });
  }

  private Future<Officer> nextOfficer(Concern c, String step) {
    if ("backup".equals(step)) {
      return routing
          .get(c.neighbourhood())
          .compose(r -> officers.find(r == null ? null : r.backup()))
          .map(o -> o != null && o.active() ? o : null);
    }
    return officers
        .all()
        .map(
            all ->
                firstWithRole(all.stream().filter(Officer::active).toList(), "supervisor", null));
  }

  private Future<Void> handOver(Concern c, Officer next, String step) {
    Instant now = clock.instant();
    Concern moved = c.with(Concern.NEW, next.id(), now);
    long hours = Math.max(1, Duration.between(c.created(), now).toHours());
    List<Outbound> out =
        List.of(
            letters.toOfficer(
                next,
                "officer.concern.escalated",
                Map.of("reference", c.reference(), "hours", hours)),
            newCase(next, moved));
    LOG.info("concern {} escalated to the {}", c.reference(), step);
    return concerns
        .save(moved)
        .compose(v -> audit(moved, "escalated", "to " + next.id(), "scheduler", "scheduler"))
        .compose(v -> outbox.enqueue(out))
        .compose(
            v ->
                "backup".equals(step)
                    ? scheduleEscalation(moved, "supervisor")
                    : Future.succeededFuture());
  }

  /** Notes a change in the case's audit trail: what, who, when, through which channel. */
  Future<Void> audit(Concern c, String what, String detail, String who, String via) {
    return concerns.append(
        c.reference(),
        "audit",
        new JsonObject()
            .put("what", what)
            .put("detail", detail)
            .put("who", who)
            .put("via", via)
            .put("at", clock.instant().toString()));
  }

  static JsonObject entry(String from, String officer, String language, String text, Instant at) {
    return new JsonObject()
        .put("from", from)
        .put("officer", officer)
        .put("language", language)
        .put("text", text)
        .put("at", at.toString());
  }

  Concerns concerns() {
    return concerns;
  }

  Officers officers() {
    return officers;
  }

  Letters letters() {
    return letters;
  }

  Clock clock() {
    return clock;
  }
}
