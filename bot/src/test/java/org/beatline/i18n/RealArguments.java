package org.beatline.i18n;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.beatline.config.DepartmentFile;

/**
 * The arguments the running service passes to each message, filled with the department's own facts:
 * the facts every gate message quotes, then what the flows pass to that key, then realistic values
 * for what only exists at run time (a reference, a meeting, a resident's name). Where a value
 * depends on the neighbourhood, the longest name in the language is taken, so that a budget holds
 * for every resident.
 */
final class RealArguments {
  static final String RESIDENT_NAME = "Maria Guadalupe";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final Map<String, Object> department;
  private final Map<String, Object> replyArgs;
  private final Map<String, Map<String, Object>> flowArgs = new HashMap<>();

  private RealArguments(Path conversations) {
    this.department = read(conversations.resolve("department.yaml"));
    this.replyArgs = DepartmentFile.read(conversations).replyArgs();
    for (String folder : List.of("flows", "surveys")) {
      try (Stream<Path> files = Files.list(conversations.resolve(folder))) {
        files.sorted().forEach(f -> collect(read(f)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  static RealArguments of(Path conversations) {
    return new RealArguments(conversations);
  }

  /** The arguments of {@code key} as a resident writing in {@code language} gets them. */
  Map<String, Object> of(String key, String language) {
    Map<String, Object> args = new HashMap<>(runTime(language));
    args.putAll(replyArgs);
    flowArgs.getOrDefault(key, Map.of()).forEach((k, v) -> args.put(k, resolve(v, language)));
    return args;
  }

  /** Every {@code key} with {@code args} written in a flow, wherever it is said. */
  @SuppressWarnings("unchecked")
  private void collect(Object node) {
    if (node instanceof Map<?, ?> m) {
      if (m.get("key") instanceof String key && m.get("args") instanceof Map<?, ?> args) {
        flowArgs.computeIfAbsent(key, k -> new HashMap<>()).putAll((Map<String, Object>) args);
      }
      m.values().forEach(this::collect);
    } else if (node instanceof List<?> l) {
      l.forEach(this::collect);
    }
  }

  private Object resolve(Object expression, String language) {
    if (!(expression instanceof String s) || !s.startsWith("$")) {
      return expression;
    }
    if (s.startsWith("$dept.")) {
      return fact(s.substring(6), language);
    }
    if (s.startsWith("$nb.")) {
      return switch (s.substring(s.lastIndexOf('.') + 1)) {
        case "name" -> longest(neighbourhoodNames(language));
        case "officer" -> longest(liaisons().map(l -> String.valueOf(l.get("officer"))).toList());
        case "days" ->
            liaisons().mapToInt(l -> (Integer) l.get("answer_working_days")).max().orElseThrow();
        default -> throw new IllegalStateException("no realistic value for " + s);
      };
    }
    return switch (s) {
      case "$hoods" -> String.join(", ", neighbourhoodNames(language));
      case "$reference" -> reference();
      case "$var.name" -> RESIDENT_NAME;
      case "$var.what" -> "Cars race down Oak Street every night and nearly hit a child.";
      case "$var.contact" -> "text";
      default -> throw new IllegalStateException("no realistic value for " + s);
    };
  }

  /** What code passes at run time: meeting and concern listings, numbered options. */
  @SuppressWarnings("unchecked")
  private Map<String, Object> runTime(String language) {
    Map<String, Object> meeting =
        ((List<Map<String, Object>>) department.get("seed_meetings")).get(0);
    Map<String, String> titles = (Map<String, String>) meeting.get("titles");
    Date start = Date.from(Instant.parse(String.valueOf(meeting.get("start"))));
    String hood = longest(neighbourhoodNames(language));
    Map<String, Object> args = new HashMap<>();
    args.put("title", titles.getOrDefault(language, titles.get("en")));
    args.put("start", start);
    args.put("place", meeting.get("place"));
    args.put("ics", "https://beatline.riverton.example/meetings/" + meeting.get("id") + ".ics");
    args.put("reference", reference());
    args.put("status", "no_follow_up");
    args.put("created", start);
    args.put("neighbourhood", hood);
    args.put("n", 7);
    args.put("label", hood);
    args.put("name", hood);
    // Concerns worked by officers: what an officer and a resident typically write.
    args.put("officer", longest(liaisons().map(l -> String.valueOf(l.get("officer"))).toList()));
    args.put("text", "We will add patrols on Oak Street this week.");
    args.put("note", "Patrols were added on weeknights.");
    args.put("reason", "The address given could not be found.");
    args.put("words", "Cars race on my street every night near the school.");
    args.put("where", "Oak Street by the library");
    // STATUS: the start of what the officer last wrote and of a question handed to a person, as
    // long as the service keeps them.
    args.put("replied", start);
    args.put("reply", "We will add patrols on Oak Street this week and...");
    args.put("asked", start);
    args.put("question", "Can I get a copy of the bodycam video from my...");
    args.put("answered", "no");
    args.put("category", "concern.report");
    args.put("language", "Español");
    args.put("minutes", 12);
    args.put("hours", 48);
    args.put("number", "1001");
    args.put("state", "new");
    args.put("cases", reference() + " (new, eastside); RIV-1002 (acknowledged, westside)");
    args.put("intake", fact("complaints.intake", language));
    // Meeting broadcasts.
    args.put("kind", "meeting");
    args.put("note", "");
    args.put(
        "summary",
        "Residents asked for more patrols near the school; the next meeting is in July.");
    args.put("link", "https://police.riverton.example/meetings/minutes");
    args.put("website", fact("complaints.website", language));
    return args;
  }

  private String reference() {
    return department.get("concern_reference_prefix") + "-1001";
  }

  /** A fact in {@code language}; one written per language falls back to English. */
  private Object fact(String path, String language) {
    Object at = department;
    for (String part : path.split("\\.")) {
      at = at instanceof Map<?, ?> m ? m.get(part) : null;
    }
    if (at instanceof Map<?, ?> names && names.containsKey("en")) {
      at = names.get(language) != null ? names.get(language) : names.get("en");
    }
    if (at == null) {
      throw new IllegalStateException("department.yaml has no " + path);
    }
    return at;
  }

  @SuppressWarnings("unchecked")
  private List<String> neighbourhoodNames(String language) {
    return ((List<Map<String, Object>>) department.get("neighbourhoods"))
        .stream()
            .map(n -> (Map<String, String>) n.get("names"))
            .map(names -> names.getOrDefault(language, names.get("en")))
            .collect(Collectors.toList());
  }

  @SuppressWarnings("unchecked")
  private Stream<Map<String, Object>> liaisons() {
    return ((List<Map<String, Object>>) department.get("neighbourhoods"))
        .stream().map(n -> (Map<String, Object>) n.get("liaison"));
  }

  private static String longest(List<String> values) {
    return values.stream().max(Comparator.comparingInt(String::length)).orElseThrow();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> read(Path file) {
    try (var in = Files.newInputStream(file)) {
      return YAML.readValue(in, Map.class);
    } catch (IOException e) {
      throw new UncheckedIOException(file.getFileName() + ": " + e.getMessage(), e);
    }
  }
}
