package org.beatline.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.beatline.config.Content;
import org.beatline.i18n.Catalogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * STOP and HELP work in every state and every language, so none of their words may be something a
 * resident types for another reason: a common given name, or a yes, no, number or option word of
 * any language, typed with or without its accents.
 */
class StopWordsTest {
  static final Path CONVERSATIONS = Content.folder(null, "conversations");
  static final Catalogue CATALOGUE =
      Catalogue.load(Content.folder(null, "translations"), "en", "America/Chicago");
  static final ConsentWords WORDS = new ConsentWords(CATALOGUE);

  @Test
  void noStopOrHelpWordIsANameOrAnAnswerOfAnyLanguage() throws IOException {
    List<String> clashes = new ArrayList<>();
    for (String word : everydayWords()) {
      for (String typed : asTyped(word)) {
        ConsentWords.Match m = WORDS.match(typed);
        // START only acts for residents who opted out, when nothing else is listening.
        if (m != null && m.kind() != ConsentWords.Kind.START) {
          clashes.add(typed + " (" + word + ") is a " + m.kind() + " word of " + m.language());
        }
      }
    }
    assertThat(clashes).isEmpty();
  }

  @Test
  void namesAndYesWordsAreCheckedAsTypedWithoutAccents() {
    assertThat(asTyped("Dũng")).contains("Dung");
    assertThat(asTyped("đúng")).contains("dung");
    assertThat(asTyped("أجل")).contains("اجل");
  }

  @ParameterizedTest
  @ValueSource(strings = {"DỪNG", "HỦY", "HUỶ", "HUỶ ĐĂNG KÝ", "NGƯNG", "ngưng nhận tin", "Dừng."})
  void vietnameseStopWordsWithTheirAccentsStillOptOut(String typed) {
    assertThat(WORDS.match(typed)).isEqualTo(new ConsentWords.Match(ConsentWords.Kind.STOP, "vi"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"«توقف»", "“ရပ်ပါ”", "\"STOP\""})
  void aKeywordCopiedWithTheQuotesTheCatalogueShowsStillCounts(String typed) {
    assertThat(WORDS.match(typed).kind()).isEqualTo(ConsentWords.Kind.STOP);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Huy", "HUY", "Dung", "dung", "Đúng", "Dũng"})
  void vietnameseNamesAndYesDoNotOptOut(String typed) {
    assertThat(WORDS.match(typed)).isNull();
  }

  /** The words residents type that are not meant as STOP or HELP. */
  static Set<String> everydayWords() throws IOException {
    Set<String> words = new LinkedHashSet<>();
    for (String lang : CATALOGUE.languages()) {
      var names = StopWordsTest.class.getResource("/names/" + lang + ".txt");
      assertThat(names).as("common given names in names/" + lang + ".txt").isNotNull();
      Files.readAllLines(Path.of(toUri(names))).stream()
          .map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .forEach(words::add);
      Set<String> labels = optionLabels();
      CATALOGUE
          .entries(lang)
          .forEach(
              (key, value) -> {
                boolean answer =
                    key.equals("keywords.yes")
                        || key.equals("keywords.no")
                        || key.startsWith("keywords.number.")
                        || key.startsWith("keywords.language.");
                boolean label =
                    labels.contains(key)
                        || key.startsWith("intent.")
                        || key.matches("survey\\.[a-z_]+\\.title")
                        || key.equals("language.name")
                        || key.equals("answer.yes")
                        || key.equals("answer.no");
                if (answer && value instanceof List<?> l) {
                  l.forEach(w -> words.add(String.valueOf(w)));
                } else if (label && value instanceof String s) {
                  words.add(s);
                }
              });
    }
    words.addAll(neighbourhoodNames());
    return words;
  }

  /** Every translation key a flow or survey offers as an option. */
  static Set<String> optionLabels() throws IOException {
    Set<String> keys = new LinkedHashSet<>();
    Pattern label = Pattern.compile("label: ([a-z_.]+)");
    for (String folder : List.of("flows", "surveys")) {
      try (Stream<Path> files = Files.list(CONVERSATIONS.resolve(folder))) {
        for (Path f : files.toList()) {
          Matcher m = label.matcher(Files.readString(f));
          while (m.find()) {
            keys.add(m.group(1));
          }
        }
      }
    }
    return keys;
  }

  @SuppressWarnings("unchecked")
  static List<String> neighbourhoodNames() throws IOException {
    Map<String, Object> dept =
        new ObjectMapper(new YAMLFactory())
            .readValue(CONVERSATIONS.resolve("department.yaml").toFile(), Map.class);
    List<String> out = new ArrayList<>();
    for (Object o : (List<Object>) dept.get("neighbourhoods")) {
      Map<String, Object> n = (Map<String, Object>) o;
      ((Map<String, Object>) n.get("names")).values().forEach(v -> out.add(String.valueOf(v)));
      ((List<Object>) n.getOrDefault("aliases", List.of()))
          .forEach(v -> out.add(String.valueOf(v)));
    }
    return out;
  }

  private static java.net.URI toUri(java.net.URL url) {
    try {
      return url.toURI();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A word as residents type it: as written, without Latin accents, without Arabic hamza. */
  static Set<String> asTyped(String word) {
    Set<String> out = new LinkedHashSet<>();
    out.add(word);
    String bare =
        Normalizer.normalize(word, Normalizer.Form.NFD)
            .replaceAll("[\\u0300-\\u036f\\u064b-\\u065f]", "")
            .replace('đ', 'd')
            .replace('Đ', 'D');
    out.add(Normalizer.normalize(bare, Normalizer.Form.NFC));
    out.add(bare.replaceAll("[أإآ]", "ا").replace('ى', 'ي').replace('ة', 'ه'));
    return out;
  }
}
