package org.beatline.survey;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.beatline.contact.ConsentLedger;
import org.beatline.contact.Contacts;
import org.beatline.i18n.Renderer;
import org.beatline.message.Outbound;
import org.beatline.outbox.Outbox;
import org.beatline.redis.Redis;
import org.beatline.schedule.Job;
import org.beatline.schedule.Scheduler;

/**
 * Post-contact survey invitations that respect people: refused with a recorded reason when the
 * person opted out, the incident was already surveyed, the person was surveyed in the last 30 days,
 * or the contact was of a sensitive kind; otherwise sent at their time, outside quiet hours, and
 * expired after 72 hours. Only a keyed hash of the address is kept, and only for these rules.
 */
public final class Invitations {
  static final String SEND = "survey.invite";
  static final String EXPIRE = "survey.expire";
  static final Duration RECENT = Duration.ofDays(30);
  static final Duration OPEN = Duration.ofHours(72);
  private final Redis redis;
  private final Contacts contacts;
  private final ConsentLedger ledger;
  private final Renderer renderer;
  private final Outbox outbox;
  private final Scheduler scheduler;
  private final Function<Instant, Instant> outsideQuietHours;
  private final Set<String> sensitive;
  private final Clock clock;

  /** A refusal's reason, named after its rule. */
  public record Result(String status, String reason) {
    static Result scheduled() {
      return new Result("scheduled", null);
    }

    static Result refused(String reason) {
      return new Result("refused", reason);
    }
  }

  public Invitations(
      Redis redis,
      Contacts contacts,
      ConsentLedger ledger,
      Renderer renderer,
      Outbox outbox,
      Scheduler scheduler,
      Function<Instant, Instant> outsideQuietHours,
      Set<String> sensitive,
      Clock clock) {
    this.redis = redis;
    this.contacts = contacts;
    this.ledger = ledger;
    this.renderer = renderer;
    this.outbox = outbox;
    this.scheduler = scheduler;
    this.outsideQuietHours = outsideQuietHours;
    this.sensitive = sensitive;
    this.clock = clock;
    scheduler.on(SEND, this::send);
    scheduler.on(EXPIRE, this::expire);
  }

  /** Checks and schedules each invitation in order; one result per invitation. */
  public Future<List<Result>> invite(String survey, List<Invitation> all) {
    List<Result> results = new ArrayList<>();
    Set<String> incidentsNow = new HashSet<>();
    Future<Void> chain = Future.succeededFuture();
    for (Invitation inv : all) {
      chain =
          chain.compose(
              v ->
                  check(survey, inv, incidentsNow)
                      .map(
                          r -> {
                            results.add(r);
                            return null;
                          }));
    }
    return chain.map(results);
  }

  private Future<Result> check(String survey, Invitation inv, Set<String> incidentsNow) {
    if (sensitive.contains(inv.contactType())) {
      return Future.succeededFuture(Result.refused("sensitive_contact_type"));
    }
    if (inv.incidentRef() != null && !incidentsNow.add(inv.incidentRef())) {
      return Future.succeededFuture(Result.refused("incident_already_surveyed"));
    }
    return contacts
        .find(inv.channel(), inv.address())
        .compose(
            c -> {
              if (c != null && c.optedOut()) {
                return Future.succeededFuture(Result.refused("opted_out"));
              }
              return ledger
                  .hash(inv.channel() + ":" + inv.address())
                  .compose(
                      hash ->
                          incident(survey, inv)
                              .compose(
                                  fresh -> {
                                    if (!fresh) {
                                      return Future.succeededFuture(
                                          Result.refused("incident_already_surveyed"));
                                    }
                                    return redis
                                        .call(
                                            r ->
                                                r.set(
                                                    "survey:recent:" + hash,
                                                    survey,
                                                    io.lettuce.core.SetArgs.Builder.nx()
                                                        .ex(RECENT.toSeconds())))
                                        .compose(
                                            ok ->
                                                "OK".equals(ok)
                                                    ? schedule(survey, inv, hash)
                                                        .map(Result.scheduled())
                                                    : Future.succeededFuture(
                                                        Result.refused("surveyed_recently")));
                                  }));
            });
  }

