package org.beatline.pipeline;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import org.beatline.contact.ConsentLedger;
import org.beatline.contact.Contact;
import org.beatline.i18n.Catalogue;
import org.beatline.message.Masking;
import org.beatline.message.Outbound;
import org.beatline.redis.Redis;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * STOP, START and HELP in every language, whatever the conversation is doing; and silence for a
 * contact who has stopped. A STOP is confirmed once, in the keyword's language.
 */
final class ConsentResponder implements Responder {
  private static final Logger LOG = LoggerFactory.getLogger(ConsentResponder.class);
  private final Redis redis;
  private final ConsentLedger ledger;
  private final ConsentWords words;
  private final String defaultLanguage;
  private final Say say;
  private final MeterRegistry metrics;

  ConsentResponder(
      Redis redis, ConsentLedger ledger, Catalogue catalogue, Say say, MeterRegistry metrics) {
    this.redis = redis;
    this.ledger = ledger;
    this.words = new ConsentWords(catalogue);
    this.defaultLanguage = catalogue.defaultLanguage();
    this.say = say;
    this.metrics = metrics;
  }

  @Override
  public Future<Response> respond(Incoming in) {
    Contact contact = in.contact();
    // Buttons never opt anyone out: only typed words are consent keywords.
    ConsentWords.Match word =
        words.match(
            in.message().text().isBlank() ? "" : in.understood().text(), contact.language());
    String lang =
        word != null && !word.language().equals(defaultLanguage)
            ? word.language()
            : contact.language();
    if (word != null && word.kind() == ConsentWords.Kind.STOP) {
      if (contact.optedOut()) {
        return silence(contact, "stopped"); // one confirmation only
      }
      metrics
          .counter("beatline_opt_outs", "channel", contact.channel(), "reason", "keyword")
          .increment();
      return change(contact, lang, in, Contact.Consent.OPTED_OUT);
    }
    if (word != null && word.kind() == ConsentWords.Kind.START && contact.optedOut()) {
      return change(contact, lang, in, Contact.Consent.SUBSCRIBED);
    }
    if (word != null && word.kind() == ConsentWords.Kind.HELP) {
      Outbound help = say.to(contact, lang, "help", Map.of(), Outbound.Lane.REPLY);
      return Future.succeededFuture(new Response(contact, List.of(help), "help", null));
    }
    if (contact.optedOut()) {
      return silence(contact, "stopped");
    }
    return Future.succeededFuture();
  }

  /** Records a consent keyword in the ledger and confirms it once, in the keyword's language. */
  private Future<Response> change(
      Contact contact, String lang, Incoming in, Contact.Consent consent) {
    boolean stop = consent == Contact.Consent.OPTED_OUT;
    var m = in.message();
    LOG.info(
        "{} {} {}", m.channel(), Masking.mask(m.address()), stop ? "opted out" : "opted back in");
    String key = stop ? "consent.stopped" : "consent.started";
    // STOP ends whatever question was pending: after START the resident starts fresh.
    return ledger
        .change(m.channel(), m.address(), consent, ConsentWords.normalise(m.text()), m.receivedAt())
        .compose(v -> redis.call(c -> c.del(EngineConversation.sessionKey(contact))))
        .map(
            v ->
                new Response(
                    contact.withConsent(consent),
                    List.of(say.to(contact, lang, key, Map.of(), Outbound.Lane.REPLY)),
                    "consent",
                    stop ? "stopped" : "started"));
  }

  private static Future<Response> silence(Contact contact, String step) {
    return Future.succeededFuture(new Response(contact, List.of(), "consent", step));
  }
}
