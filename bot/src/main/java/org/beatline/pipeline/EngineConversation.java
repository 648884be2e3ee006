package org.beatline.pipeline;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.beatline.concern.Concerns;
import org.beatline.concern.Handoffs;
import org.beatline.contact.Contact;
import org.beatline.contact.Contacts;
import org.beatline.conversation.Effect;
import org.beatline.conversation.Engine;
import org.beatline.conversation.Facts;
import org.beatline.conversation.Replies;
import org.beatline.conversation.Reply;
import org.beatline.conversation.Session;
import org.beatline.conversation.Step;
import org.beatline.conversation.Turn;
import org.beatline.i18n.Renderer;
import org.beatline.meeting.Meetings;
import org.beatline.message.ChannelTraits;
import org.beatline.message.Inbound;
import org.beatline.message.Masking;
import org.beatline.message.Outbound;
import org.beatline.message.Understood;
import org.beatline.redis.Redis;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The conversation engine at the edge: loads the session and the facts it needs, runs one turn,
 * carries out its effects once per inbound message, stores the new session, and renders its replies
 * for the channel.
 */
public final class EngineConversation implements Conversation {
  private static final Logger LOG = LoggerFactory.getLogger(EngineConversation.class);
  private static final long APPLIED_SECONDS = 48L * 3600;
  private final Redis redis;
  private final Engine engine;
  private final Renderer renderer;
  private final Contacts contacts;
  private final Meetings meetings;
  private final Concerns concerns;
  private final Handoffs handoffs;
  private final Effects effects;
  private final Unrecognized unrecognized;
  private final Function<String, ChannelTraits> traits;
  private final double confident;

  public EngineConversation(
      Redis redis,
      Engine engine,
      Renderer renderer,
      Contacts contacts,
      Meetings meetings,
      Concerns concerns,
      Handoffs handoffs,
      Effects effects,
      Unrecognized unrecognized,
      Function<String, ChannelTraits> traits,
      double confident) {
    this.redis = redis;
    this.engine = engine;
    this.renderer = renderer;
    this.contacts = contacts;
    this.meetings = meetings;
    this.concerns = concerns;
    this.handoffs = handoffs;
    this.effects = effects.verify();
    this.unrecognized = unrecognized;
    this.traits = traits;
    this.confident = confident;
  }

  static String sessionKey(Contact c) {
    return "session:" + c.key();
  }

  @Override
  public Future<Answer> respondAfterGuidance(Contact contact, Inbound in, Understood understood) {
    return converse(contact, in, understood, true);
  }

  @Override
  public Future<Answer> respond(Contact contact, Inbound in, Understood understood) {
    return converse(contact, in, understood, false);
  }

  /**
   * Runs one turn. With {@code onlyAnswers} the turn counts only if the message answered the
   * question the resident was asked; otherwise nothing is said, stored or done.
   */
  private Future<Answer> converse(
      Contact contact, Inbound in, Understood understood, boolean onlyAnswers) {
    Instant now = in.receivedAt();
    boolean buttons = traits.apply(contact.channel()).buttons();
    return redis
        .call(c -> c.get(sessionKey(contact)))
        .map(EngineConversation::readSession)
        .compose(
            session -> {
              if (onlyAnswers && (session == null || !session.waiting())) {
                return Future.succeededFuture(null);
              }
              String text = understood.text().isEmpty() ? in.text() : understood.text();
              return facts(contact, now)
                  .map(
                      facts ->
                          run(
                              session,
                              new Turn(text, in.choice(), understood, buttons, now, facts)));
            })
        .compose(
            step -> {
              // After guidance the turn counts when it answered the waiting question, or when the
              // engine kept the question open around the alarm (the danger was not the answer).
              boolean kept =
                  step != null
                      && (step.is(Step.Outcome.ANSWERED) || step.is(Step.Outcome.GUIDANCE_GIVEN));
              if (step == null || onlyAnswers && !kept) {
                return Future.succeededFuture(new Answer(List.of(), null, null));
              }
              return withReference(step, in)
                  .compose(
                      s ->
                          keepIfUnrecognized(s, in, understood)
                              .compose(v -> applyOnce(contact, in, s.effects(), now))
                              .compose(v -> save(contact, s.session(), now))
                              .map(v -> turn(contact, s, buttons)));
            });
  }

  /** A stored session, or null when there is none or it cannot be read any more. */
  private static Session readSession(String json) {
    if (json == null) {
      return null;
    }
    try {
      return Session.fromJson(json);
    } catch (RuntimeException e) {
      LOG.warn("unreadable conversation session dropped: {}", e.toString());
      return null;
    }
  }

  /**
   * Runs one turn. A session written against flows that have since changed (a step that is gone) is
   * dropped and the turn starts fresh, rather than failing every message from that resident.
   */
  private Step run(Session session, Turn turn) {
    try {
      return engine.handle(session, turn);
    } catch (RuntimeException e) {
      if (session == null) {
        throw e;
      }
      LOG.warn("conversation session no longer fits the flows, starting fresh: {}", e.toString());
      return engine.handle(null, turn);
    }
  }

