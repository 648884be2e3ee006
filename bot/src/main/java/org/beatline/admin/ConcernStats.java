package org.beatline.admin;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.beatline.concern.CaseTimes;
import org.beatline.concern.Concerns;
import org.beatline.concern.Officers;
import org.beatline.http.Requests;
import org.beatline.staff.Staff;

/**
 * {@code GET /api/v1/concerns/stats}: concerns counted by period (day, ISO week or month in the
 * department's time zone) and by neighbourhood and category, with the median minutes to the first
 * answer and to resolution: the scanning and assessment steps of problem-solving, as trends.
 */
public final class ConcernStats {
  private static final Set<String> GROUPS = Set.of("neighbourhood", "category");
  private static final int MAX_CASES = 100_000;
  private static final int MAX_PERIODS = 400;
  private final Concerns concerns;
  private final Officers officers;
  private final ZoneId zone;

  public ConcernStats(Concerns concerns, Officers officers, String timeZone) {
    this.concerns = concerns;
    this.officers = officers;
    this.zone = ZoneId.of(timeZone);
  }

  /** A length of period, and how a moment is named by the period it falls in. */
  enum Interval {
    DAY,
    WEEK,
    MONTH;

    LocalDate start(LocalDate d) {
      return switch (this) {
        case DAY -> d;
        case WEEK -> d.with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
        case MONTH -> d.withDayOfMonth(1);
      };
    }

    LocalDate next(LocalDate start) {
      return switch (this) {
        case DAY -> start.plusDays(1);
        case WEEK -> start.plusWeeks(1);
        case MONTH -> start.plusMonths(1);
      };
    }

    /** {@code 2026-12-03}, {@code 2026-W49}, {@code 2026-12}. */
    String name(LocalDate d) {
      return switch (this) {
        case DAY -> d.toString();
        case WEEK ->
            String.format(
                "%d-W%02d",
                d.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        case MONTH -> d.toString().substring(0, 7);
      };
    }

    /** The default span: the last 30 days, 12 weeks or 12 months. */
    Instant defaultSince(Instant until) {
      return switch (this) {
        case DAY -> until.minus(Duration.ofDays(30));
        case WEEK -> until.minus(Duration.ofDays(12 * 7));
        case MONTH -> until.minus(Duration.ofDays(365));
      };
    }
  }

  public void routes(Router router) {
    router.get(AdminApi.BASE + "/concerns/stats").handler(this::stats);
  }

  private void stats(RoutingContext ctx) {
    var q = ctx.queryParams();
    Interval interval =
        switch (q.get("interval") == null ? "week" : q.get("interval")) {
          case "day" -> Interval.DAY;
          case "week" -> Interval.WEEK;
          case "month" -> Interval.MONTH;
          default -> null;
        };
    if (interval == null) {
      Requests.refuse(ctx, 400, "interval: must be day, week or month");
      return;
    }
    List<String> by;
    Instant until;
    Instant since;
    by =
        q.get("by") == null || q.get("by").isBlank()
            ? List.of()
            : Arrays.stream(q.get("by").split(",")).map(String::strip).distinct().toList();
    if (!GROUPS.containsAll(by)) {
      Requests.refuse(ctx, 400, "by: a comma-separated list of neighbourhood and category");
      return;
    }
    try {
      until = q.get("until") == null ? Instant.now() : Instant.parse(q.get("until"));
      since = q.get("since") == null ? interval.defaultSince(until) : Instant.parse(q.get("since"));
    } catch (DateTimeParseException e) {
      Requests.refuse(ctx, 400, "since and until: must be ISO-8601 instants");
      return;
    }
    if (!since.isBefore(until)) {
      Requests.refuse(ctx, 400, "since: must be before until");
      return;
    }
    List<String> periods = periods(interval, since, until);
    if (periods.size() > MAX_PERIODS) {
      Requests.refuse(ctx, 400, "since: at most " + MAX_PERIODS + " periods at a time");
      return;
    }
    visibleTo(Access.staff(ctx))
        .compose(
            visible ->
                concerns
                    .timesBetween(since, until, MAX_CASES)
                    .map(all -> all.stream().filter(visible).toList()))
        .onFailure(e -> Requests.refuse(ctx, 503, "store unavailable"))
        .onSuccess(
            all ->
                ctx.json(
                    new JsonObject()
                        .put("interval", interval.name().toLowerCase(java.util.Locale.ROOT))
                        .put("periods", new JsonArray(periods))
                        .put("items", items(all, interval, by))
                        .putNull("next")));
  }

  /** The cases a caller may count, as the inbox shows them (see {@link CaseSight}). */
  private Future<Predicate<CaseTimes>> visibleTo(Staff s) {
    return CaseSight.of(s, officers)
        .map(sight -> c -> sight.sees(c.misconduct(), c.neighbourhood(), c.officer()));
  }

  /** Every period from {@code since} to {@code until}, oldest first. */
  List<String> periods(Interval interval, Instant since, Instant until) {
    Set<String> out = new LinkedHashSet<>();
    LocalDate last = until.minusMillis(1).atZone(zone).toLocalDate();
    for (LocalDate d = interval.start(since.atZone(zone).toLocalDate());
        !d.isAfter(last) && out.size() <= MAX_PERIODS;
        d = interval.next(d)) {
      out.add(interval.name(d));
    }
    return new ArrayList<>(out);
  }

  /** One item per period and group that has cases, in period order, then by group. */
  JsonArray items(List<CaseTimes> cases, Interval interval, List<String> by) {
    Map<List<String>, List<CaseTimes>> groups =
        new TreeMap<>(
            Comparator.<List<String>, String>comparing(k -> k.get(0))
                .thenComparing(k -> k.get(1), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(k -> k.get(2), Comparator.nullsLast(Comparator.naturalOrder())));
    for (CaseTimes c : cases) {
      String period = interval.name(interval.start(c.created().atZone(zone).toLocalDate()));
      List<String> key =
          Arrays.asList(
              period,
              by.contains("neighbourhood") ? c.neighbourhood() : null,
              by.contains("category") ? c.category() : null);
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
    }
    JsonArray out = new JsonArray();
    groups.forEach(
        (key, group) -> {
          JsonObject item = new JsonObject().put("period", key.get(0));
          if (by.contains("neighbourhood")) {
            item.put("neighbourhood", key.get(1));
          }
          if (by.contains("category")) {
            item.put("category", key.get(2));
          }
          item.put("count", group.size())
              .put("acknowledgedMedianMinutes", median(group, CaseTimes::answered))
              .put("resolvedMedianMinutes", median(group, CaseTimes::resolved));
          out.add(item);
        });
    return out;
  }

  /** The median minutes from creation to a milestone among the cases that reached it, or null. */
  static Long median(List<CaseTimes> group, java.util.function.Function<CaseTimes, Instant> at) {
    long[] minutes =
        group.stream()
            .filter(c -> at.apply(c) != null)
            .mapToLong(c -> Math.max(0, Duration.between(c.created(), at.apply(c)).toMinutes()))
            .sorted()
            .toArray();
    if (minutes.length == 0) {
      return null;
    }
    int mid = minutes.length / 2;
    return minutes.length % 2 == 1
        ? minutes[mid]
        : Math.round((minutes[mid - 1] + minutes[mid]) / 2.0);
  }
}
