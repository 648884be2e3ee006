package org.beatline.conversation;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * A flow file of any content (broken YAML, alias bombs, deep nesting, wrong types, unknown keys,
 * steps that lead nowhere) is either loaded or refused with a {@link ConversationException} that
 * names the file; never another exception, a hang or a blown stack. The real folder is copied once
 * and the fuzzed file added beside the real flows. Runs the inputs under {@code
 * src/test/resources/org/beatline/conversation/FlowYamlFuzzTestInputs/} in the normal build; fuzzes
 * with {@code JAZZER_FUZZ=1}.
 */
class FlowYamlFuzzTest {
  static Path folder;
  static Department department;

  @BeforeAll
  static void copy() throws IOException {
    Path source = org.beatline.config.Content.folder(null, "conversations");
    folder = Files.createTempDirectory("flows-fuzz");
    try (Stream<Path> files = Files.walk(source)) {
      for (Path p : files.toList()) {
        Path target = folder.resolve(source.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    department = Conversations.readDepartment(folder);
  }

  @AfterAll
  static void remove() throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(FlowYamlFuzzTest::delete);
    }
  }

  private static void delete(Path p) {
    try {
      Files.delete(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @FuzzTest(maxDuration = "10m")
  void anyFlowFile(byte[] yaml) throws IOException {
    Files.write(folder.resolve("flows/zz_fuzzed.yaml"), yaml);
    try {
      Conversations.load(folder, Content.CATALOGUE, department);
    } catch (ConversationException e) {
      // a clean refusal
    }
  }
}
