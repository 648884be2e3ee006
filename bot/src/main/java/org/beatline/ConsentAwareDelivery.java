package org.beatline;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import java.time.Instant;
import org.beatline.contact.ConsentLedger;
import org.beatline.contact.Contact;
import org.beatline.contact.Contacts;
import org.beatline.meeting.Broadcasts;
import org.beatline.message.Outbound;
import org.beatline.message.SendFailure;
import org.beatline.outbox.DeliveryListener;

/**
 * Connects the outbox to consent: bulk messages never reach someone who opted out while they
 * waited, and a provider's "opted out" or "blocked" is written to the consent ledger.
 */
final class ConsentAwareDelivery implements DeliveryListener {
  private final Contacts contacts;
  private final ConsentLedger ledger;
  private final MeterRegistry metrics;
  private final Broadcasts broadcasts;

  ConsentAwareDelivery(
      Contacts contacts, ConsentLedger ledger, MeterRegistry metrics, Broadcasts broadcasts) {
    this.contacts = contacts;
    this.ledger = ledger;
    this.metrics = metrics;
    this.broadcasts = broadcasts;
  }

  @Override
  public Future<Boolean> mayDeliver(Outbound m) {
    return contacts
        .find(m.channel(), m.address())
        .map(c -> c != null && !c.optedOut())
        .compose(
            ok ->
                ok
                    ? Future.succeededFuture(true)
                    : broadcasts.count(Broadcasts.of(m.id()), "optedOut", 1).map(false));
  }

  @Override
  public void sent(Outbound m, String providerId) {
    broadcasts.sent(m.id(), providerId);
  }

  @Override
  public void dead(Outbound m, String reason) {
    broadcasts.count(Broadcasts.of(m.id()), "opted_out".equals(reason) ? "optedOut" : "failed", 1);
  }

  @Override
  public Future<Void> optedOut(Outbound m, SendFailure failure) {
    metrics.counter("beatline_opt_outs", "channel", m.channel(), "reason", "provider").increment();
    return ledger.change(
        m.channel(),
        m.address(),
        Contact.Consent.OPTED_OUT,
        m.channel() + ":" + failure.code(),
        Instant.now());
  }
}
