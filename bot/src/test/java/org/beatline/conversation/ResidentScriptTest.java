package org.beatline.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.beatline.message.Understood;
import org.beatline.nlu.Nlu;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every resident's script in {@code src/test/resources/residents/<lang>/}: messages written
 * the way residents text, understood by the real language understanding (unless a turn names an
 * intent), through the engine as the pipeline calls it, checked by what the journey came to. A
 * failure shows the transcript; {@code -Dtranscripts=true} prints every one.
 */
class ResidentScriptTest {
  static final Path SCRIPTS = Path.of("src/test/resources/residents");
  static final int PER_LANGUAGE = 20;
  private static final java.util.Set<String> FALSE_ALARMS =
      java.util.concurrent.ConcurrentHashMap.newKeySet();
  private static Nlu nlu;

  private static synchronized Nlu nlu() {
    if (nlu == null) {
      nlu = Nlu.train(org.beatline.config.Content.folder(null, "conversations"));
    }
    return nlu;
  }

  @TestFactory
  List<DynamicContainer> everyResidentsScript() throws Exception {
    List<DynamicContainer> out = new java.util.ArrayList<>();
    for (String lang : languages()) {
      List<DynamicTest> tests = new java.util.ArrayList<>();
      for (Path f : scripts(lang)) {
        tests.add(DynamicTest.dynamicTest(f.getFileName().toString(), () -> run(f, lang)));
      }
      out.add(DynamicContainer.dynamicContainer(lang, tests));
    }
    return out;
  }

  @Test
  void everyLanguageHasTwentyScripts() throws Exception {
    Map<String, Integer> counts = new TreeMap<>();
    for (String lang : Content.CONVERSATIONS.department().languages()) {
      counts.put(lang, Files.isDirectory(SCRIPTS.resolve(lang)) ? scripts(lang).size() : 0);
    }
    assertTrue(counts.values().stream().allMatch(n -> n >= PER_LANGUAGE), counts.toString());
  }

  @org.junit.jupiter.api.AfterAll
  static void falseAlarms() {
    if (!FALSE_ALARMS.isEmpty()) {
      System.out.println(
          "The safety net raised the alarm on "
              + FALSE_ALARMS.size()
              + " ordinary messages of residents' scripts:\n  "
              + String.join("\n  ", new java.util.TreeSet<>(FALSE_ALARMS)));
    }
  }

  private static List<String> languages() throws Exception {
    try (Stream<Path> dirs = Files.list(SCRIPTS)) {
      return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static List<Path> scripts(String lang) throws Exception {
    try (Stream<Path> s = Files.list(SCRIPTS.resolve(lang))) {
      return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  private static void run(Path file, String lang) throws Exception {
    StringBuilder transcript = new StringBuilder();
    try {
      run(file, lang, transcript);
      if (Boolean.getBoolean("transcripts")) {
        System.out.println(lang + "/" + file.getFileName() + transcript);
      }
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "\nTranscript:" + transcript, e);
    }
  }

  /** Runs one script, writing what was said and answered into {@code transcript}. */
  private static void run(Path file, String lang, StringBuilder transcript) throws Exception {
    Script script = Conversations.YAML.readValue(file.toFile(), Script.class);
    Engine engine = new Engine(Content.CONVERSATIONS);
    Facts facts = start(script.facts());
    Instant now = script.now() == null ? Instant.parse("2030-06-01T15:00:00Z") : script.now();
    Session session = null;
    Journey journey = new Journey();
    int n = 0;
    for (Script.Input in : script.turns()) {
      String where =
          lang + "/" + file.getFileName() + " message " + (n + 1) + " (" + in.send() + ")";
      if (in.after() != null) {
        now = now.plus(in.after());
      }
      Understood u = understood(in, facts);
      if (facts.language() == null) {
        // The pipeline stores a new contact's language before the engine sees the message.
        facts = withLanguage(facts, u.language());
      }
      String text = u.text().isEmpty() ? (in.send() == null ? "" : in.send()) : u.text();
      Step step =
          engine.handle(session, new Turn(text, in.choice(), u, script.buttons(), now, facts));
      if (in.alarm()) {
        assertTrue(u.emergency(), where + ": the safety net misses this danger");
      } else if (u.emergency()) {
        // The safety net's false alarms are its own to fix; the journey must survive them.
        FALSE_ALARMS.add(where);
      }
      transcript
          .append("\n  > ")
          .append(text)
          .append("  [")
          .append(u.intent())
          .append(String.format(" %.2f]", u.confidence()))
          .append(u.emergency() ? " ALARM" : "")
          .append("\n  < ")
          .append(step.replies().stream().map(Reply::key).toList())
          .append(step.effects().isEmpty() ? "" : " " + step.effects());
      if (u.emergency() && !step.is(Step.Outcome.ANSWERED)) {
        // After emergency guidance the pipeline keeps a turn only when it answered the question.
        n++;
        continue;
      }
      if (in.replies() != null) {
        assertEquals(in.replies(), step.replies().stream().map(Reply::key).toList(), where);
      }
      assertFalse(
          step.effects().stream().anyMatch(e -> e instanceof Effect.Problem),
          where + ": " + step.effects());
      journey.add(step.effects());
      session = Session.fromJson(step.session().toJson());
      facts = Edges.apply(facts, step.effects(), ++n, now);
    }
    if (script.outcome() != null) {
      journey.check(lang + "/" + file.getFileName(), script.outcome(), facts);
    }
  }

  private static Understood understood(Script.Input in, Facts facts) {
    String said = in.send() == null || in.send().isBlank() ? in.choice() : in.send();
    if (in.intent() == null) {
      return nlu().understand(said == null ? "" : said, facts.language());
    }
    String lang = in.language() != null ? in.language() : facts.language();
    double confidence = in.confidence() == null ? 0.9 : in.confidence();
    return new Understood(
        said, lang == null ? "en" : lang, 0.9, in.intent(), confidence, List.of(), in.alarm());
  }

  /** A new contact when the script names no language; otherwise one we know. */
  private static Facts start(Map<String, Object> given) {
    Map<String, Object> base = new java.util.LinkedHashMap<>();
    base.put("first_message", given == null || !given.containsKey("language"));
    base.put("new_reference", "RIV-1000");
    base.put("meetings", seedMeetings());
    if (given != null) {
      base.putAll(given);
    }
    return Conversations.YAML.convertValue(base, Facts.class);
  }

  /** The department's seed meetings, as the edges load them, unless a script gives its own. */
  private static List<Map<String, Object>> seedMeetings() {
    Object seeds = Content.CONVERSATIONS.department().fact("seed_meetings");
    List<Map<String, Object>> out = new java.util.ArrayList<>();
    if (seeds instanceof List<?> l) {
      for (Object o : l) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        ((Map<?, ?>) o).forEach((k, v) -> m.put(String.valueOf(k), v));
        m.put("ics", "https://police.riverton.example/meetings/" + m.get("id") + ".ics");
        out.add(m);
      }
    }
    return out;
  }

  private static Facts withLanguage(Facts f, String language) {
    return new Facts(
        language,
        f.firstMessage(),
        f.neighbourhood(),
        f.subscriptions(),
        f.meetings(),
        f.concerns(),
        f.handoffs(),
        f.surveyInvitation(),
        f.newReference());
  }
}
