package org.beatline.contact;

import java.time.Instant;
import java.util.Map;

/**
 * A resident (or officer) as Beatline knows them on one channel.
 *
 * @param channel the provider ({@code twilio}, {@code telegram}, {@code web})
 * @param address E.164 number (optionally {@code whatsapp:}-prefixed), chat id, or simulator id
 * @param language the language they are answered in, or null before it is known
 * @param consent whether they may be sent messages
 * @param isNew true only for the message that created the contact
 */
public record Contact(
    String channel,
    String address,
    String language,
    Consent consent,
    Instant createdAt,
    Instant lastSeen,
    boolean isNew) {

  /** Whether Beatline may message the contact. */
  public enum Consent {
    SUBSCRIBED,
    OPTED_OUT
  }

  public String key() {
    return channel + ":" + address;
  }

  public boolean optedOut() {
    return consent == Consent.OPTED_OUT;
  }

  public Contact withLanguage(String lang) {
    return new Contact(channel, address, lang, consent, createdAt, lastSeen, isNew);
  }

  public Contact withConsent(Consent c) {
    return new Contact(channel, address, language, c, createdAt, lastSeen, isNew);
  }

  static Contact fromHash(String channel, String address, Map<String, String> h, boolean isNew) {
    return new Contact(
        channel,
        address,
        h.get("language"),
        Consent.valueOf(h.getOrDefault("consent", Consent.SUBSCRIBED.name())),
        Instant.ofEpochMilli(Long.parseLong(h.get("created"))),
        Instant.ofEpochMilli(Long.parseLong(h.get("seen"))),
        isNew);
  }
}
