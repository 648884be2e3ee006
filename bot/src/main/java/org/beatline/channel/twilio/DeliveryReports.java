package org.beatline.channel.twilio;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.beatline.contact.Addresses;
import org.beatline.contact.ConsentLedger;
import org.beatline.contact.Contact;
import org.beatline.contact.Contacts;
import org.beatline.meeting.Broadcasts;
import org.beatline.message.Masking;
import org.beatline.redis.Redis;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Twilio's delivery reports: the latest status of each message, the opt-out behind error 21610, and
 * a record on the contact of permanent failures (unreachable, unknown or landline numbers).
 */
public final class DeliveryReports {
  /** Error codes after which sending to the number again will not help. */
  static final Set<String> PERMANENT =
      Set.of("30003", "30004", "30005", "30006", "30007", "30008", "21211", "21612", "21614");

  private static final Logger LOG = LoggerFactory.getLogger(DeliveryReports.class);
  private static final long KEEP_SECONDS = 7L * 24 * 3600;
  private final Redis redis;
  private final Contacts contacts;
  private final ConsentLedger ledger;
  private final MeterRegistry metrics;
  private final Broadcasts broadcasts;
  private final String region;

  public DeliveryReports(
      Redis redis, Contacts contacts, ConsentLedger ledger, MeterRegistry metrics, String region) {
    this.broadcasts = new Broadcasts(redis);
    this.region = region;
    this.redis = redis;
    this.contacts = contacts;
    this.ledger = ledger;
    this.metrics = metrics;
  }

  static String key(String sid) {
    return "status:twilio:" + sid;
  }

  /** Records one status report; acts on opt-outs and permanent failures. */
  public Future<Void> record(String sid, String status, String errorCode, String to) {
    String code = errorCode == null || errorCode.isBlank() ? null : errorCode.trim();
    metrics
        .counter("beatline_delivery_reports", "channel", TwilioChannel.ID, "status", status)
        .increment();
    Map<String, String> fields =
        code == null
            ? Map.of("status", status, "at", Instant.now().toString())
            : Map.of("status", status, "error", code, "at", Instant.now().toString());
    Future<Void> stored =
        redis
            .call(c -> c.hset(key(sid), fields))
            .compose(n -> redis.call(c -> c.expire(key(sid), KEEP_SECONDS)))
            .compose(
                v ->
                    "delivered".equals(status)
                        ? broadcasts.delivered(sid)
                        : Future.succeededFuture())
            .mapEmpty();
    if (code == null || to == null || !code.matches("\\d{1,9}")) {
      return stored;
    }
    String address;
    try {
      address = Addresses.phone(to, region);
    } catch (IllegalArgumentException e) {
      return stored;
    }
    if (TwilioSender.OPTED_OUT.contains(Integer.valueOf(code))) {
      LOG.info("twilio reports {} opted out at the carrier ({})", Masking.mask(address), code);
      metrics
          .counter("beatline_opt_outs", "channel", TwilioChannel.ID, "reason", "carrier")
          .increment();
      return stored.compose(
          v ->
              contacts
                  .find(TwilioChannel.ID, address)
                  .compose(
                      c ->
                          c != null && c.optedOut()
                              ? Future.succeededFuture()
                              : ledger.change(
                                  TwilioChannel.ID,
                                  address,
                                  Contact.Consent.OPTED_OUT,
                                  "twilio:" + code,
                                  Instant.now())));
    }
    if (PERMANENT.contains(code)) {
      LOG.info("twilio cannot deliver to {} ({})", Masking.mask(address), code);
      return stored.compose(v -> contacts.undeliverable(TwilioChannel.ID, address, code));
    }
    return stored;
  }
}
