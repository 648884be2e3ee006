package org.beatline.message;

import java.util.List;
import java.util.Objects;

/**
 * One message to send, already rendered in the recipient's language.
 *
 * @param id a unique id, so a retried or re-claimed message is recognisable
 * @param channel the provider to send it through
 * @param address the recipient on that channel
 * @param text the rendered text
 * @param options choices to offer: Telegram shows buttons, SMS has them numbered in the text
 *     already
 * @param lane replies leave before bulk messages
 * @param key the translation key it was rendered from (for the simulator and tests), or null
 * @param language the language it was rendered in
 */
public record Outbound(
    String id,
    String channel,
    String address,
    String text,
    List<Option> options,
    Lane lane,
    String key,
    String language) {

  public Outbound {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(text, "text");
    options = options == null ? List.of() : List.copyOf(options);
    lane = lane == null ? Lane.REPLY : lane;
  }

  /** A choice offered with a message: what the button says and what pressing it sends back. */
  public record Option(String label, String value) {}

  /**
   * Delivery priority, highest first: emergency guidance goes before every other message, replies
   * to a resident who is waiting before announcements.
   */
  public enum Lane {
    EMERGENCY,
    REPLY,
    BULK;

    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