  /** Records the incident as surveyed; false when it already was. */
  private Future<Boolean> incident(String survey, Invitation inv) {
    if (inv.incidentRef() == null) {
      return Future.succeededFuture(true);
    }
    return redis
        .call(r -> r.sadd("survey:" + survey + ":incidents", inv.incidentRef()))
        .map(n -> n > 0);
  }

  private Future<Void> schedule(String survey, Invitation inv, String hash) {
    Instant at = outsideQuietHours.apply(inv.sendAfter());
    String id = UUID.randomUUID().toString().substring(0, 12);
    Map<String, String> data = new java.util.HashMap<>();
    data.put("survey", survey);
    data.put("channel", inv.channel());
    data.put("address", inv.address());
    data.put("hash", hash);
    data.put("contactType", inv.contactType());
    data.put("district", inv.district());
    if (inv.language() != null) {
      data.put("language", inv.language());
    }
    if (inv.officerId() != null) {
      data.put("officer", inv.officerId());
    }
    return SurveyAnswers.rate(redis, survey, "invited")
        .compose(v -> scheduler.schedule(new Job("invite:" + id, SEND, at, data, 0)));
  }

  /** Sends a due invitation, unless the person stopped meanwhile. */
  private Future<Void> send(Job job) {
    var d = job.data();
    String survey = d.get("survey");
    Instant now = clock.instant();
    return contacts
        .touch(d.get("channel"), d.get("address"), now)
        .compose(
            c -> {
              if (c.optedOut()) {
                return Future.succeededFuture();
              }
              String lang =
                  c.language() != null
                      ? c.language()
                      : d.getOrDefault("language", renderer.catalogue().defaultLanguage());
              Future<Void> language =
                  c.language() == null ? contacts.setLanguage(c, lang) : Future.succeededFuture();
              JsonObject meta =
                  new JsonObject()
                      .put("contactType", d.get("contactType"))
                      .put("district", d.get("district"))
                      .put("officer", d.get("officer"))
                      .put("week", week(now));
              String key = inviteKey(survey, d.get("contactType"));
              String invitation = survey + "/" + d.get("contactType");
              Outbound invite =
                  new Outbound(
                      UUID.randomUUID().toString(),
                      c.channel(),
                      c.address(),
                      renderer.text(lang, key, Map.of()),
                      List.of(),
                      Outbound.Lane.BULK,
                      key,
                      lang);
              return language
                  .compose(v -> contacts.setField(c, "surveyInvitation", invitation))
                  .compose(v -> SurveyAnswers.link(redis, survey, d.get("hash"), meta, OPEN))
                  .compose(v -> outbox.enqueue(List.of(invite)))
                  .compose(v -> SurveyAnswers.rate(redis, survey, "sent"))
                  .compose(
                      v ->
                          scheduler.schedule(
                              new Job(
                                  "expire:" + job.id(),
                                  EXPIRE,
                                  now.plus(OPEN),
                                  Map.of(
                                      "survey",
                                      survey,
                                      "invitation",
                                      invitation,
                                      "channel",
                                      c.channel(),
                                      "address",
                                      c.address(),
                                      "hash",
                                      d.get("hash")),
                                  0)));
            });
  }

  /**
   * The invitation's text: the contact type's own ({@code survey.after_contact.crash.invite}, which
   * says what the questions are about) when the catalogue has one, the survey's otherwise.
   */
  private String inviteKey(String survey, String contactType) {
    String own = "survey.%s.%s.invite".formatted(survey, contactType);
    return renderer.catalogue().has(own) ? own : "survey.%s.invite".formatted(survey);
  }

  /** After 72 hours an unanswered invitation lapses, and its link to the person is dropped. */
  private Future<Void> expire(Job job) {
    var d = job.data();
    return contacts
        .find(d.get("channel"), d.get("address"))
        .compose(
            c ->
                c == null
                    ? Future.succeededFuture()
                    : contacts
                        .field(c, "surveyInvitation")
                        .compose(
                            open ->
                                d.getOrDefault("invitation", d.get("survey")).equals(open)
                                    ? contacts.setField(c, "surveyInvitation", null)
                                    : Future.succeededFuture()))
        .compose(v -> SurveyAnswers.unlink(redis, d.get("survey"), d.get("hash")));
  }

  static String week(Instant t) {
    var z = t.atZone(java.time.ZoneOffset.UTC);
    return z.get(IsoFields.WEEK_BASED_YEAR)
        + "-W"
        + String.format("%02d", z.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }
}
