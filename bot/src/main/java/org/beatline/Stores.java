package org.beatline;

import io.vertx.core.Future;
import java.time.Clock;
import org.beatline.accountability.AnswerFeedback;
import org.beatline.concern.Concern;
import org.beatline.concern.ConcernDesk;
import org.beatline.concern.Concerns;
import org.beatline.concern.Handoffs;
import org.beatline.concern.Officers;
import org.beatline.concern.Routing;
import org.beatline.contact.ConsentLedger;
import org.beatline.contact.Contact;
import org.beatline.contact.Contacts;
import org.beatline.conversation.Effect;
import org.beatline.meeting.Broadcasts;
import org.beatline.meeting.Meetings;
import org.beatline.meeting.Outreach;
import org.beatline.outbox.Outbox;
import org.beatline.pipeline.Effects;
import org.beatline.pipeline.Unrecognized;
import org.beatline.redis.Redis;
import org.beatline.roster.Roster;
import org.beatline.schedule.Scheduler;
import org.beatline.staff.Accounts;
import org.beatline.staff.AuditTrail;
import org.beatline.staff.LoginThrottle;
import org.beatline.staff.Sessions;
import org.beatline.staff.Tokens;
import org.beatline.survey.Invitation;
import org.beatline.survey.Invitations;
import org.beatline.survey.SurveyAnswers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every domain's Redis store, built once, and the handler each domain gives for the effects it
 * owns. A new domain is a field here and its lines in {@link #effects()}.
 */
final class Stores {
  private static final Logger LOG = LoggerFactory.getLogger(Stores.class);
  final Contacts contacts;
  final ConsentLedger ledger;
  final Concerns concerns;
  final Handoffs handoffs;
  final Meetings meetings;
  final SurveyAnswers surveys;
  final Roster roster;
  final AnswerFeedback feedback;
  final Unrecognized unrecognized;
  final Officers officers;
  final Routing routing;
  final ConcernDesk desk;
  final Broadcasts broadcasts;
  final Outreach outreach;
  final Invitations invitations;
  final Accounts accounts;
  final Sessions sessions;
  final Tokens tokens;
  final AuditTrail audit;
  final LoginThrottle loginThrottle;

  Stores(
      Redis redis,
      Contacts contacts,
      ConsentLedger ledger,
      Knowledge content,
      String publicBaseUrl,
      Outbox outbox,
      Scheduler scheduler,
      Clock clock) {
    this.contacts = contacts;
    this.ledger = ledger;
    this.concerns = new Concerns(redis, content.department().concernReferencePrefix());
    this.officers = new Officers(redis);
    this.routing = new Routing(redis);
    this.desk =
        new ConcernDesk(
            concerns,
            officers,
            routing,
            content.renderer(),
            content.conversations().department(),
            outbox,
            redis,
            scheduler,
            clock);

    this.handoffs = new Handoffs(redis);
    this.meetings = new Meetings(redis, publicBaseUrl);
    this.broadcasts = new Broadcasts(redis);
    // Broadcasts read their recipients and queue on a connection of their own.
    Redis bulk = redis.dedicated();
    this.outreach =
        new Outreach(
            meetings,
            broadcasts,
            ledger,
            new Contacts(bulk),
            content.renderer(),
            content.conversations().department(),
            outbox.over(bulk),
            scheduler,
            clock);
    this.surveys = new SurveyAnswers(redis);
    this.invitations =
        new Invitations(
            redis,
            contacts,
            ledger,
            content.renderer(),
            outbox,
            scheduler,
            outreach.quietHours()::allowedFrom,
            sensitiveContactTypes(content.conversations().department()),
            clock);
    this.roster = new Roster(redis);
    this.feedback = new AnswerFeedback(redis);
    this.unrecognized = new Unrecognized(redis);
    this.accounts = new Accounts(redis);
    this.sessions = new Sessions(redis);
    this.tokens = new Tokens(redis);
    this.audit = new AuditTrail(redis);
    this.loginThrottle = new LoginThrottle(redis);
  }

  /** What each effect of a conversation turn does, by the domain that owns it. */
  Effects effects() {
    return new Effects()
        // contact: language, neighbourhood, topics in the consent ledger
        .on(Effect.SetLanguage.class, (c, e, now) -> contacts.setLanguage(c, e.language()))
        .on(
            Effect.SetNeighbourhood.class,
            (c, e, now) -> contacts.setField(c, "neighbourhood", e.neighbourhood()))
        .on(
            Effect.Subscribe.class,
            (c, e, now) -> ledger.topic(c, topic(e.topic(), e.neighbourhood()), true, now))
        .on(
            Effect.Unsubscribe.class,
            (c, e, now) -> ledger.topic(c, topic(e.topic(), e.neighbourhood()), false, now))
        // concern: cases and questions handed to a person
        .on(
            Effect.CreateConcern.class,
            (c, e, now) ->
                desk.received(
                    new Concern(
                        e.reference(),
                        c.key(),
                        e.what(),
                        e.where(),
                        e.neighbourhood(),
                        e.contactPreference(),
                        e.contactDetail(),
                        e.language(),
                        e.category(),
                        Concern.NEW,
                        null,
                        now,
                        now)))
        .on(
            Effect.Handoff.class,
            (c, e, now) ->
                handoffs.add(
                    e.intent(), e.question(), e.neighbourhood(), e.language(), c.key(), now))
        // survey: answers kept under a keyed hash, unlinked once complete
        .on(
            Effect.RecordAnswer.class,
            (c, e, now) ->
                ledger
                    .hash(c.key())
                    .compose(h -> surveys.record(e.surveyId(), h, e.questionId(), e.value())))
        .on(
            Effect.CompleteSurvey.class,
            (c, e, now) ->
                ledger
                    .hash(c.key())
                    .compose(h -> surveys.complete(e.surveyId(), h, c.language(), now))
                    .compose(v -> contacts.setField(c, "surveyInvitation", null)))
        .on(
            Effect.DeclineSurvey.class,
            (c, e, now) ->
                ledger
                    .hash(c.key())
                    .compose(h -> surveys.discard(e.surveyId(), h))
                    .compose(v -> contacts.setField(c, "surveyInvitation", null)))
        // roster and accountability
        .on(
            Effect.Enroll.class,
            (c, e, now) ->
                roster.enroll(e.program(), e.name(), e.neighbourhood(), e.interest(), c.key(), now))
        .on(Effect.AnswerFeedback.class, (c, e, now) -> feedback.count(e.intent(), e.helpful()))
        .on(Effect.Problem.class, Stores::problem);
  }

  private static Future<Void> problem(Contact contact, Effect.Problem e, java.time.Instant now) {
    LOG.warn("conversation problem in {}/{}: {}", e.flow(), e.step(), e.reason());
    return Future.succeededFuture();
  }

  /** The contact types never surveyed: the profile's list, or the usual ones. */
  @SuppressWarnings("unchecked")
  private static java.util.Set<String> sensitiveContactTypes(
      org.beatline.conversation.Department department) {
    Object listed = department.fact("surveys.sensitive_contact_types");
    return listed instanceof java.util.List<?> l
        ? java.util.Set.copyOf((java.util.List<String>) l)
        : Invitation.SENSITIVE;
  }

  private static String topic(String topic, String neighbourhood) {
    return neighbourhood == null ? topic : topic + "|" + neighbourhood;
  }
}
