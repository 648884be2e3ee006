package org.beatline.conversation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What the edges do with effects, reduced to the facts the next message sees; for flow tests. */
final class Edges {
  private Edges() {}

  static Facts apply(Facts f, List<Effect> effects, int turn, Instant now) {
    String language = f.language();
    String hood = f.neighbourhood();
    String invitation = f.surveyInvitation();
    List<Facts.Subscription> subs = new ArrayList<>(f.subscriptions());
    List<Facts.Concern> concerns = new ArrayList<>(f.concerns());
    List<Facts.Handoff> handoffs = new ArrayList<>(f.handoffs());
    for (Effect e : effects) {
      if (e instanceof Effect.SetLanguage s) {
        language = s.language();
      } else if (e instanceof Effect.SetNeighbourhood s) {
        hood = s.neighbourhood();
      } else if (e instanceof Effect.Subscribe s) {
        subs.add(new Facts.Subscription(s.topic(), s.neighbourhood()));
      } else if (e instanceof Effect.Unsubscribe u) {
        subs.removeIf(s -> s.topic().equals(u.topic()));
      } else if (e instanceof Effect.CreateConcern c) {
        concerns.add(
            0, new Facts.Concern(c.reference(), "received", now, c.neighbourhood(), null, null));
      } else if (e instanceof Effect.Handoff h) {
        handoffs.add(0, new Facts.Handoff(now, h.question(), false));
      } else if (e instanceof Effect.CompleteSurvey || e instanceof Effect.DeclineSurvey) {
        invitation = null;
      }
    }
    return new Facts(
        language,
        false,
        hood,
        subs,
        f.meetings(),
        concerns,
        handoffs,
        invitation,
        "RIV-" + (1001 + turn));
  }
}
