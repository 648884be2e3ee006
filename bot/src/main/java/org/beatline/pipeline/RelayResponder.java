package org.beatline.pipeline;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.beatline.concern.CaseWork;
import org.beatline.concern.Officers;
import org.beatline.conversation.Session;
import org.beatline.conversation.Words;
import org.beatline.i18n.Catalogue;
import org.beatline.message.Outbound;
import org.beatline.redis.Redis;

/**
 * For 72 hours after an officer answered a resident, the resident's free text goes back to that
 * officer, unless the bot is waiting for an answer to its own question (the pending question wins).
 * MENU ends the window; STATUS, LANGUAGE and button presses still reach the conversation.
 */
final class RelayResponder implements Responder {
  private static final List<String> PASS_THROUGH =
      List.of("keywords.status", "keywords.language", "keywords.more");
  private final CaseWork work;
  private final Officers officers;
  private final Redis redis;
  private final Catalogue catalogue;
  private final Say say;

  RelayResponder(CaseWork work, Officers officers, Redis redis, Catalogue catalogue, Say say) {
    this.work = work;
    this.officers = officers;
    this.redis = redis;
    this.catalogue = catalogue;
    this.say = say;
  }

  @Override
  public Future<Response> respond(Incoming in) {
    var m = in.message();
    if (m.choice() != null || m.text().isBlank()) {
      return Future.succeededFuture();
    }
    return work.relayOf(in.contact().key())
        .compose(
            relay -> relay == null ? Future.succeededFuture() : relayUnlessAnswering(in, relay));
  }

  private Future<Response> relayUnlessAnswering(Incoming in, CaseWork.Relay relay) {
    String lang = in.contact().language();
    String text = in.message().text();
    if (Words.isOneOf(catalogue, lang, "keywords.menu", text)) {
      // Leaving the officer: the next MENU shows the menu.
      return work.endRelayOf(in.contact().key())
          .compose(v -> officers.find(relay.officer()))
          .map(
              o ->
                  new Response(
                      in.contact(),
                      List.of(
                          say.to(
                              in.contact(),
                              lang,
                              "concern.relay.ended",
                              Map.of("officer", o == null ? "" : o.displayName()),
                              Outbound.Lane.REPLY)),
                      "relay",
                      null));
    }
    for (String key : PASS_THROUGH) {
      if (Words.isOneOf(catalogue, lang, key, text)) {
        return Future.succeededFuture();
      }
    }
    return redis
        .call(c -> c.get(EngineConversation.sessionKey(in.contact())))
        .compose(
            json -> {
              if (json != null && waiting(json)) {
                return Future.succeededFuture(); // the bot's own question wins
              }
              return work.relay(relay, text, in.message().receivedAt())
                  .compose(toOfficer -> sent(in, relay, toOfficer));
            });
  }

  private Future<Response> sent(Incoming in, CaseWork.Relay relay, List<Outbound> toOfficer) {
    if (toOfficer.isEmpty()) {
      return Future.succeededFuture(); // the case closed meanwhile: an ordinary message again
    }
    return officers
        .find(relay.officer())
        .map(
            o -> {
              List<Outbound> out = new ArrayList<>(toOfficer);
              out.add(
                  say.to(
                      in.contact(),
                      in.contact().language(),
                      "concern.relay.sent",
                      Map.of("officer", o == null ? "" : o.displayName()),
                      Outbound.Lane.REPLY));
              return new Response(in.contact(), out, "relay", relay.reference());
            });
  }

  private static boolean waiting(String json) {
    try {
      return Session.fromJson(json).waiting();
    } catch (RuntimeException e) {
      return false;
    }
  }
}
