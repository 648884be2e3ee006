package org.beatline.pipeline;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.beatline.message.Outbound;

/**
 * A message that may describe danger now is answered with emergency guidance first, in any state
 * and even after STOP, on the emergency lane; if the resident was answering a question, the answer
 * is still taken, so that a false alarm does not derail them.
 */
final class SafetyResponder implements Responder {
  static final String GUIDANCE = "emergency.guidance";
  private static final double CLEAR = 0.85;
  private final Say say;
  private final Conversation conversation;
  private final MeterRegistry metrics;

  SafetyResponder(Say say, Conversation conversation, MeterRegistry metrics) {
    this.say = say;
    this.conversation = conversation;
    this.metrics = metrics;
  }

  @Override
  public Future<Response> respond(Incoming in) {
    if (!in.understood().emergency()) {
      return Future.succeededFuture();
    }
    metrics.counter("beatline_emergency_guidance", "channel", in.message().channel()).increment();
    var contact = in.contact();
    Outbound guidance = say.to(contact, language(in), GUIDANCE, Map.of(), Outbound.Lane.EMERGENCY);
    Response given = new Response(contact, List.of(guidance), "safety", null);
    if (contact.optedOut()) {
      return Future.succeededFuture(given);
    }
    return conversation
        .respondAfterGuidance(contact, in.message(), in.understood())
        .map(more -> more == null || more.replies().isEmpty() ? given : with(given, more));
  }

  /**
   * The language the message is clearly written in (an English emergency from a contact who chose
   * Spanish gets English guidance), otherwise the contact's.
   */
  private String language(Incoming in) {
    var u = in.understood();
    return u.language() != null && u.languageConfidence() >= CLEAR && say.supports(u.language())
        ? u.language()
        : in.contact().language();
  }

  /** The guidance, then what the conversation added (its answer to the waiting question). */
  private static Response with(Response given, Conversation.Answer more) {
    List<Outbound> all = new ArrayList<>(given.messages());
    // The engine may have said the guidance too; once is enough.
    more.replies().stream().filter(r -> !GUIDANCE.equals(r.key())).forEach(all::add);
    return new Response(given.contact(), all, more.flow(), more.step());
  }
}
