package org.beatline.message;

import java.time.Instant;
import java.util.Objects;

/**
 * One message a resident (or officer) sent, as any channel adapter hands it to the pipeline.
 *
 * @param channel the provider that carried it ({@code twilio}, {@code telegram}, {@code web})
 * @param address the sender's address on that channel (E.164, {@code whatsapp:+…}, a chat id)
 * @param providerId the provider's own id for the message, used to process it only once
 * @param text what was written, never null (empty for a media-only message or a button press)
 * @param choice the value of a pressed button, or null
 * @param media how many attachments came with it (noted, never fetched)
 * @param languageHint a language the channel suggests (a Telegram client's locale), or null
 */
public record Inbound(
    String channel,
    String address,
    String providerId,
    String text,
    String choice,
    int media,
    String languageHint,
    Instant receivedAt) {

  public Inbound {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(address, "address");
    text = text == null ? "" : text;
    receivedAt = receivedAt == null ? Instant.now() : receivedAt;
  }

  /** A plain text message with no buttons, media or hints. */
  public static Inbound text(String channel, String address, String providerId, String text) {
    return new Inbound(channel, address, providerId, text, null, 0, null, null);
  }

  /** The contact this message belongs to: channel and address together. */
  public String contactKey() {
    return channel + ":" + address;
  }
}
