package org.beatline.nlu;

import java.nio.file.Path;
import java.util.List;
import org.beatline.config.Content;

/** The shipped content and one Nlu trained on it, shared by the test classes of a run. */
final class TrainedNlu {
  static final List<String> LANGUAGES =
      List.of("ar", "en", "es", "my", "so", "vi", "zh", "zh-Hant");

  private static Nlu nlu;

  private TrainedNlu() {}

  static Path conversations() {
    return Content.folder(null, "conversations");
  }

  static synchronized Nlu get() {
    if (nlu == null) {
      nlu = Nlu.train(conversations());
    }
    return nlu;
  }

  /** The held-out examples of {@code language}. */
  static List<Example> eval(String language) {
    return ExampleFiles.readTsv(
        conversations()
            .getParent()
            .resolve("bot/src/test/resources/nlu/eval/" + language + ".tsv"));
  }
}
