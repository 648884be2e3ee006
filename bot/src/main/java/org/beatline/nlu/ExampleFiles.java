package org.beatline.nlu;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads the training material under {@code conversations/}: one intents file per language, so that
 * adding a language is adding its files.
 */
final class ExampleFiles {
  // Read as trees rather than bound to records: binding costs a quarter of a second at startup.
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private ExampleFiles() {}

  /** Every {@code intents/<lang>.yaml} under {@code conversationsDir}, sorted by language. */
  static List<LanguageExamples> read(Path conversationsDir) {
    Path dir = conversationsDir.resolve("intents");
    List<LanguageExamples> all = new ArrayList<>();
    for (Path file : yamlFiles(dir)) {
      String lang = stem(file);
      JsonNode root = parse(file);
      String declared = root.path("language").asText(lang);
      if (!declared.equals(lang)) {
        throw new IllegalArgumentException(
            file.getFileName() + " declares language " + declared + ", expected " + lang);
      }
      JsonNode intents = root.path("intents");
      if (!intents.isObject() || intents.isEmpty()) {
        throw new IllegalArgumentException(file.getFileName() + " has no intents");
      }
      Map<String, List<String>> byIntent = new LinkedHashMap<>();
      intents
          .fields()
          .forEachRemaining(e -> byIntent.put(e.getKey(), strings(file, e.getKey(), e.getValue())));
      all.add(
          new LanguageExamples(
              lang, byIntent, strings(file, "emergency_lexicon", root.path("emergency_lexicon"))));
    }
    if (all.isEmpty()) {
      throw new IllegalArgumentException("no intent examples in " + dir);
    }
    return all;
  }

  /** The languages of {@code conversationsDir}, named by their intents files, sorted. */
  static List<String> languages(Path conversationsDir) {
    return yamlFiles(conversationsDir.resolve("intents")).stream().map(ExampleFiles::stem).toList();
  }

  /** The emergency cues of every language in {@code all}. */
  static Map<String, EmergencyCues> cues(Path conversationsDir, List<LanguageExamples> all) {
    Map<String, EmergencyCues> out = new HashMap<>();
    for (LanguageExamples l : all) {
      out.put(l.language(), new EmergencyCues(cues(conversationsDir, l.language())));
    }
    return out;
  }

  /** The cues file of {@code language} under {@code conversations/cues/}, or none. */
  static EmergencyCues.Lists cues(Path conversationsDir, String language) {
    Path file = conversationsDir.resolve("cues").resolve(language + ".yaml");
    if (!Files.isRegularFile(file)) {
      return new EmergencyCues.Lists(List.of(), List.of(), List.of());
    }
    JsonNode root = parse(file);
    return new EmergencyCues.Lists(
        strings(file, "danger", root.path("danger")),
        strings(file, "not_now", root.path("not_now")),
        strings(file, "now", root.path("now")));
  }

  /** Reads a held-out TSV with a header line and the columns lang, intent, text. */
  static List<Example> readTsv(Path file) {
    List<Example> out = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = r.readLine();
      if (header == null || !header.strip().startsWith("lang")) {
        throw new IllegalArgumentException(file + ": expected the header lang, intent, text");
      }
      String line;
      int n = 1;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        String[] cols = line.split("\t", 3);
        if (cols.length < 3) {
          throw new IllegalArgumentException(
              file + ":" + n + ": expected three tab-separated columns");
        }
        out.add(new Example(cols[0].strip(), cols[1].strip(), cols[2].strip()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return out;
  }

  private static JsonNode parse(Path file) {
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      JsonNode root = YAML.readTree(r);
      if (root == null || !root.isObject()) {
        throw new IllegalArgumentException(file.getFileName() + " is not a YAML mapping");
      }
      return root;
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** The list of texts under {@code key}; a missing key is an empty list. */
  private static List<String> strings(Path file, String key, JsonNode list) {
    if (list.isMissingNode() || list.isNull()) {
      return List.of();
    }
    if (!list.isArray()) {
      throw new IllegalArgumentException(file.getFileName() + ": " + key + " must be a list");
    }
    List<String> out = new ArrayList<>(list.size());
    for (JsonNode item : list) {
      if (!item.isValueNode()) {
        throw new IllegalArgumentException(
            file.getFileName() + ": " + key + " holds something other than text: " + item);
      }
      out.add(item.asText());
    }
    return out;
  }

  private static List<Path> yamlFiles(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("no intents folder: " + dir);
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  private static String stem(Path file) {
    String name = file.getFileName().toString();
    return name.substring(0, name.length() - ".yaml".length());
  }
}
