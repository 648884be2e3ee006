package org.beatline.nlu;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.beatline.message.Understood;

/**
 * Tallies how messages were understood against their labels: intent accuracy per language and per
 * intent, the commonest confusions, language detection, and emergency recall and precision.
 */
final class Scorecard {
  private static final String EMERGENCY = org.beatline.message.Understood.EMERGENCY;
  private static final int SHOWN = 15;

  private final Map<String, int[]> byLanguage = new TreeMap<>();
  private final Map<String, int[]> byIntent = new TreeMap<>();
  private final Map<String, Integer> confusions = new TreeMap<>();
  private final int[] language = new int[2];
  private final int[] buckets = new int[10];
  private final int[] bucketRight = new int[10];
  private final List<String> missed = new ArrayList<>();
  private final List<String> falseAlarms = new ArrayList<>();
  private final List<String> wrongLanguage = new ArrayList<>();
  private final List<String> misunderstood = new ArrayList<>();
  private int emergencies;
  private int flagged;
  private int caught;
  private int classifierChecked;
  private int classifierCaught;

  /** Records how {@code nlu} understands {@code e}, with no contact language known. */
  void add(Example e, Nlu nlu) {
    add(e, nlu.understand(e.text(), null), () -> nlu.why(e.text()));
  }

  /**
   * Records how {@code e} was understood; {@code why} explains the safety net's decision, asked
   * only when the decision was wrong.
   */
  private void add(Example e, Understood u, Supplier<String> why) {
    boolean right = e.intent().equals(u.intent());
    tally(byLanguage, e.language(), right);
    tally(byIntent, e.intent(), right);
    if (!right) {
      confusions.merge(e.intent() + " -> " + u.intent(), 1, Integer::sum);
      misunderstood.add(
          String.format(
              "%s\t%s -> %s (%.2f)\t%s",
              e.language(), e.intent(), u.intent(), u.confidence(), e.text()));
    }
    language[0]++;
    if (e.language().equals(u.language())) {
      language[1]++;
    } else {
      wrongLanguage.add(e.language() + " -> " + u.language() + "\t" + e.text());
    }
    int bucket = Math.min(9, (int) (u.confidence() * 10));
    buckets[bucket]++;
    bucketRight[bucket] += right ? 1 : 0;
    boolean truth = e.intent().equals(EMERGENCY);
    emergencies += truth ? 1 : 0;
    flagged += u.emergency() ? 1 : 0;
    caught += truth && u.emergency() ? 1 : 0;
    if (truth && !u.emergency()) {
      missed.add(e.language() + "\t" + e.text() + "\t(" + why.get() + ")");
    } else if (!truth && u.emergency()) {
      falseAlarms.add(e.language() + "\t" + e.intent() + "\t" + e.text() + "\t(" + why.get() + ")");
    }
  }

  /** Records whether the classifier alone caught one emergency example. */
  void addClassifierAlarm(boolean caught) {
    classifierChecked++;
    classifierCaught += caught ? 1 : 0;
  }

  /** Intent accuracy of {@code lang}, 0..1. */
  double accuracy(String lang) {
    int[] t = byLanguage.get(lang);
    return t == null ? 0 : (double) t[1] / t[0];
  }

  double languageAccuracy() {
    return language[0] == 0 ? 0 : (double) language[1] / language[0];
  }

  double emergencyRecall() {
    return emergencies == 0 ? 1 : (double) caught / emergencies;
  }

  double emergencyPrecision() {
    return flagged == 0 ? 1 : (double) caught / flagged;
  }

  List<String> missedEmergencies() {
    return List.copyOf(missed);
  }

  void print(PrintStream out, boolean details) {
    out.println("intent accuracy per language:");
    byLanguage.forEach((k, t) -> out.printf("  %-6s %6.1f%%  (%d/%d)%n", k, pct(t), t[1], t[0]));
    out.printf(
        "language detection: %.1f%% (%d/%d)%n",
        100.0 * language[1] / language[0], language[1], language[0]);
    out.printf(
        "emergency recall: %.1f%% (%d/%d)  precision: %.1f%% (%d/%d)%n",
        100 * emergencyRecall(), caught, emergencies, 100 * emergencyPrecision(), caught, flagged);
    if (classifierChecked > 0) {
      out.printf(
          "emergency recall of the classifier alone, without the danger phrases: %.1f%% (%d/%d)%n",
          100.0 * classifierCaught / classifierChecked, classifierCaught, classifierChecked);
    }
    out.println("accuracy by confidence:");
    for (int b = 0; b < 10; b++) {
      if (buckets[b] > 0) {
        out.printf(
            "  %.1f-%.1f %6.1f%%  (%d)%n",
            b / 10.0, (b + 1) / 10.0, 100.0 * bucketRight[b] / buckets[b], buckets[b]);
      }
    }
    if (!details) {
      return;
    }
    out.println("intent accuracy per intent:");
    byIntent.forEach((k, t) -> out.printf("  %-40s %6.1f%%  (%d/%d)%n", k, pct(t), t[1], t[0]));
    out.println("commonest confusions (expected -> understood):");
    confusions.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(SHOWN * 2)
        .forEach(e -> out.printf("  %3d  %s%n", e.getValue(), e.getKey()));
    out.println("missed emergencies:");
    missed.forEach(m -> out.println("  " + m));
    out.println("false alarms:");
    falseAlarms.forEach(m -> out.println("  " + m));
    out.println("languages mistaken:");
    wrongLanguage.forEach(m -> out.println("  " + m));
    out.println("misunderstood (expected -> understood):");
    misunderstood.forEach(m -> out.println("  " + m));
  }

  private static void tally(Map<String, int[]> map, String key, boolean right) {
    int[] t = map.computeIfAbsent(key, k -> new int[2]);
    t[0]++;
    t[1] += right ? 1 : 0;
  }

  private static double pct(int[] t) {
    return 100.0 * t[1] / t[0];
  }
}
