package org.beatline.nlu;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Measures what startup and every message cost: training every model from the files in a fresh
 * process, then again warm, and the latency of one full understanding (Zawgyi check, folding,
 * language, intent, safety net) over many warm iterations of the shipped examples of all languages
 * in random order.
 */
final class Bench {
  private static final int TRAININGS = 5;
  private static final int WARMUP = 50_000;
  private static final int MEASURED = 200_000;

  private Bench() {}

  static void run(Path conversationsDir, PrintStream out) {
    long t0 = System.nanoTime();
    Nlu.train(conversationsDir);
    out.printf(
        "startup, reading the files and training every model: %d ms%n",
        (System.nanoTime() - t0) / 1_000_000);
    List<LanguageExamples> all = ExampleFiles.read(conversationsDir);
    Map<String, EmergencyCues> cues = ExampleFiles.cues(conversationsDir, all);
    t0 = System.nanoTime();
    StockLanguageModel stock = StockLanguageModel.load(ExampleFiles.languages(conversationsDir));
    out.printf(
        "of which reading the stock language model, restricted: %d ms%n",
        (System.nanoTime() - t0) / 1_000_000);
    long[] training = new long[TRAININGS];
    Nlu nlu = null;
    for (int i = 0; i < TRAININGS; i++) {
      long t = System.nanoTime();
      nlu = Nlu.train(all, cues, stock);
      training[i] = System.nanoTime() - t;
    }
    long first = training[0];
    Arrays.sort(training);
    out.printf(
        "training every model again (%d languages, %d examples): first %d ms, median of %d %d ms%n",
        all.size(),
        all.stream().mapToInt(l -> l.examples().size()).sum(),
        first / 1_000_000,
        TRAININGS,
        training[TRAININGS / 2] / 1_000_000);

    List<String> messages = new ArrayList<>();
    all.forEach(l -> l.examples().forEach(e -> messages.add(e.text())));
    Collections.shuffle(messages, new Random(7));
    int sink = 0;
    for (int i = 0; i < WARMUP; i++) {
      sink += nlu.understand(messages.get(i % messages.size()), null).emergency() ? 1 : 0;
    }
    long[] nanos = new long[MEASURED];
    for (int i = 0; i < MEASURED; i++) {
      String m = messages.get(i % messages.size());
      long t = System.nanoTime();
      sink += nlu.understand(m, null).emergency() ? 1 : 0;
      nanos[i] = System.nanoTime() - t;
    }
    Arrays.sort(nanos);
    out.printf(
        "understanding one message (%d messages, %d warm iterations): median %.1f µs, p99 %.1f µs,"
            + " max %.1f µs%n",
        messages.size(),
        MEASURED,
        nanos[MEASURED / 2] / 1000.0,
        nanos[(int) (MEASURED * 0.99)] / 1000.0,
        nanos[MEASURED - 1] / 1000.0);
    out.printf("(%d alarms raised while measuring)%n", sink);
  }
}
