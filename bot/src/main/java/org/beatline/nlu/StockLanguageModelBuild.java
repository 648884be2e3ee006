package org.beatline.nlu;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Build step, run by Maven before the tests and the jar: restricts OpenNLP's stock language model
 * to the languages of a conversations folder and writes the weights where {@link
 * StockLanguageModel} finds them on the classpath.
 *
 * <p>Arguments: the conversations folder, and the file to write.
 */
public final class StockLanguageModelBuild {
  private StockLanguageModelBuild() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("arguments: CONVERSATIONS_DIR OUTPUT_FILE");
    }
    StockLanguageModel.writeRestricted(Path.of(args[0]), Path.of(args[1]));
  }
}
