package org.beatline.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.beatline.contact.Contact;
import org.beatline.message.Outbound;

/**
 * What a responder made of one message: the messages to send, each addressed to its own recipient
 * (an officer's reply answers the officer and the resident), the contact as it now stands, and
 * where the sender's conversation stands.
 */
public record Response(Contact contact, List<Outbound> messages, String flow, String step) {

  public Response {
    messages = List.copyOf(messages);
  }

  /** The messages of the turn merged per recipient, in the order recipients first appear. */
  public List<Outbound> merged() {
    Map<String, List<Outbound>> byRecipient = new LinkedHashMap<>();
    for (Outbound m : messages) {
      byRecipient.computeIfAbsent(m.channel() + ":" + m.address(), k -> new ArrayList<>()).add(m);
    }
    return byRecipient.values().stream().map(Response::oneMessage).toList();
  }

  /**
   * One recipient's messages of a turn as one: fewer texts, no chance of a carrier delivering them
   * out of order, the choices of the last attached at its end, and the most urgent lane of them.
   */
  static Outbound oneMessage(List<Outbound> parts) {
    if (parts.size() == 1) {
      return parts.get(0);
    }
    Outbound first = parts.get(0);
    StringBuilder text = new StringBuilder();
    List<Outbound.Option> options = new ArrayList<>();
    Outbound.Lane lane = first.lane();
    for (Outbound p : parts) {
      text.append(text.length() == 0 ? "" : "\n\n").append(p.text());
      options.addAll(p.options());
      lane = p.lane().compareTo(lane) < 0 ? p.lane() : lane;
    }
    return new Outbound(
        first.id(),
        first.channel(),
        first.address(),
        text.toString(),
        options,
        lane,
        first.key(),
        parts.get(parts.size() - 1).language());
  }
}
