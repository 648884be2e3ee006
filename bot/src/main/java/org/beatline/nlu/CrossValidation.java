package org.beatline.nlu;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * K-fold cross-validation on the shipped examples: each fold is held out in turn, the rest trains
 * every model, and the held-out messages are understood with no contact language known. Folds are
 * drawn per language and intent, so every fold holds every intent, each from its own seed, so that
 * editing one language's examples does not redraw the folds of the others. Repeating the whole with
 * other seeds and counting every round gives figures less subject to one draw's luck. The danger
 * lexicon and cues are not folded: they are word lists, not examples, but they were written with
 * the examples in view, so the report also gives the recall of the classifier alone.
 */
final class CrossValidation {
  private static final long SEED = 20240611L;

  private CrossValidation() {}

  /** Runs {@code rounds} rounds of {@code k}-fold cross-validation, all counted in one card. */
  static Scorecard run(
      List<LanguageExamples> all,
      Map<String, EmergencyCues> cues,
      StockLanguageModel stock,
      int k,
      int rounds) {
    Scorecard card = new Scorecard();
    for (int round = 0; round < rounds; round++) {
      run(all, cues, stock, k, SEED + round, card);
    }
    return card;
  }

  private static void run(
      List<LanguageExamples> all,
      Map<String, EmergencyCues> cues,
      StockLanguageModel stock,
      int k,
      long seed,
      Scorecard card) {
    List<List<Example>> folds = new ArrayList<>();
    for (int f = 0; f < k; f++) {
      folds.add(new ArrayList<>());
    }
    for (LanguageExamples l : all) {
      l.intents()
          .forEach(
              (intent, texts) -> {
                Random random = new Random(seed * 31 + (l.language() + "/" + intent).hashCode());
                List<String> shuffled = new ArrayList<>(texts);
                Collections.shuffle(shuffled, random);
                int offset = random.nextInt(k);
                for (int i = 0; i < shuffled.size(); i++) {
                  folds
                      .get((i + offset) % k)
                      .add(new Example(l.language(), intent, shuffled.get(i)));
                }
              });
    }
    for (int f = 0; f < k; f++) {
      List<Example> held = folds.get(f);
      List<LanguageExamples> training = new ArrayList<>();
      for (LanguageExamples l : all) {
        List<Example> keep = new ArrayList<>();
        for (int g = 0; g < k; g++) {
          if (g != f) {
            folds.get(g).stream().filter(e -> e.language().equals(l.language())).forEach(keep::add);
          }
        }
        training.add(l.withExamples(keep));
      }
      Nlu nlu = Nlu.train(training, cues, stock);
      for (Example e : held) {
        card.add(e, nlu);
        if (e.intent().equals(SafetyNet.EMERGENCY)) {
          card.addClassifierAlarm(nlu.alarmedByClassifier(e.text()));
        }
      }
    }
  }
}
