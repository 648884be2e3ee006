package org.beatline.pipeline;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import org.beatline.concern.CaseWork;
import org.beatline.concern.Officers;
import org.beatline.contact.ConsentLedger;
import org.beatline.contact.Contact;
import org.beatline.contact.Contacts;
import org.beatline.i18n.Catalogue;
import org.beatline.i18n.Renderer;
import org.beatline.message.Inbound;
import org.beatline.message.Masking;
import org.beatline.message.Understanding;
import org.beatline.message.Understood;
import org.beatline.outbox.Outbox;
import org.beatline.redis.Redis;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A message's way through Beatline, the same for every channel: dedupe, contact, understanding,
 * then the responders in order (safety, consent, officer commands, relay, the conversation) until
 * one answers; its messages are merged per recipient and queued in the outbox. One sender's
 * messages are handled one after the other, on every instance together (see {@link Turns}).
 */
public final class Pipeline {
  private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

  /**
   * How long a provider's message id is remembered: longer than any provider redelivers (Telegram
   * keeps an update 24 hours at most, Twilio retries within minutes), and no longer than a
   * simulator identity's data is kept after its last message.
   */
  private static final long SEEN_SECONDS = 24L * 3600;

  private final Redis redis;
  private final Contacts contacts;
  private final Catalogue catalogue;
  private final Understanding understanding;
  private final Outbox outbox;
  private final LanguageHints languageHints;
  private final MeterRegistry metrics;
  private final List<Responder> responders;
  private final Turns turns;

  /**
   * A pipeline whose gate is, in order: safety, the flood limit, officer commands (which leave STOP
   * and START to consent), consent, the officer relay, the conversation.
   */
  public Pipeline(
      Vertx vertx,
      Redis redis,
      Contacts contacts,
      ConsentLedger ledger,
      Renderer renderer,
      Understanding understanding,
      Conversation conversation,
      Outbox outbox,
      MeterRegistry metrics,
      Officers officers,
      CaseWork work) {
    this.redis = redis;
    this.turns = new Turns(vertx, redis, SEEN_SECONDS);
    this.contacts = contacts;
    this.catalogue = renderer.catalogue();
    this.understanding = understanding;
    this.outbox = outbox;
    this.languageHints = new LanguageHints(catalogue.languages());
    this.metrics = metrics;
    Say say = new Say(renderer);
    List<Responder> chain = new ArrayList<>();
    chain.add(new SafetyResponder(say, conversation, metrics));
    chain.add(new FloodResponder(redis, new ConsentWords(catalogue), say, metrics));
    chain.add(new OfficerResponder(officers, work, catalogue, say));
    chain.add(new ConsentResponder(redis, ledger, catalogue, say, metrics));
    chain.add(new RelayResponder(work, officers, redis, catalogue, say));
    chain.add(new ConversationResponder(conversation));
    this.responders = List.copyOf(chain);
  }

  /**
   * Handles one message. With {@code deliver} the messages are queued in the outbox before the
   * returned future completes; without, the caller shows the replies itself (the simulator).
   */
  public Future<Handled> handle(Inbound in, boolean deliver) {
    metrics.counter("beatline_inbound_messages", "channel", in.channel()).increment();
    String seen = in.providerId() == null ? null : seenKey(in);
    return turns.run(
        in.channel() + ":" + in.address(),
        seen,
        fresh -> {
          if (!fresh) {
            LOG.info("{} {}: replay of {} ignored", in.channel(), mask(in), in.providerId());
            return Future.succeededFuture(Handled.duplicateMessage());
          }
          return process(in, deliver).recover(e -> forget(in).compose(v -> Future.failedFuture(e)));
        });
  }

  private Future<Handled> process(Inbound in, boolean deliver) {
    return contacts
        .touch(in.channel(), in.address(), in.receivedAt())
        .compose(contact -> understand(contact, in))
        .compose(x -> gate(x, 0).map(r -> new Handled(false, x.understood(), r, in)))
        .compose(
            h ->
                deliver && !h.response().messages().isEmpty()
                    ? outbox.enqueue(h.response().merged()).map(h)
                    : Future.succeededFuture(h));
  }

  private Future<Incoming> understand(Contact stored, Inbound in) {
    // Typed text is what is understood (Zawgyi converted); a bare button press is read by its
    // value.
    String said = in.text().isBlank() && in.choice() != null ? in.choice() : in.text();
    Understood understood = understanding.understand(said, stored.language());
    if (stored.language() != null) {
      return Future.succeededFuture(new Incoming(stored, in, understood));
    }
    String lang = firstLanguage(in, understood);
    Contact contact = stored.withLanguage(lang);
    return contacts.setLanguage(contact, lang).map(v -> new Incoming(contact, in, understood));
  }

  /** Asks the responders in order until one answers; the last one always does. */
  private Future<Response> gate(Incoming in, int at) {
    return responders
        .get(at)
        .respond(in)
        .compose(
            r ->
                r != null || at == responders.size() - 1
                    ? Future.succeededFuture(r)
                    : gate(in, at + 1));
  }

  private String firstLanguage(Inbound in, Understood understood) {
    if (catalogue.supports(understood.language()) && understood.languageConfidence() >= 0.5) {
      return understood.language();
    }
    String hint = languageHints.closest(in.languageHint());
    if (hint != null) {
      return hint;
    }
    return catalogue.supports(understood.language())
        ? understood.language()
        : catalogue.defaultLanguage();
  }

  /** Forgets a message that failed midway, so the provider's retry is processed again. */
  private Future<Void> forget(Inbound in) {
    if (in.providerId() == null) {
      return Future.succeededFuture();
    }
    return redis
        .call(c -> c.del(seenKey(in)))
        .<Void>mapEmpty()
        .recover(
            e -> {
              LOG.warn(
                  "{} {}: could not forget {} after a failure, a retry will be ignored: {}",
                  in.channel(),
                  mask(in),
                  in.providerId(),
                  e.toString());
              return Future.succeededFuture();
            });
  }

  /**
   * The mark that a provider's message was seen, tagged with its sender like the sender's turn, so
   * that the script taking both stays on one slot of a cluster.
   */
  private static String seenKey(Inbound in) {
    return "seen:{" + in.channel() + ":" + in.address() + "}:" + in.providerId();
  }

  private static String mask(Inbound in) {
    return Masking.mask(in.address());
  }
}
