package org.beatline.pipeline;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.beatline.concern.Concerns;
import org.beatline.contact.Contact;
import org.beatline.contact.Contacts;
import org.beatline.conversation.Engine;
import org.beatline.conversation.Facts;
import org.beatline.conversation.Replies;
import org.beatline.conversation.Session;
import org.beatline.conversation.Step;
import org.beatline.i18n.Catalogue;
import org.beatline.meeting.Meetings;
import org.beatline.message.Inbound;
import org.beatline.message.Outbound;
import org.beatline.message.Understood;
import org.beatline.redis.Redis;

/**
 * The conversation engine at the edge: loads the session and the facts it needs, runs one turn,
 * carries out its effects, stores the new session, and renders its replies for the channel.
 */
public final class EngineConversation implements Conversation {
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(EngineConversation.class);
  private static final java.util.Set<String> BUTTONS = java.util.Set.of("telegram", "web");
  private final Redis redis;
  private final Engine engine;
  private final Catalogue catalogue;
  private final Contacts contacts;
  private final Meetings meetings;
  private final Concerns concerns;
  private final Effects effects;
  private final Unrecognized unrecognized;
  private final double confident;

  public EngineConversation(
      Redis redis,
      Engine engine,
      Catalogue catalogue,
      Contacts contacts,
      Meetings meetings,
      Concerns concerns,
      Effects effects,
      Unrecognized unrecognized,
      double confident) {
    this.redis = redis;
    this.engine = engine;
    this.catalogue = catalogue;
    this.contacts = contacts;
    this.meetings = meetings;
    this.concerns = concerns;
    this.effects = effects;
    this.unrecognized = unrecognized;
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
    return redis
        .call(c -> c.get(sessionKey(contact)))
        .map(EngineConversation::readSession)
        .compose(
            session -> {
              if (onlyAnswers && (session == null || !session.waiting())) {
                return Future.succeededFuture(null);
              }
              return facts(contact, now)
                  .map(
                      facts ->
                          run(
                              session,
                              new org.beatline.conversation.Turn(
                                  understood.text().isEmpty() ? in.text() : understood.text(),
                                  in.choice(),
                                  understood,
                                  buttons(contact),
                                  now,
                                  facts)));
            })
        .compose(
            step -> {
              if (step == null || onlyAnswers && !step.is(Step.Outcome.ANSWERED)) {
                return Future.succeededFuture(new Answer(List.of(), null, null));
              }
              return keepIfUnrecognized(step, in, understood)
                  .compose(v -> effects.apply(contact, step.effects(), now))
                  .compose(v -> save(contact, step.session(), now))
                  .map(v -> turn(contact, step));
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
  private Step run(Session session, org.beatline.conversation.Turn turn) {
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
    return unrecognized.keep(in.channel(), u, in.receivedAt()).otherwiseEmpty();
  }

  private Future<Facts> facts(Contact contact, Instant now) {
    Future<String> neighbourhood = contacts.field(contact, "neighbourhood");
    Future<String> invitation = contacts.field(contact, "surveyInvitation");
    return Future.all(
            neighbourhood,
            invitation,
            contacts.subscriptions(contact),
            meetings.upcoming(now, 20),
            concerns.forContact(contact.key()),
            concerns.reserveReference(contact.key()))
        .map(
            all ->
                new Facts(
                    contact.language(),
                    contact.isNew(),
                    all.resultAt(0),
                    all.<java.util.Set<String>>resultAt(2).stream()
                        .map(
                            s -> {
                              int bar = s.indexOf('|');
                              return bar < 0
                                  ? new Facts.Subscription(s, null)
                                  : new Facts.Subscription(
                                      s.substring(0, bar), s.substring(bar + 1));
                            })
                        .toList(),
                    all.resultAt(3),
                    all.resultAt(4),
                    all.resultAt(1),
                    all.resultAt(5)));
  }

  private Future<Void> save(Contact contact, Session session, Instant now) {
    if (session == null) {
      return redis.call(c -> c.del(sessionKey(contact))).mapEmpty();
    }
    long ttl = Math.max(60, session.keepUntil().getEpochSecond() - now.getEpochSecond());
    return redis.call(c -> c.setex(sessionKey(contact), ttl, session.toJson())).mapEmpty();
  }

  private Answer turn(Contact contact, Step step) {
    List<Outbound> out = new ArrayList<>();
    for (var reply : step.replies()) {
      Replies.Rendered r = Replies.render(catalogue, reply, contact.language(), buttons(contact));
      out.add(
          new Outbound(
              UUID.randomUUID().toString(),
              contact.channel(),
              contact.address(),
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

  /** Telegram and the simulator show buttons; SMS, WhatsApp and the terminal number options. */
  private static boolean buttons(Contact c) {
    return BUTTONS.contains(c.channel());
  }
}
