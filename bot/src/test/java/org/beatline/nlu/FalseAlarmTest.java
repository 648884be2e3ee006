package org.beatline.nlu;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.beatline.config.Content;
import org.beatline.conversation.Conversations;
import org.beatline.conversation.Department;
import org.beatline.conversation.Neighbourhood;
import org.beatline.i18n.Catalogue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The safety net raises no alarm on what residents type for ordinary reasons, in every language,
 * and still on every danger: messages generated from the content (every keyword and answer word of
 * the catalogues but the HELP words, every short catalogue string that does not quote 911, every
 * neighbourhood name, alias and ZIP code) and messages written fresh, after the model was last
 * tuned ({@code src/test/resources/nlu/fresh/<lang>.yaml}: questions about meetings, parking and
 * noise, greetings, one-word and number answers, addresses, and emergencies), with the department's
 * neighbourhoods and streets filled in.
 */
class FalseAlarmTest {
  /** The longest catalogue string checked: option labels, questions and menu entries. */
  static final int SHORT = 40;

  /** The emergency precision on fresh messages every language must reach, at full recall. */
  static final double PRECISION = 0.95;

  static final List<String> STREETS = List.of("Oak Street", "Main St", "Mill Road", "Elm Ave");
  private static final Catalogue CATALOGUE =
      Catalogue.load(Content.folder(null, "translations"), "en", "America/Chicago");
  private static final Department DEPARTMENT =
      Conversations.load(TrainedNlu.conversations(), CATALOGUE).department();
  private static final Map<String, String> FIGURES = new TreeMap<>();

  @ParameterizedTest
  @ValueSource(strings = {"ar", "en", "es", "my", "so", "vi", "zh", "zh-Hant"})
  void noOrdinaryMessageRaisesTheAlarmAndEveryDangerDoes(String language) {
    Fresh fresh = fresh(language);
    List<String> falseAlarms = new ArrayList<>();
    int ordinary = 0;
    for (String text : ordinary(language, fresh)) {
      ordinary++;
      if (TrainedNlu.get().understand(text, language).emergency()) {
        falseAlarms.add(text + " [" + TrainedNlu.get().why(text) + "]");
      }
    }
    List<String> missed = new ArrayList<>();
    List<String> emergencies = filled(fresh.emergency(), language);
    for (String text : emergencies) {
      if (!TrainedNlu.get().understand(text, language).emergency()) {
        missed.add(text + " [" + TrainedNlu.get().why(text) + "]");
      }
    }
    int caught = emergencies.size() - missed.size();
    double precision = caught / (double) Math.max(1, caught + falseAlarms.size());
    FIGURES.put(
        language,
        String.format(
            "%d ordinary, %d false alarms (%.2f%%); %d/%d emergencies caught, precision %.1f%%",
            ordinary,
            falseAlarms.size(),
            100.0 * falseAlarms.size() / ordinary,
            caught,
            emergencies.size(),
            100 * precision));
    assertTrue(
        falseAlarms.isEmpty(),
        () -> language + " false alarms:\n  " + String.join("\n  ", falseAlarms));
    assertTrue(
        missed.isEmpty(), () -> language + " missed dangers:\n  " + String.join("\n  ", missed));
    assertTrue(precision >= PRECISION, () -> language + " precision " + precision);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ar", "en", "es", "my", "so", "vi", "zh", "zh-Hant"})
  void noFreshMessageIsATrainingExample(String language) {
    Set<String> training = new java.util.HashSet<>();
    ExampleFiles.read(TrainedNlu.conversations())
        .forEach(l -> l.examples().forEach(e -> training.add(TextFolding.fold(e.text()).strip())));
    Fresh fresh = fresh(language);
    List<String> all = new ArrayList<>(filled(fresh.ordinary(), language));
    all.addAll(filled(fresh.emergency(), language));
    // A greeting, a yes or a number is bound to be an example too; a sentence must not be.
    List<String> leaked =
        all.stream()
            .map(t -> TextFolding.fold(t).strip())
            .filter(t -> t.length() > 12 && training.contains(t))
            .toList();
    assertTrue(leaked.isEmpty(), () -> language + " fresh messages also trained on: " + leaked);
  }

  @AfterAll
  static void printFigures() {
    StringBuilder out = new StringBuilder("Safety net on generated and fresh messages:\n");
    FIGURES.forEach(
        (lang, line) -> out.append("  ").append(lang).append(": ").append(line).append('\n'));
    System.out.print(out);
  }

  /** What residents of {@code language} type for ordinary reasons, from the content and fresh. */
  static Set<String> ordinary(String language, Fresh fresh) {
    Set<String> texts = new LinkedHashSet<>();
    for (var e : CATALOGUE.entries(language).entrySet()) {
      String key = e.getKey();
      if (e.getValue() instanceof List<?> words) {
        // The HELP words may rightly alarm ("ayúdame", "求助"): a cry for help is answered first.
        if (!key.equals("keywords.help")) {
          words.forEach(w -> texts.add(String.valueOf(w)));
        }
      } else if (e.getValue() instanceof String s
          && s.length() <= SHORT
          && !s.contains("{")
          && !s.contains("911")
          // The label of the emergency itself names danger; the bot never offers it.
          && !key.equals("intent.emergency")) {
        texts.add(s);
      }
    }
    for (Neighbourhood n : DEPARTMENT.neighbourhoods()) {
      texts.addAll(n.names().values());
      texts.addAll(n.aliases());
      texts.addAll(n.zips());
    }
    texts.addAll(filled(fresh.ordinary(), language));
    return texts;
  }

  /** Each message with every neighbourhood's name in {@code language}, a street, number, ZIP. */
  static List<String> filled(List<String> templates, String language) {
    List<String> out = new ArrayList<>();
    int i = 0;
    for (String t : templates) {
      for (Neighbourhood n : DEPARTMENT.neighbourhoods()) {
        String street = STREETS.get(i++ % STREETS.size());
        String text =
            t.replace("{hood}", n.name(language, DEPARTMENT.defaultLanguage()))
                .replace("{street}", street)
                .replace("{n}", String.valueOf(100 + 37 * i))
                .replace("{zip}", n.zips().get(0));
        if (!out.contains(text)) {
          out.add(text);
        }
      }
    }
    return out;
  }

  static Fresh fresh(String language) {
    Path file =
        TrainedNlu.conversations()
            .getParent()
            .resolve("bot/src/test/resources/nlu/fresh/" + language + ".yaml");
    try {
      return new ObjectMapper(new YAMLFactory()).readValue(file.toFile(), Fresh.class);
    } catch (IOException e) {
      throw new UncheckedIOException(file.getFileName().toString(), e);
    }
  }

  /** One language's fresh messages: ordinary ones, and emergencies. */
  record Fresh(List<String> ordinary, List<String> emergency) {}
}
