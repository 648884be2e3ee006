package org.beatline.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.beatline.message.Understood;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every flow script in {@code src/test/resources/flows/}, storing and reading back the session
 * as JSON between messages as the edges do, and checks that every flow has a script.
 */
class FlowRunnerTest {
  static final Path SCRIPTS = Path.of("src/test/resources/flows");
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .setPropertyNamingStrategy(
              com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE);

  @TestFactory
  Stream<DynamicTest> everyScriptRuns() throws Exception {
    List<Path> files;
    try (Stream<Path> s = Files.list(SCRIPTS)) {
      files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    return files.stream()
        .map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> run(f)));
  }

  @Test
  void everyFlowHasAScript() throws Exception {
    Set<String> scripted = new TreeSet<>();
    try (Stream<Path> s = Files.list(SCRIPTS)) {
      s.map(p -> p.getFileName().toString().replaceAll("\\.[^.]+\\.yaml$", ""))
          .forEach(scripted::add);
    }
    Set<String> missing = new TreeSet<>(Content.CONVERSATIONS.flowIds());
    missing.removeAll(scripted);
    assertTrue(missing.isEmpty(), "flows without a script: " + missing);
  }

  private void run(Path file) throws Exception {
    Script script = Conversations.YAML.readValue(file.toFile(), Script.class);
    Engine engine = new Engine(Content.CONVERSATIONS);
    Facts facts = facts(script.facts());
    Instant now = script.now() == null ? Instant.parse("2030-06-01T15:00:00Z") : script.now();
    Session session = null;
    int n = 0;
    for (Script.Input in : script.turns()) {
      String where = file.getFileName() + " message " + (n + 1) + " (" + in.send() + ")";
      if (in.after() != null) {
        now = now.plus(in.after());
      }
      if (in.facts() != null) {
        Map<String, Object> merged = new LinkedHashMap<>(JSON.convertValue(facts, Map.class));
        merged.putAll(in.facts());
        facts = facts(merged);
      }
      Step step =
          engine.handle(
              session,
              new Turn(
                  in.send(), in.choice(), understood(in, facts), script.buttons(), now, facts));
      checkReplies(where, in, step, facts);
      checkEffects(where, in, step);
      String json = step.session().toJson();
      session = Session.fromJson(json);
      assertEquals(step.session(), session, where + ": session survives JSON");
      facts = Edges.apply(facts, step.effects(), ++n, now);
    }
  }

  private static Facts facts(Map<String, Object> given) {
    Map<String, Object> base = new LinkedHashMap<>();
    base.put("language", "en");
    base.put("first_message", false);
    base.put("new_reference", "RIV-1000");
    if (given != null) {
      given.forEach((k, v) -> base.put(k.replaceAll("([A-Z])", "_$1").toLowerCase(), v));
    }
    return Conversations.YAML.convertValue(base, Facts.class);
  }

  private static Understood understood(Script.Input in, Facts facts) {
    List<Understood.Alternative> alternatives = new ArrayList<>();
    if (in.alternatives() != null) {
      for (Map<String, Object> a : in.alternatives()) {
        alternatives.add(
            new Understood.Alternative(
                (String) a.get("intent"), ((Number) a.get("confidence")).doubleValue()));
      }
    }
    String lang =
        in.language() != null ? in.language() : facts.language() == null ? "en" : facts.language();
    return new Understood(
        in.send(),
        lang,
        in.languageConfidence() == null ? 0.5 : in.languageConfidence(),
        in.intent(),
        in.confidence() == null ? (in.intent() == null ? 0 : 0.9) : in.confidence(),
        alternatives,
        "emergency".equals(in.intent()));
  }

  private static void checkReplies(String where, Script.Input in, Step step, Facts facts) {
    List<String> keys = step.replies().stream().map(Reply::key).toList();
    List<Object> expected = in.replies() == null ? List.of() : in.replies();
    List<String> expectedKeys =
        expected.stream()
            .map(e -> e instanceof Map<?, ?> m ? (String) m.get("key") : (String) e)
            .toList();
    assertEquals(expectedKeys, keys, where + ": reply keys");
    for (int i = 0; i < keys.size(); i++) {
      Reply reply = step.replies().get(i);
      String lang = facts.language() == null ? "en" : facts.language();
      String text = Replies.render(Content.RENDERER, reply, lang, false).text();
      assertFalse(text.matches("(?s).*\\{[a-z_]+}.*"), where + ": unresolved argument in " + text);
      if (expected.get(i) instanceof Map<?, ?> m) {
        if (m.get("args") instanceof Map<?, ?> args) {
          args.forEach(
              (k, v) ->
                  assertEquals(
                      String.valueOf(v),
                      String.valueOf(reply.args().get(k)),
                      where + ": argument " + k + " of " + reply.key()));
        }
        if (m.get("text") != null) {
          assertTrue(
              text.contains((String) m.get("text")),
              where + ": '" + text + "' lacks '" + m.get("text") + "'");
        }
        if (m.get("language") != null) {
          assertEquals(m.get("language"), reply.language(), where + ": language of " + reply.key());
        }
        if (m.get("options") != null) {
          assertEquals(
              m.get("options"),
              reply.options().stream().map(Reply.Option::value).toList(),
              where + ": options of " + reply.key());
        }
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static void checkEffects(String where, Script.Input in, Step step) {
    List<Map<String, Object>> expected = in.effects() == null ? List.of() : in.effects();
    List<Map<String, Object>> actual = new ArrayList<>();
    for (Effect e : step.effects()) {
      actual.add(JSON.convertValue(e, Map.class));
    }
    if (expected.size() != actual.size()) {
      fail(where + ": expected effects " + expected + " but got " + actual);
    }
    for (int i = 0; i < expected.size(); i++) {
      Map<String, Object> got = actual.get(i);
      expected
          .get(i)
          .forEach(
              (k, v) ->
                  assertEquals(
                      String.valueOf(v), String.valueOf(got.get(k)), where + ": effect " + got));
    }
  }
}