  /**
   * Draws a reference when the turn creates a concern, the same one for a provider's retry of the
   * same message, and puts it where the engine wrote {@link Facts#NEW_REFERENCE}.
   */
  private Future<Step> withReference(Step step, Inbound in) {
    boolean creates = step.effects().stream().anyMatch(e -> e instanceof Effect.CreateConcern);
    if (!creates) {
      return Future.succeededFuture(step);
    }
    String turnKey = in.providerId() == null ? null : in.channel() + ":" + in.providerId();
    return concerns.referenceFor(turnKey).map(ref -> References.fill(step, ref));
  }

  /**
   * Carries out the turn's effects unless a provider's retry of this message already did: the turn
   * is marked once its effects are done, and a retry after a later failure finds the mark.
   */
  private Future<Void> applyOnce(Contact contact, Inbound in, List<Effect> list, Instant now) {
    if (list.isEmpty()) {
      return Future.succeededFuture();
    }
    if (in.providerId() == null) {
      return effects.apply(contact, list, now);
    }
    String mark = "applied:" + in.channel() + ":" + in.providerId();
    return redis
        .call(c -> c.exists(mark))
        .compose(
            seen -> {
              if (seen > 0) {
                LOG.info(
                    "{} {}: effects of {} already applied",
                    in.channel(),
                    Masking.mask(in.address()),
                    in.providerId());
                return Future.succeededFuture();
              }
              return effects
                  .apply(contact, list, now)
                  .compose(v -> redis.call(c -> c.setex(mark, APPLIED_SECONDS, "1")))
                  .mapEmpty();
            });
  }

  /**
   * Keeps free text the bot could not confidently understand (or understood as out of scope) and
   * answered with its fallback, a clarifying question or a re-ask. A parsed answer ("3", "yes", a
   * street name) is not kept.
   */
  private Future<Void> keepIfUnrecognized(Step step, Inbound in, Understood u) {
    boolean unsure =
        u.intent() == null || u.confidence() < confident || "out_of_scope".equals(u.intent());
    if (!unsure
        || !step.is(Step.Outcome.NOT_UNDERSTOOD)
        || in.choice() != null
        || u.text().isBlank()) {
      return Future.succeededFuture();
    }
    return unrecognized
        .keep(in.channel(), u, in.receivedAt())
        .recover(
            e -> {
              LOG.warn("could not keep an unrecognised message: {}", e.toString());
              return Future.succeededFuture();
            });
  }

  private Future<Facts> facts(Contact contact, Instant now) {
    Future<Map<String, String>> fields =
        contacts.fields(contact, "neighbourhood", "surveyInvitation");
    Future<Set<String>> subscriptions = contacts.subscriptions(contact);
    Future<List<Facts.Meeting>> upcoming = meetings.upcomingViews(now, 20);
    Future<List<Facts.Concern>> theirs = concerns.forContact(contact.key());
    Future<List<Facts.Handoff>> asked = handoffs.forContact(contact.key());
    return Future.all(fields, subscriptions, upcoming, theirs, asked)
        .map(
            all ->
                new Facts(
                    contact.language(),
                    contact.isNew(),
                    fields.result().get("neighbourhood"),
                    subscriptions.result().stream().map(EngineConversation::subscription).toList(),
                    upcoming.result(),
                    theirs.result(),
                    asked.result(),
                    fields.result().get("surveyInvitation"),
                    Facts.NEW_REFERENCE));
  }

  private static Facts.Subscription subscription(String s) {
    int bar = s.indexOf('|');
    return bar < 0
        ? new Facts.Subscription(s, null)
        : new Facts.Subscription(s.substring(0, bar), s.substring(bar + 1));
  }

  private Future<Void> save(Contact contact, Session session, Instant now) {
    if (session == null) {
      return redis.call(c -> c.del(sessionKey(contact))).mapEmpty();
    }
    long ttl = Math.max(60, session.keepUntil().getEpochSecond() - now.getEpochSecond());
    return redis.call(c -> c.setex(sessionKey(contact), ttl, session.toJson())).mapEmpty();
  }

  private Answer turn(Contact contact, Step step, boolean buttons) {
    List<Outbound> out = new ArrayList<>();
    for (Reply reply : step.replies()) {
      Replies.Rendered r = Replies.render(renderer, reply, contact.language(), buttons);
      out.add(
          Say.message(
              contact,
              r.text(),
              r.buttons().stream().map(b -> new Outbound.Option(b.label(), b.value())).toList(),
              Outbound.Lane.REPLY,
              reply.key(),
              reply.language() == null ? contact.language() : reply.language()));
    }
    var top =
        step.session() == null || step.session().stack().isEmpty()
            ? null
            : step.session().stack().get(step.session().stack().size() - 1);
    return new Answer(out, top == null ? null : top.flow(), top == null ? null : top.step());
  }
}
