package org.beatline.nlu;

import java.util.ArrayList;
import java.util.List;
import org.beatline.message.Understood.Alternative;

/**
 * The classifier's probability for every intent it knows, for one message; empty when none of the
 * message's features was ever seen in training.
 */
record IntentScores(String[] intents, double[] probabilities) {
  static final IntentScores NONE = new IntentScores(new String[0], new double[0]);

  boolean isEmpty() {
    return probabilities.length == 0;
  }

  /** The {@code n} likeliest intents, best first. */
  List<Alternative> best(int n) {
    int k = Math.min(n, probabilities.length);
    List<Alternative> out = new ArrayList<>(k);
    boolean[] taken = new boolean[probabilities.length];
    for (int r = 0; r < k; r++) {
      int top = -1;
      for (int i = 0; i < probabilities.length; i++) {
        if (!taken[i] && (top < 0 || probabilities[i] > probabilities[top])) {
          top = i;
        }
      }
      taken[top] = true;
      out.add(new Alternative(intents[top], probabilities[top]));
    }
    return out;
  }

  /** The likeliest intent, or null when empty. */
  String top() {
    int top = -1;
    for (int i = 0; i < probabilities.length; i++) {
      if (top < 0 || probabilities[i] > probabilities[top]) {
        top = i;
      }
    }
    return top < 0 ? null : intents[top];
  }

  /** The probability of {@code intent}; zero when it is unknown. */
  double probability(String intent) {
    for (int i = 0; i < intents.length; i++) {
      if (intents[i].equals(intent)) {
        return probabilities[i];
      }
    }
    return 0;
  }
}
