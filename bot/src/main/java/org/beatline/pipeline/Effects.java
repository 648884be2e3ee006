package org.beatline.pipeline;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import org.beatline.accountability.AnswerFeedback;
import org.beatline.concern.Concerns;
import org.beatline.concern.Handoffs;
import org.beatline.contact.ConsentLedger;
import org.beatline.contact.Contact;
import org.beatline.contact.Contacts;
import org.beatline.conversation.Effect;
import org.beatline.roster.Roster;
import org.beatline.survey.SurveyAnswers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Carries out what a conversation turn decided, in order, each in the store it belongs to. */
public final class Effects {
  private static final Logger LOG = LoggerFactory.getLogger(Effects.class);
  private final Contacts contacts;
  private final ConsentLedger ledger;
  private final Concerns concerns;
  private final SurveyAnswers surveys;
  private final Roster roster;
  private final AnswerFeedback feedback;
  private final Handoffs handoffs;

  public Effects(
      Contacts contacts,
      ConsentLedger ledger,
      Concerns concerns,
      SurveyAnswers surveys,
      Roster roster,
      AnswerFeedback feedback,
      Handoffs handoffs) {
    this.contacts = contacts;
    this.ledger = ledger;
    this.concerns = concerns;
    this.surveys = surveys;
    this.roster = roster;
    this.feedback = feedback;
    this.handoffs = handoffs;
  }

  public Future<Void> apply(Contact contact, List<Effect> effects, Instant now) {
    Future<Void> chain = Future.succeededFuture();
    for (Effect e : effects) {
      chain = chain.compose(v -> apply(contact, e, now));
    }
    return chain;
  }

  private Future<Void> apply(Contact contact, Effect effect, Instant now) {
    if (effect instanceof Effect.SetLanguage e) {
      return contacts.setLanguage(contact, e.language());
    } else if (effect instanceof Effect.SetNeighbourhood e) {
      return contacts.setField(contact, "neighbourhood", e.neighbourhood());
    } else if (effect instanceof Effect.Subscribe e) {
      return ledger.topic(contact, topic(e.topic(), e.neighbourhood()), true, now);
    } else if (effect instanceof Effect.Unsubscribe e) {
      return ledger.topic(contact, topic(e.topic(), e.neighbourhood()), false, now);
    } else if (effect instanceof Effect.CreateConcern e) {
      return concerns.create(e, contact.key(), now);
    } else if (effect instanceof Effect.RecordAnswer e) {
      return ledger
          .hash(contact.key())
          .compose(h -> surveys.record(e.surveyId(), h, e.questionId(), e.value()));
    } else if (effect instanceof Effect.CompleteSurvey e) {
      return ledger
          .hash(contact.key())
          .compose(h -> surveys.complete(e.surveyId(), h, contact.language(), now))
          .compose(v -> contacts.setField(contact, "surveyInvitation", null));
    } else if (effect instanceof Effect.DeclineSurvey e) {
      return ledger
          .hash(contact.key())
          .compose(h -> surveys.discard(e.surveyId(), h))
          .compose(v -> contacts.setField(contact, "surveyInvitation", null));
    } else if (effect instanceof Effect.Enroll e) {
      return roster.enroll(
          e.program(), e.name(), e.neighbourhood(), e.interest(), contact.key(), now);
    } else if (effect instanceof Effect.AnswerFeedback e) {
      return feedback.count(e.intent(), e.helpful());
    } else if (effect instanceof Effect.Handoff e) {
      return handoffs.add(
          e.intent(), e.question(), e.neighbourhood(), e.language(), contact.key(), now);
    } else if (effect instanceof Effect.Problem e) {
      LOG.warn("conversation problem in {}/{}: {}", e.flow(), e.step(), e.reason());
    }
    return Future.succeededFuture();
  }

  private static String topic(String topic, String neighbourhood) {
    return neighbourhood == null ? topic : topic + "|" + neighbourhood;
  }
}
