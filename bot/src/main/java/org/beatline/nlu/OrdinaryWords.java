package org.beatline.nlu;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What residents type because the bot asked for it, which is never danger on its own: the answer
 * and keyword lists and the short strings (option labels, questions, menu entries) of every
 * catalogue, and the neighbourhoods' names, aliases and ZIP codes. A cry for help is the exception:
 * the HELP words stay able to alarm ("ayúdame", "求助"), and so does a string that quotes 911. Taken
 * from the content, so that a new answer word or neighbourhood needs no change here.
 */
final class OrdinaryWords {
  /** The longest catalogue string taken as an answer a resident may type back. */
  static final int SHORT = 40;

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final Set<String> whole;
  private final List<String> places;

  OrdinaryWords(Set<String> whole, List<String> places) {
    this.whole = Set.copyOf(whole);
    // Longest first, so that "east side" is masked before "east" could be.
    this.places =
        places.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
  }

  static OrdinaryWords none() {
    return new OrdinaryWords(Set.of(), List.of());
  }

  /** Whether the whole message, folded, is an ordinary word or string. */
  boolean isOrdinary(String folded) {
    return whole.contains(folded.strip());
  }

  /** Whether {@code folded} is a neighbourhood's name or alias. */
  boolean isPlace(String folded) {
    return places.contains(folded.strip());
  }

  /**
   * The message with the neighbourhoods' names taken out, or null when it names none: "I live in
   * Northgate" must not alarm because the name holds "gate", as a Burmese one holds "door".
   */
  String withoutPlaces(String folded) {
    String out = " " + folded + " ";
    boolean found = false;
    for (String p : places) {
      String padded = " " + p + " ";
      if (out.contains(padded)) {
        out = out.replace(padded, " ");
        found = true;
      } else if (!p.contains(" ") && p.codePoints().anyMatch(OrdinaryWords::unspaced)) {
        // Scripts written without spaces between words: the name inside the text.
        if (out.contains(p)) {
          out = out.replace(p, " ");
          found = true;
        }
      }
    }
    return found ? out.strip() : null;
  }

  private static boolean unspaced(int cp) {
    Character.UnicodeScript s = Character.UnicodeScript.of(cp);
    return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.MYANMAR;
  }

  /**
   * Reads the catalogues in {@code translationsDir} (none when it is null or missing) and the
   * neighbourhoods of {@code conversationsDir/department.yaml}.
   */
  static OrdinaryWords read(Path conversationsDir, Path translationsDir) {
    Set<String> whole = new HashSet<>();
    List<String> places = new ArrayList<>();
    if (translationsDir != null && Files.isDirectory(translationsDir)) {
      try (Stream<Path> files = Files.list(translationsDir)) {
        files
            .filter(f -> f.getFileName().toString().endsWith(".yaml"))
            .sorted()
            .forEach(f -> catalogue(parse(f), whole));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list " + translationsDir.getFileName(), e);
      }
    }
    Path profile = conversationsDir.resolve("department.yaml");
    if (Files.isRegularFile(profile)) {
      for (JsonNode n : parse(profile).path("neighbourhoods")) {
        n.path("names").forEach(name -> place(name.asText(), whole, places));
        n.path("aliases").forEach(alias -> place(alias.asText(), whole, places));
        n.path("zips").forEach(zip -> whole.add(TextFolding.fold(zip.asText()).strip()));
      }
    }
    return new OrdinaryWords(whole, places);
  }

  private static void catalogue(JsonNode root, Set<String> whole) {
    root.fields()
        .forEachRemaining(
            e -> {
              String key = e.getKey();
              JsonNode v = e.getValue();
              if (v.isArray() && !key.equals("keywords.help")) {
                v.forEach(w -> add(w.asText(), whole));
              } else if (v.isTextual()
                  && v.asText().length() <= SHORT
                  && !v.asText().contains("911")
                  && !v.asText().contains("{")
                  // The label of the emergency itself names danger; it is never offered.
                  && !key.equals("intent.emergency")) {
                add(v.asText(), whole);
              }
            });
  }

  private static void place(String name, Set<String> whole, List<String> places) {
    String folded = TextFolding.fold(name).strip();
    if (!folded.isEmpty()) {
      whole.add(folded);
      places.add(folded);
    }
  }

  private static void add(String text, Set<String> whole) {
    String folded = TextFolding.fold(text).strip();
    if (!folded.isEmpty()) {
      whole.add(folded);
    }
  }

  private static JsonNode parse(Path file) {
    // A stream, not a file: the content may be inside the service's jar.
    try (var in = Files.newInputStream(file)) {
      return YAML.readTree(in);
    } catch (IOException e) {
      throw new IllegalArgumentException(file.getFileName() + ": " + e.getMessage(), e);
    }
  }
}
