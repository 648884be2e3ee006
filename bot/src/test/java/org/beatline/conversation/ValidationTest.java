package org.beatline.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broken flow fails at load with the file named; a runaway flow is stopped by the loop guard. */
class ValidationTest {
  @TempDir Path dir;

  private Path copyOfConversations() throws IOException {
    Path source = org.beatline.config.Content.folder(null, "conversations");
    try (Stream<Path> files = Files.walk(source)) {
      for (Path f : files.toList()) {
        Path target = dir.resolve(source.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    }
    return dir;
  }

  private String loadFails(String file, String yaml) throws IOException {
    Path conversations = copyOfConversations();
    Files.writeString(conversations.resolve(file), yaml);
    return assertThrows(
            ConversationException.class, () -> Conversations.load(conversations, Content.CATALOGUE))
        .getMessage();
  }

  @Test
  void anUnknownTranslationKeyNamesTheFileAndStep() throws IOException {
    String message = loadFails("flows/broken.yaml", "steps:\n  hi:\n    say: [meetings.nxt]\n");
    assertTrue(
        message.contains("flows/broken.yaml: step 'hi': unknown translation key 'meetings.nxt'"),
        message);
  }

  @Test
  void aSurveyVariantThatAsksASharedQuestionAsAnotherKindIsRefused() throws IOException {
    // "explained" is yes or no in the survey; as a scale in one variant its answers would not add
    // up.
    String message =
        loadFails(
            "surveys/after_contact.yaml",
            Files.readString(
                    org.beatline.config.Content.folder(null, "conversations")
                        .resolve("surveys/after_contact.yaml"))
                .replace(
                    "      - id: explained\n        ask: survey.after_contact.citation.q.explained",
                    "      - id: explained\n        type: scale\n"
                        + "        ask: survey.after_contact.citation.q.explained"));
    assertTrue(
        message.contains(
            "surveys/after_contact.yaml: question 'explained' of variant citation is not the same"
                + " kind of question"),
        message);
  }

  @Test
  void aSurveyVariantsUnknownKeyNamesTheFileAndTheVariant() throws IOException {
    String unknown =
        loadFails(
            "surveys/after_contact.yaml",
            Files.readString(
                    org.beatline.config.Content.folder(null, "conversations")
                        .resolve("surveys/after_contact.yaml"))
                .replace(
                    "survey.after_contact.crash.q.explained", "survey.after_contact.crash.q.nope"));
    assertTrue(
        unknown.contains(
            "surveys/after_contact.yaml, variant crash: step 'q_explained': unknown translation key"
                + " 'survey.after_contact.crash.q.nope'"),
        unknown);
  }

  @Test
  void anUnknownFlowOrStepIsReported() throws IOException {
    String message =
        loadFails(
            "flows/broken.yaml",
            "steps:\n  a:\n    enter: nowhere\n    next:\n      - go: b\n      - jump: elsewhere\n");
    assertTrue(message.contains("unknown flow 'nowhere'"), message);
    assertTrue(message.contains("goes to unknown step 'b'"), message);
    assertTrue(message.contains("unknown flow 'elsewhere'"), message);
  }

  @Test
  void aSurveyWithAMissingKeyIsReported() throws IOException {
    String message =
        loadFails(
            "surveys/broken.yaml",
            "title: survey.community.title\nintro: survey.nope\nthanks: survey.community.thanks\n");
    assertTrue(
        message.contains("surveys/broken.yaml: step 'intro': unknown translation key"), message);
  }

  @Test
  void aDepartmentLanguageWithoutACatalogueIsReported() throws IOException {
    Path conversations = copyOfConversations();
    Path department = conversations.resolve("department.yaml");
    Files.writeString(
        department, Files.readString(department).replace("zh-Hant, ar,", "zh-Hant, yue-Hant, ar,"));
    String message =
        assertThrows(
                ConversationException.class,
                () -> Conversations.load(conversations, Content.CATALOGUE))
            .getMessage();
    assertTrue(
        message.contains("department.yaml: language 'yue-Hant' has no translations/yue-Hant.yaml"),
        message);
  }

  @Test
  void aMissingDepartmentFactIsReported() throws IOException {
    String message =
        loadFails(
            "flows/broken.yaml",
            "steps:\n  a:\n    say:\n      - key: help\n        args: {department: $dept.nope}\n");
    assertTrue(message.contains("department.yaml has no nope"), message);
  }

  @Test
  void theLoopGuardStopsARunawayFlow() throws IOException {
    Path conversations = copyOfConversations();
    Files.writeString(
        conversations.resolve("flows/loop.yaml"),
        "triggers:\n  intents: [test.*]\nsteps:\n  a:\n    say: [options.prompt]\n"
            + "    next: [{go: b}]\n  b:\n    next: [{go: a}]\n");
    Engine engine = new Engine(Conversations.load(conversations, Content.CATALOGUE));
    Step step = engine.handle(null, Scripts.turn("loop", "test.loop", "en"));
    assertEquals("error.loop", step.replies().get(step.replies().size() - 1).key());
    assertTrue(step.effects().stream().anyMatch(e -> e instanceof Effect.Problem));
    assertTrue(step.session().stack().isEmpty());
    assertEquals(List.of(), step.session().stack());
    assertEquals(Map.of(), Map.copyOf(step.session().vars()));
  }
}
