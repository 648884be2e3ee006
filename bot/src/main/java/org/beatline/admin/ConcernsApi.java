package org.beatline.admin;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.beatline.concern.CaseWork;
import org.beatline.concern.Concern;
import org.beatline.concern.Concerns;
import org.beatline.concern.Officers;
import org.beatline.http.Requests;
import org.beatline.outbox.Outbox;
import org.beatline.staff.Role;
import org.beatline.staff.Staff;

/**
 * {@code /api/v1/concerns}: the concern inbox for staff, each case with its thread, progress and
 * audit, the same actions officers have by text, a CSV export, and Open311 GeoReport v2.
 */
public final class ConcernsApi {
  private static final Map<String, CaseWork.Action> ACTIONS =
      Map.of(
          "ack", CaseWork.Action.ACK,
          "reply", CaseWork.Action.REPLY,
          "note", CaseWork.Action.NOTE,
          "resolve", CaseWork.Action.RESOLVE,
          "no-follow-up", CaseWork.Action.NO_FOLLOW_UP,
          "assign", CaseWork.Action.ASSIGN);
  private final Concerns concerns;
  private final CaseWork work;
  private final Outbox outbox;
  private final Officers officers;

  public ConcernsApi(Concerns concerns, CaseWork work, Outbox outbox, Officers officers) {
    this.concerns = concerns;
    this.work = work;
    this.outbox = outbox;
    this.officers = officers;
  }

  public void routes(Router router) {
    String base = AdminApi.BASE + "/concerns";
    router.get(base).handler(this::list);
    router.get(base + "/:reference").handler(this::get);
    router
        .post(base + "/:reference/:action")
        .handler(Access.only(Role.ADMIN, Role.LIAISON, Role.COMPLAINT_INTAKE))
        .handler(Requests.body())
        .handler(this::act);
    router.get(AdminApi.BASE + "/open311/requests.json").handler(this::open311);
  }

  /** The concerns a caller may see (see {@link CaseSight}). */
  private Future<Predicate<Concern>> visible(Staff s) {
    return CaseSight.of(s, officers)
        .map(sight -> c -> sight.sees(c.misconduct(), c.neighbourhood(), c.officer()));
  }

  /** The concern {@code reference} if the caller may see it, else null. */
  private Future<Concern> findVisible(RoutingContext ctx, String reference) {
    return visible(Access.staff(ctx))
        .compose(v -> concerns.find(reference).map(c -> c != null && v.test(c) ? c : null));
  }

  private void list(RoutingContext ctx) {
    var q = ctx.queryParams();
    String state = q.get("state");
    if (state != null && !Concern.STATES.contains(state)) {
      Requests.refuse(ctx, 400, "state: must be one of new, acknowledged, resolved, no_follow_up");
      return;
    }
    Instant since;
    long before;
    try {
      since = q.get("since") == null ? Instant.EPOCH : Instant.parse(q.get("since"));
      before = q.get("cursor") == null ? Long.MAX_VALUE : Long.parseLong(q.get("cursor"));
    } catch (DateTimeParseException | NumberFormatException e) {
      Requests.refuse(ctx, 400, "since must be an ISO-8601 instant and cursor a number");
      return;
    }
    boolean csv = "csv".equals(q.get("format"));
    Page page = Page.of(ctx);
    if (page == null) {
      return;
    }
    int limit = page.limit();
    Predicate<Concern> filters =
        c ->
            (state == null || state.equals(c.state()))
                && (q.get("neighbourhood") == null
                    || q.get("neighbourhood").equals(c.neighbourhood()))
                && (q.get("officer") == null || q.get("officer").equals(c.officer()))
                && !c.created().isBefore(since);
    visible(Access.staff(ctx))
        .compose(
            seen ->
                concerns
                    .recent(before, csv ? 10_000 : limit)
                    .map(read -> new Read(read, read.stream().filter(seen.and(filters)).toList())))
        .onFailure(e -> Requests.refuse(ctx, 503, "store unavailable"))
        .onSuccess(
            read -> {
              List<Concern> items = read.wanted();
              if (csv) {
                ctx.response()
                    .putHeader("Content-Type", "text/csv; charset=utf-8")
                    .putHeader("Content-Disposition", "attachment; filename=\"concerns.csv\"")
                    .end(csv(items));
                return;
              }
              JsonArray out = new JsonArray();
              items.forEach(c -> out.add(json(c)));
              List<Concern> all = read.all();
              Object next =
                  all.size() < limit
                      ? null
                      : Long.toString(all.get(all.size() - 1).created().toEpochMilli());
              ctx.json(new JsonObject().put("items", out).put("next", next));
            });
  }

  /** A page read from the store, and those of its concerns the request wants. */
  private record Read(List<Concern> all, List<Concern> wanted) {}

