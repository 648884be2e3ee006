package org.beatline.concern;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.beatline.message.Outbound;
import org.beatline.redis.Redis;

/**
 * What officers and staff do with a case: acknowledge, answer the resident, record progress,
 * resolve, close with no follow-up, assign. The same for an officer's text command and a staff
 * member's API call; the resident hears of each change in their own language, and an officer's
 * answer opens a 72-hour window in which the resident's replies go back to that officer.
 */
public final class CaseWork {
  static final Duration RELAY_WINDOW = Duration.ofHours(72);
  private final ConcernDesk desk;
  private final Redis redis;

  CaseWork(ConcernDesk desk, Redis redis) {
    this.desk = desk;
    this.redis = redis;
  }

  /** What can be done to a case. */
  public enum Action {
    ACK,
    REPLY,
    NOTE,
    RESOLVE,
    NO_FOLLOW_UP,
    ASSIGN
  }

  /**
   * Who acts: an officer (by text, or staff acting as one) or a staff account.
   *
   * @param officer the acting officer, or null for staff, who may work any case
   * @param name who it was, for the audit trail
   * @param via {@code twilio}, {@code telegram} or {@code api}
   */
  public record Actor(Officer officer, String name, String via) {}

  /**
   * What came of an action.
   *
   * @param refusal the message key of why nothing was done, or null when it was done
   * @param messages what to send (to the resident, to a newly assigned officer)
   */
  public record Result(Concern concern, String refusal, List<Outbound> messages) {
    public static Result refused(Concern c, String why) {
      return new Result(c, why, List.of());
    }
  }

  /** Acts on the case {@code reference} ({@code RIV-1042} or {@code 1042}). */
  public Future<Result> act(String reference, Action action, String text, Actor actor) {
    String ref = normalise(reference);
    return desk.concerns()
        .find(ref)
        .compose(
            c -> {
              if (c == null) {
                return Future.succeededFuture(Result.refused(null, "officer.unknown_case"));
              }
              if (actor.officer() != null && !actor.officer().id().equals(c.officer())) {
                return Future.succeededFuture(Result.refused(c, "officer.not_theirs"));
              }
              if (!c.open() && action != Action.NOTE) {
                return Future.succeededFuture(Result.refused(c, "officer.closed_case"));
              }
              return switch (action) {
                case ACK -> change(c, Concern.ACKNOWLEDGED, actor, "acknowledged", null);
                case RESOLVE -> change(c, Concern.RESOLVED, actor, "resolved", text);
                case NO_FOLLOW_UP -> change(c, Concern.NO_FOLLOW_UP, actor, "no_follow_up", text);
                case REPLY -> reply(c, text, actor);
                case NOTE -> note(c, text, actor);
                case ASSIGN -> assign(c, text, actor);
              };
            });
  }

  /** {@code 1042} and {@code riv-1042} both mean {@code RIV-1042}. */
  public String normalise(String reference) {
    String r = reference.strip().toUpperCase(java.util.Locale.ROOT);
    return r.matches("\\d+") ? desk.concerns().prefix() + "-" + r : r;
  }

  private Future<Result> change(Concern c, String state, Actor actor, String what, String words) {
    Concern changed = c.with(state, c.officer(), desk.clock().instant());
    List<Outbound> out = new ArrayList<>();
    if (!c.anonymous()) {
      String key =
          switch (state) {
            case Concern.ACKNOWLEDGED -> "concern.update.acknowledged";
            case Concern.RESOLVED -> "concern.update.resolved";
            default -> "concern.update.no_follow_up";
          };
      out.add(
          desk.letters()
              .toResident(
                  c,
                  key,
                  Map.of(
                      "reference",
                      c.reference(),
                      "officer",
                      signature(actor),
                      "note",
                      words == null ? "" : words,
                      "reason",
                      words == null ? "" : words)));
    }
    Future<Void> thread =
        words == null || words.isBlank()
            ? Future.succeededFuture()
            : desk.concerns().append(c.reference(), "thread", officerEntry(actor, words));
    Instant now = changed.updated();
    return desk.concerns()
        .save(changed)
        .compose(v -> desk.concerns().mark(c.reference(), Concerns.ANSWERED, now))
        .compose(
            v ->
                state.equals(Concern.RESOLVED)
                    ? desk.concerns().mark(c.reference(), Concerns.RESOLVED, now)
                    : Future.<Void>succeededFuture())
        .compose(v -> thread)
        .compose(v -> desk.audit(changed, what, words, actor.name(), actor.via()))
        .compose(v -> state.equals(Concern.ACKNOWLEDGED) ? Future.succeededFuture() : endRelay(c))
        .map(new Result(changed, null, out));
  }

