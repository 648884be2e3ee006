package org.beatline.nlu;

import java.util.List;

/**
 * The words of one language that take frightening words out of the present: time in the past ("last
 * month", "ago") or a question about policy and figures ("policy", "how many"), and the words that
 * put danger back in the present ("right now", "still"). Read from {@code conversations/cues/}.
 */
final class EmergencyCues {
  private final PhraseMatcher notNow;
  private final PhraseMatcher now;

  private final List<String> danger;

  EmergencyCues(Lists lists) {
    this.danger = lists.danger();
    // A cue that silences danger must be written as listed ("police" is not "policy"); one that
    // keeps danger in the present may carry a typo, since recall comes first.
    this.notNow = new PhraseMatcher(lists.notNow(), false, false);
    this.now = new PhraseMatcher(lists.now(), false, true);
  }

  /** Words of danger beyond the phrases of the intents file. */
  List<String> danger() {
    return danger;
  }

  /** Whether {@code folded} speaks of the past or of policy, and of nothing happening now. */
  boolean notNow(String folded) {
    return notNowCue(folded) != null;
  }

  /** The word that takes {@code folded} out of the present, or null. */
  String notNowCue(String folded) {
    String cue = notNow.find(folded);
    return cue == null || now.matches(folded) ? null : cue;
  }

  /** The lists as written in {@code conversations/cues/<lang>.yaml}. */
  record Lists(List<String> danger, List<String> notNow, List<String> now) {
    Lists {
      danger = danger == null ? List.of() : List.copyOf(danger);
      notNow = notNow == null ? List.of() : List.copyOf(notNow);
      now = now == null ? List.of() : List.copyOf(now);
    }
  }
}