  private void get(RoutingContext ctx) {
    String ref = work.normalise(ctx.pathParam("reference"));
    findVisible(ctx, ref)
        .compose(
            c ->
                c == null
                    ? Future.succeededFuture((JsonObject) null)
                    : Future.all(
                            concerns.record(ref, "thread"),
                            concerns.record(ref, "progress"),
                            concerns.record(ref, "audit"))
                        .map(
                            all ->
                                json(c)
                                    .put("thread", new JsonArray(all.<List<JsonObject>>resultAt(0)))
                                    .put(
                                        "progress",
                                        new JsonArray(all.<List<JsonObject>>resultAt(1)))
                                    .put(
                                        "audit", new JsonArray(all.<List<JsonObject>>resultAt(2)))))
        .onSuccess(
            j -> {
              if (j == null) {
                Requests.refuse(ctx, 404, "no concern " + ref);
              } else {
                ctx.json(j);
              }
            })
        .onFailure(e -> Requests.refuse(ctx, 503, "store unavailable"));
  }

  private void act(RoutingContext ctx) {
    CaseWork.Action action = ACTIONS.get(ctx.pathParam("action"));
    if (action == null) {
      Requests.refuse(ctx, 404, "no action " + ctx.pathParam("action"));
      return;
    }
    String text;
    try {
      Body b = Body.of(ctx, Set.of("text", "officer"));
      boolean assign = action == CaseWork.Action.ASSIGN;
      text =
          assign
              ? b.string("officer", true, 64)
              : b.string("text", action != CaseWork.Action.ACK, Requests.MAX_TEXT);
    } catch (Body.Invalid e) {
      Requests.refuse(ctx, 400, e.getMessage());
      return;
    }
    Staff staff = Access.staff(ctx);
    CaseWork.Actor actor = new CaseWork.Actor(null, staff.actor(), "api");
    String ref = work.normalise(ctx.pathParam("reference"));
    findVisible(ctx, ref)
        .compose(
            c ->
                c == null
                    ? Future.succeededFuture(CaseWork.Result.refused(null, "officer.unknown_case"))
                    : work.act(ref, action, text, actor))
        .compose(r -> outbox.enqueue(r.messages()).map(r))
        .onSuccess(
            r -> {
              if (r.refusal() == null) {
                ctx.json(json(r.concern()));
              } else if (r.concern() == null) {
                Requests.refuse(ctx, 404, "no concern " + ctx.pathParam("reference"));
              } else {
                Requests.refuse(ctx, 409, refusal(r.refusal()));
              }
            })
        .onFailure(e -> Requests.refuse(ctx, 503, "store unavailable"));
  }

  private static String refusal(String key) {
    return switch (key) {
      case "officer.closed_case" -> "the concern is already closed";
      case "officer.reply.anonymous" -> "the resident chose not to be contacted";
      case "officer.unknown_officer" -> "officer: no active officer with that id";
      default -> key;
    };
  }

  /** Open311 GeoReport v2 service requests: a bare array, no resident contact details. */
  private void open311(RoutingContext ctx) {
    visible(Access.staff(ctx))
        .compose(
            seen ->
                concerns
                    .recent(Long.MAX_VALUE, 1000)
                    .map(all -> all.stream().filter(seen).toList()))
        .onFailure(e -> Requests.refuse(ctx, 503, "store unavailable"))
        .onSuccess(
            all -> {
              JsonArray out = new JsonArray();
              for (Concern c : all) {
                out.add(
                    new JsonObject()
                        .put("service_request_id", c.reference())
                        .put("status", c.open() ? "open" : "closed")
                        .put("status_notes", c.state())
                        .put("service_name", c.misconduct() ? "Complaint" : "Neighbourhood concern")
                        .put("service_code", c.category())
                        .put("requested_datetime", c.created().toString())
                        .put("updated_datetime", c.updated().toString())
                        .put("address", c.where()));
              }
              ctx.response().putHeader("Content-Type", "application/json").end(out.encode());
            });
  }

  static JsonObject json(Concern c) {
    return new JsonObject()
        .put("reference", c.reference())
        .put("state", c.state())
        .put("neighbourhood", c.neighbourhood())
        .put("category", c.category())
        .put("officer", c.officer())
        .put("createdAt", c.created().toString())
        .put("updatedAt", c.updated().toString())
        .put("what", c.what())
        .put("where", c.where())
        .put("language", c.language())
        .put("contactPreference", c.contactPreference())
        .put("contactDetail", c.contactDetail());
  }

  private static String csv(List<Concern> items) {
    StringWriter out = new StringWriter();
    try (CSVPrinter p =
        new CSVPrinter(
            out,
            CSVFormat.DEFAULT
                .builder()
                .setHeader(
                    "reference",
                    "state",
                    "neighbourhood",
                    "category",
                    "officer",
                    "createdAt",
                    "updatedAt",
                    "language",
                    "what",
                    "where")
                .get())) {
      for (Concern c : items) {
        p.printRecord(
            c.reference(),
            c.state(),
            c.neighbourhood(),
            c.category(),
            c.officer(),
            c.created(),
            c.updated(),
            c.language(),
            c.what(),
            c.where());
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toString();
  }
}