  private Future<Result> reply(Concern c, String text, Actor actor) {
    if (c.anonymous()) {
      return Future.succeededFuture(Result.refused(c, "officer.reply.anonymous"));
    }
    Concern touched = c.with(c.state(), c.officer(), desk.clock().instant());
    String lang = c.language() == null ? desk.letters().defaultLanguage() : c.language();
    Outbound message =
        desk.letters()
            .toResident(
                c,
                "concern.update.reply",
                Map.of(
                    "officer", signature(actor),
                    "neighbourhood", desk.letters().neighbourhood(c.neighbourhood(), lang),
                    "reference", c.reference(),
                    "text", text));
    return desk.concerns()
        .save(touched)
        .compose(v -> desk.concerns().mark(c.reference(), Concerns.ANSWERED, touched.updated()))
        .compose(v -> desk.concerns().append(c.reference(), "thread", officerEntry(actor, text)))
        .compose(v -> desk.audit(touched, "replied", null, actor.name(), actor.via()))
        .compose(v -> openRelay(c))
        .map(new Result(touched, null, List.of(message)));
  }

  private Future<Result> note(Concern c, String text, Actor actor) {
    JsonObject record =
        new JsonObject()
            .put("text", text)
            .put("who", actor.name())
            .put("at", desk.clock().instant().toString());
    return desk.concerns()
        .append(c.reference(), "progress", record)
        .compose(v -> desk.audit(c, "progress", null, actor.name(), actor.via()))
        .map(new Result(c, null, List.of()));
  }

  private Future<Result> assign(Concern c, String officerId, Actor actor) {
    return desk.officers()
        .find(officerId)
        .compose(
            o -> {
              if (o == null || !o.active()) {
                return Future.succeededFuture(Result.refused(c, "officer.unknown_officer"));
              }
              Concern moved = c.with(c.state(), o.id(), desk.clock().instant());
              return desk.concerns()
                  .save(moved)
                  .compose(v -> desk.audit(moved, "assigned", o.id(), actor.name(), actor.via()))
                  .map(new Result(moved, null, List.of(desk.newCase(o, moved))));
            });
  }

  /** The officer's open cases, newest first. */
  public Future<List<Concern>> openCasesOf(Officer o) {
    return desk.concerns()
        .recent(Long.MAX_VALUE, 500)
        .map(all -> all.stream().filter(c -> c.open() && o.id().equals(c.officer())).toList());
  }

  /**
   * The case a resident is writing to an officer about, when an officer answered them less than 72
   * hours ago; null otherwise.
   */
  public Future<Relay> relayOf(String contactKey) {
    return redis
        .call(c -> c.get(relayKey(contactKey)))
        .map(json -> json == null ? null : Relay.fromJson(new JsonObject(json)));
  }

  /** A resident's words passed to the officer of the case, and kept in its thread. */
  public Future<List<Outbound>> relay(Relay relay, String text, Instant at) {
    return desk.concerns()
        .find(relay.reference())
        .compose(
            c -> {
              if (c == null || !c.open() || c.officer() == null) {
                return endRelay(c).map(List.<Outbound>of());
              }
              return desk.officers()
                  .find(c.officer())
                  .compose(
                      o ->
                          o == null
                              ? Future.succeededFuture(List.<Outbound>of())
                              : desk.concerns()
                                  .append(
                                      c.reference(),
                                      "thread",
                                      ConcernDesk.entry("resident", null, c.language(), text, at))
                                  .map(
                                      v ->
                                          List.of(
                                              desk.letters()
                                                  .toOfficer(
                                                      o,
                                                      "officer.relay.resident",
                                                      Map.of(
                                                          "reference",
                                                          c.reference(),
                                                          "text",
                                                          text)))));
            });
  }

  /** Ends the resident's window of writing to the officer (the case closed). */
  Future<Void> endRelay(Concern c) {
    return c == null ? Future.succeededFuture() : endRelayOf(c.contact());
  }

  /** Ends a resident's window of writing to an officer (they replied MENU). */
  public Future<Void> endRelayOf(String contactKey) {
    return redis.call(r -> r.del(relayKey(contactKey))).mapEmpty();
  }

  private Future<Void> openRelay(Concern c) {
    String json = new Relay(c.reference(), c.officer()).toJson().encode();
    return redis
        .call(r -> r.setex(relayKey(c.contact()), RELAY_WINDOW.toSeconds(), json))
        .mapEmpty();
  }

  private static String relayKey(String contactKey) {
    return "relay:" + contactKey;
  }

  /** How the resident sees who wrote: the officer's display name, or the department's. */
  private String signature(Actor actor) {
    return actor.officer() != null
        ? actor.officer().displayName()
        : desk.letters().department().name();
  }

  private JsonObject officerEntry(Actor actor, String text) {
    return ConcernDesk.entry(
        "officer",
        actor.officer() == null ? actor.name() : actor.officer().id(),
        null,
        text,
        desk.clock().instant());
  }

  /** A resident writing to the officer of a case. */
  public record Relay(String reference, String officer) {
    JsonObject toJson() {
      return new JsonObject().put("reference", reference).put("officer", officer);
    }

    static Relay fromJson(JsonObject j) {
      return new Relay(j.getString("reference"), j.getString("officer"));
    }
  }
}
