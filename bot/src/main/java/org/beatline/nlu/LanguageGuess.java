package org.beatline.nlu;

import java.util.Map;

/**
 * A language a message seems written in and how sure that is (0..1), with the probability of every
 * language that was considered.
 */
record LanguageGuess(String language, double confidence, Map<String, Double> probabilities) {

  static LanguageGuess only(String language, double confidence) {
    return new LanguageGuess(language, confidence, Map.of(language, confidence));
  }

  /** How likely the message is in {@code other}: zero when it was not considered. */
  double probability(String other) {
    return probabilities.getOrDefault(other, 0.0);
  }

  /** The same guess with every probability scaled, for messages partly in another script. */
  LanguageGuess scaled(double factor) {
    Map<String, Double> p = new java.util.HashMap<>(probabilities);
    p.replaceAll((k, v) -> v * factor);
    return new LanguageGuess(language, confidence * factor, p);
  }
}
