package org.beatline.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntentModelCacheTest {
  @TempDir Path cache;

  static List<Example> examples(String extra) {
    List<Example> out = new ArrayList<>();
    String[][] seeds = {
      {"greeting", "hello there"},
      {"greeting", "hi good morning"},
      {"greeting", "hola buenas"},
      {"concern", "there is a broken streetlight"},
      {"concern", "cars speeding on my street"},
      {"concern", "someone keeps dumping trash"},
      {"meetings", "when is the next meeting"},
      {"meetings", "community meeting dates"},
      {"meetings", "¿cuándo es la reunión?"},
    };
    for (int i = 0; i < 20; i++) {
      for (String[] s : seeds) {
        out.add(new Example("en", s[0], s[1] + (i % 2 == 0 ? "" : " please")));
      }
    }
    if (extra != null) {
      out.add(new Example("en", "greeting", extra));
    }
    return out;
  }

  static final List<String> PROBES =
      List.of("hello", "the streetlight is broken", "next meeting?", "reunión", "nothing known");

  static void assertSameScores(IntentModel a, IntentModel b) {
    for (String text : PROBES) {
      long[] f = Features.of(TextFolding.fold(text));
      IntentScores x = a.scores(f);
      IntentScores y = b.scores(f);
      assertThat(y.intents()).as(text).containsExactly(x.intents());
      assertThat(y.probabilities()).as(text).containsExactly(x.probabilities());
    }
  }

  @Test
  void aKeptModelIsReadBackAndScoresExactlyAsTheTrainedOne() throws Exception {
    IntentModel trained = IntentModel.train(examples(null), 1.5);
    IntentModel first = IntentModel.trainedOrKept(examples(null), 1.5, cache);
    try (var files = Files.list(cache)) {
      assertThat(files.filter(p -> p.toString().endsWith(".bin"))).hasSize(1);
    }
    IntentModel read = IntentModel.trainedOrKept(examples(null), 1.5, cache);
    assertSameScores(trained, first);
    assertSameScores(trained, read);
  }

  @Test
  void otherExamplesOrAnotherSharpnessAreNeverServedTheKeptModel() {
    assertThat(IntentModel.cacheKey(examples("hey"), 1.5))
        .isNotEqualTo(IntentModel.cacheKey(examples(null), 1.5))
        .isNotEqualTo(IntentModel.cacheKey(examples("hey"), 1.4));
    IntentModel.trainedOrKept(examples(null), 1.5, cache);
    IntentModel other = IntentModel.trainedOrKept(examples("hey"), 1.5, cache);
    assertSameScores(IntentModel.train(examples("hey"), 1.5), other);
  }

  @Test
  void aDamagedKeptModelIsTrainedAgainAndReplaced() throws Exception {
    IntentModel.trainedOrKept(examples(null), 1.5, cache);
    Path file;
    try (var files = Files.list(cache)) {
      file = files.filter(p -> p.toString().endsWith(".bin")).findFirst().orElseThrow();
    }
    Files.write(file, new byte[] {0, 7, 'b', 'r', 'o', 'k', 'e', 'n'});
    IntentModel again = IntentModel.trainedOrKept(examples(null), 1.5, cache);
    assertSameScores(IntentModel.train(examples(null), 1.5), again);
    assertThat(Files.size(file)).isGreaterThan(100);
  }

  @Test
  void aFolderThatCannotBeWrittenOnlyMeansTraining() throws Exception {
    Path notAFolder = Files.writeString(cache.resolve("file"), "x");
    IntentModel model = IntentModel.trainedOrKept(examples(null), 1.5, notAFolder);
    assertSameScores(IntentModel.train(examples(null), 1.5), model);
  }
}
