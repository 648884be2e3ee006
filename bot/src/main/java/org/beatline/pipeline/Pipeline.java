package org.beatline.pipeline;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.beatline.contact.ConsentLedger;
import org.beatline.contact.Contact;
import org.beatline.contact.Contacts;
import org.beatline.i18n.Catalogue;
import org.beatline.message.Inbound;
import org.beatline.message.Masking;
import org.beatline.message.Outbound;
import org.beatline.message.Understanding;
import org.beatline.message.Understood;
import org.beatline.outbox.Outbox;
import org.beatline.redis.Redis;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A message's way through Beatline, the same for every channel: dedupe, contact, understanding, the
 * safety and consent gate, the conversation, and replies rendered in the contact's language.
 */
public final class Pipeline {
  private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);
  private static final long SEEN_SECONDS = 48L * 3600;

  private final Redis redis;
  private final Contacts contacts;
  private final ConsentLedger ledger;
  private final Catalogue catalogue;
  private final Understanding understanding;
  private final Conversation conversation;
  private final Outbox outbox;
  private final Map<String, Object> department;
  private final ConsentWords consentWords;
  private final LanguageHints languageHints;
  private final MeterRegistry metrics;

  public Pipeline(
      Redis redis,
      Contacts contacts,
      ConsentLedger ledger,
      Catalogue catalogue,
      Understanding understanding,
      Conversation conversation,
      Outbox outbox,
      Map<String, Object> departmentArgs,
      MeterRegistry metrics) {
    this.redis = redis;
    this.contacts = contacts;
    this.ledger = ledger;
    this.catalogue = catalogue;
    this.understanding = understanding;
    this.conversation = conversation;
    this.outbox = outbox;
    this.department = Map.copyOf(departmentArgs);
    this.consentWords = new ConsentWords(catalogue);
    this.languageHints = new LanguageHints(catalogue.languages());
    this.metrics = metrics;
  }

  /**
   * Handles one message. With {@code deliver} the replies are queued in the outbox before the
   * returned future completes; without, the caller shows them itself (the simulator).
   */
  public Future<Handled> handle(Inbound in, boolean deliver) {
    metrics.counter("beatline_inbound_messages", "channel", in.channel()).increment();
    return firstTime(in)
        .compose(
            fresh -> {
              if (!fresh) {
                LOG.info("{} {}: replay of {} ignored", in.channel(), mask(in), in.providerId());
                return Future.succeededFuture(Handled.duplicateMessage());
              }
              return process(in, deliver)
                  .recover(e -> forget(in).compose(v -> Future.failedFuture(e)));
            });
  }

  private Future<Handled> process(Inbound in, boolean deliver) {
    return contacts
        .touch(in.channel(), in.address(), in.receivedAt())
        .compose(contact -> decide(contact, in))
        .compose(
            h ->
                deliver && !h.replies().isEmpty()
                    ? outbox.enqueue(List.of(oneMessage(h.replies()))).map(h)
                    : Future.succeededFuture(h));
  }

  /**
   * The replies of one turn as one message: fewer texts for the resident, no chance of a carrier
   * delivering them out of order, and the choices of the last reply attached at its end.
   */
  static Outbound oneMessage(List<Outbound> replies) {
    if (replies.size() == 1) {
      return replies.get(0);
    }
    Outbound first = replies.get(0);
    StringBuilder text = new StringBuilder();
    List<Outbound.Option> options = new ArrayList<>();
    for (Outbound r : replies) {
      text.append(text.length() == 0 ? "" : "\n\n").append(r.text());
      options.addAll(r.options());
    }
    return new Outbound(
        first.id(),
        first.channel(),
        first.address(),
        text.toString(),
        options,
        first.lane(),
        first.key(),
        replies.get(replies.size() - 1).language());
  }

  private Future<Handled> decide(Contact stored, Inbound in) {
    // Typed text is what is understood (Zawgyi converted); a bare button press is read by its
    // value.
    String said = in.text().isBlank() && in.choice() != null ? in.choice() : in.text();
    Understood understood = understanding.understand(said, stored.language());
    Contact contact = stored;
    Future<Void> saved = Future.succeededFuture();
    if (contact.language() == null) {
      String lang = firstLanguage(in, understood);
      contact = contact.withLanguage(lang);
      saved = contacts.setLanguage(contact, lang);
    }
    Contact c = contact;
    return saved.compose(v -> gate(c, in, understood));
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

  /** The safety and consent gate: emergency first, then STOP/START/HELP, then the conversation. */
  private Future<Handled> gate(Contact contact, Inbound in, Understood understood) {
    if (understood.emergency()) {
      metrics.counter("beatline_emergency_guidance", "channel", in.channel()).increment();
      Future<Handled> guidance = done(contact, understood, "emergency.guidance", "safety", null);
      if (contact.optedOut()) {
        return guidance;
      }
      return guidance.compose(
          g ->
              conversation
                  .respondAfterGuidance(contact, in, understood)
                  .map(a -> afterGuidance(g, a)));
    }
    // Buttons never opt anyone out: only typed words are consent keywords.
    ConsentWords.Match word =
        consentWords.match(in.text().isBlank() ? "" : understood.text(), contact.language());
    String lang =
        word != null && !word.language().equals(catalogue.defaultLanguage())
            ? word.language()
            : contact.language();
    Contact speaking = contact.withLanguage(lang);
    if (word != null && word.kind() == ConsentWords.Kind.STOP) {
      if (contact.optedOut()) {
        return done(contact, understood, null, "consent", "stopped"); // one confirmation only
      }
      metrics
          .counter("beatline_opt_outs", "channel", in.channel(), "reason", "keyword")
          .increment();
      return changeConsent(speaking, in, understood, Contact.Consent.OPTED_OUT);
    }
    if (word != null && word.kind() == ConsentWords.Kind.START && contact.optedOut()) {
      return changeConsent(speaking, in, understood, Contact.Consent.SUBSCRIBED);
    }
    if (word != null && word.kind() == ConsentWords.Kind.HELP) {
      return done(speaking, understood, "help", "help", null);
    }
    if (contact.optedOut()) {
      return done(contact, understood, null, "consent", "stopped");
    }
    return conversation
        .respond(contact, in, understood)
        .map(a -> new Handled(false, contact, understood, a.replies(), a.flow(), a.step()));
  }

  /** Records a consent keyword in the ledger and confirms it once, in the keyword's language. */
  private Future<Handled> changeConsent(
      Contact contact, Inbound in, Understood understood, Contact.Consent consent) {
    boolean stop = consent == Contact.Consent.OPTED_OUT;
    LOG.info("{} {} {}", in.channel(), mask(in), stop ? "opted out" : "opted back in");
    return ledger
        .change(in.channel(), in.address(), consent, word(in), in.receivedAt())
        .compose(
            v ->
                done(
                    contact.withConsent(consent),
                    understood,
                    stop ? "consent.stopped" : "consent.started",
                    "consent",
                    stop ? "stopped" : "started"));
  }

  /** The gate's own answer: one message ({@code key}), or none when {@code key} is null. */
  private Future<Handled> done(
      Contact contact, Understood understood, String key, String flow, String step) {
    List<Outbound> out = key == null ? List.of() : List.of(render(contact, key));
    return Future.succeededFuture(new Handled(false, contact, understood, out, flow, step));
  }

  /** The guidance, then what the conversation adds (never the guidance a second time). */
  private static Handled afterGuidance(Handled guidance, Conversation.Answer more) {
    List<Outbound> replies = new ArrayList<>(guidance.replies());
    more.replies().stream()
        .filter(r -> !"emergency.guidance".equals(r.key()))
        .forEach(replies::add);
    boolean added = replies.size() > guidance.replies().size();
    return new Handled(
        false,
        guidance.contact(),
        guidance.understood(),
        replies,
        added ? more.flow() : guidance.flow(),
        added ? more.step() : guidance.step());
  }

  /** Renders a message of the gate in the contact's language, quoting the department's facts. */
  private Outbound render(Contact contact, String key) {
    String lang = contact.language();
    return new Outbound(
        UUID.randomUUID().toString(),
        contact.channel(),
        contact.address(),
        catalogue.render(lang, key, department),
        List.of(),
        Outbound.Lane.REPLY,
        key,
        lang);
  }

  private Future<Boolean> firstTime(Inbound in) {
    if (in.providerId() == null) {
      return Future.succeededFuture(true);
    }
    String key = seenKey(in);
    return redis
        .call(
            c ->
                c.set(
                    key,
                    Instant.now().toString(),
                    io.lettuce.core.SetArgs.Builder.nx().ex(SEEN_SECONDS)))
        .map("OK"::equals);
  }

  /** Forgets a message that failed midway, so the provider's retry is processed again. */
  private Future<Void> forget(Inbound in) {
    if (in.providerId() == null) {
      return Future.succeededFuture();
    }
    return redis.call(c -> c.del(seenKey(in))).<Void>mapEmpty().otherwiseEmpty();
  }

  private static String seenKey(Inbound in) {
    return "seen:" + in.channel() + ":" + in.providerId();
  }

  private static String word(Inbound in) {
    return ConsentWords.normalise(in.text());
  }

  private static String mask(Inbound in) {
    return Masking.mask(in.address());
  }
}
