package org.beatline.nlu;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decides on every message whether it may describe danger now, recall before precision. The alarm
 * rises on a danger phrase of any language or on a modest emergency probability; words of the past
 * or of policy silence it unless the classifier is sure.
 */
final class SafetyNet {
  static final String EMERGENCY = org.beatline.message.Understood.EMERGENCY;

  // Chosen by cross-validation (nlu crossval 5 3). At 0.15 the classifier alone caught 94% of the
  // emergency examples, but one alarm in four was false (76% precision); at 0.33 it catches 90%,
  // the danger phrases catch the rest, and 91% of alarms are real (at 0.3, with the naive Bayes
  // weights, 90%). A message the phrases miss and the classifier puts between 0.15 and 0.33 goes
  // unflagged: the phrase lists are where recall is kept, and every miss cross-validation shows is
  // a phrase to add.
  /** The emergency probability above which the classifier alone raises the alarm. */
  static final double ALONE = 0.33;

  /** The emergency probability that overrides past-time and policy cues. */
  static final double OVER_CUES = 0.6;

  private final PhraseMatcher danger;
  private final Map<String, EmergencyCues> cues;

  SafetyNet(List<LanguageExamples> all, Map<String, EmergencyCues> cues) {
    List<String> phrases = new ArrayList<>();
    for (LanguageExamples l : all) {
      phrases.addAll(l.emergencyLexicon());
      EmergencyCues c = cues.get(l.language());
      if (c != null) {
        phrases.addAll(c.danger());
      }
    }
    this.danger = new PhraseMatcher(phrases, true, true);
    this.cues = cues;
  }

  /**
   * Whether {@code folded}, in {@code language}, may describe danger now, given the classifier's
   * {@code scores}.
   */
  boolean emergency(String language, String folded, IntentScores scores) {
    double p = scores.probability(EMERGENCY);
    if (p >= OVER_CUES) {
      return true;
    }
    EmergencyCues c = cues.get(language);
    if (c != null && c.notNow(folded)) {
      return false;
    }
    return p >= ALONE || danger.matches(folded);
  }

  /**
   * Whether the classifier alone would raise the alarm, without the danger phrases; for evaluation
   * reports, since the phrase lists are not held out in cross-validation.
   */
  boolean byClassifier(String language, String folded, IntentScores scores) {
    double p = scores.probability(EMERGENCY);
    EmergencyCues c = cues.get(language);
    return p >= OVER_CUES || p >= ALONE && (c == null || !c.notNow(folded));
  }

  /** The danger phrase {@code folded} holds, or null. */
  String phrase(String folded) {
    return danger.find(folded);
  }

  /** The reasons for the decision on {@code folded}; for evaluation reports. */
  String why(String language, String folded, IntentScores scores) {
    EmergencyCues c = cues.get(language);
    String phrase = danger.find(folded);
    String notNow = c == null ? null : c.notNowCue(folded);
    return String.format(
        "p=%.2f%s%s",
        scores.probability(EMERGENCY),
        phrase == null ? "" : ", danger \"" + phrase + "\"",
        notNow == null ? "" : ", not now \"" + notNow + "\"");
  }
}
