package org.beatline.nlu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code nlu} command line: JSON for the pipeline's eyes, reports for people's. */
class NluCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

  private int run(String stdin, String... args) {
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    return NluCommand.run(
        args,
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        out,
        TrainedNlu.conversations(),
        TrainedNlu::get);
  }

  private String output() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void parsePrintsOneJsonObject() throws IOException {
    assertEquals(0, run("", "parse", "when is the next community meeting"));
    JsonNode o = JSON.readTree(output());
    assertEquals("en", o.get("language").asText());
    assertEquals("meetings.next", o.get("intent").asText());
    assertTrue(o.get("confidence").asDouble() > 0.5);
    assertEquals(3, o.get("alternatives").size());
    assertTrue(o.get("alternatives").get(0).has("intent"));
    assertTrue(o.get("alternatives").get(0).has("confidence"));
    assertEquals(false, o.get("emergency").asBoolean());
  }

  @Test
  void parseWithoutTextReadsOneMessagePerLine() throws IOException {
    assertEquals(0, run("hola\nsomeone is breaking into my house\n", "parse"));
    String[] lines = output().strip().split("\n");
    assertEquals(2, lines.length);
    assertEquals("es", JSON.readTree(lines[0]).get("language").asText());
    assertTrue(JSON.readTree(lines[1]).get("emergency").asBoolean());
  }

  @Test
  void evaluatePrintsAccuracyPerLanguageAndIntentAndEmergencyFigures(@TempDir Path dir)
      throws IOException {
    Path tsv = dir.resolve("few.tsv");
    Files.writeString(
        tsv,
        "lang\tintent\ttext\nen\tgreeting\thi there\nen\temergency\the has a gun\n"
            + "es\tthanks\tmuchas gracias\n");
    assertEquals(0, run("", "evaluate", tsv.toString()));
    String report = output();
    assertTrue(report.contains("intent accuracy per language"), report);
    assertTrue(report.contains("intent accuracy per intent"), report);
    assertTrue(report.contains("language detection"), report);
    assertTrue(report.contains("emergency recall"), report);
  }

  @Test
  void misuseIsExplainedWithExitCodeTwo() {
    assertEquals(2, run(""));
    assertEquals(2, run("", "translate"));
    assertEquals(2, run("", "evaluate", "/no/such/file.tsv"));
    assertEquals(2, run("", "crossval", "one"));
    assertEquals(2, run("", "crossval", "5", "0"));
    assertTrue(output().contains("usage: nlu parse"));
  }
}
