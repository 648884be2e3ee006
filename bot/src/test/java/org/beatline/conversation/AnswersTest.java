package org.beatline.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnswersTest {
  private static final Answers ANSWERS =
      new Answers(Content.CATALOGUE, Content.CONVERSATIONS.department());

  @ParameterizedTest(name = "{0}: {1} is {2}")
  @CsvSource({
    "en, five, 5",
    "en, 5, 5",
    "en, '  4 stars ', 4",
    "en, 3️⃣, 3",
    "en, ⭐⭐, 2",
    "en, ★★★★★, 5",
    "es, cinco, 5",
    "es, Dos, 2",
    "vi, năm, 5",
    "vi, nam, 5",
    "vi, ba, 3",
    "zh, 五, 5",
    "zh, 五分, 5",
    "zh, ４, 4",
    "ar, خمسة, 5",
    "ar, ٥, 5",
    "ar, ۳, 3",
    "so, shan, 5",
    "so, laba, 2",
    "my, ငါး, 5",
    "my, ၅, 5",
    "my, ၃, 3",
  })
  void scaleAnswersInEveryLanguage(String language, String text, String value) {
    assertEquals(value, ANSWERS.parse(AnswerType.SCALE, text, List.of(), language));
  }

  @ParameterizedTest(name = "{0}: {1} is {2}")
  @CsvSource({
    "en, Yes!, yes",
    "en, nope, no",
    "en, 👍, yes",
    "en, 1, yes",
    "en, 2, no",
    "en, yes please, yes",
    "es, Sí, yes",
    "es, si, yes",
    "es, no gracias, no",
    "vi, có, yes",
    "vi, không, no",
    "zh, 是的, yes",
    "zh, 不要, no",
    "ar, نعم, yes",
    "ar, لا, no",
    "so, haa, yes",
    "so, maya, no",
    "my, ဟုတ်ကဲ့, yes",
    "my, မဟုတ်ဘူး, no",
    "es, yes, yes",
  })
  void yesAndNoInEveryLanguage(String language, String text, String value) {
    assertEquals(value, ANSWERS.parse(AnswerType.YES_NO, text, List.of(), language));
  }

  @ParameterizedTest(name = "{0}: {1} is not understood")
  @CsvSource({"en, banana", "en, 7", "en, 0", "es, quizas", "zh, 香蕉"})
  void nonsenseIsNotAScaleAnswer(String language, String text) {
    assertNull(ANSWERS.parse(AnswerType.SCALE, text, List.of(), language));
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    "55106, eastside",
    "my zip is 55103, riverside",
    "Lado Oeste, westside",
    "北门, northgate",
    "الحي الشرقي, eastside",
    "college hill, northgate",
    "٥٥١٠٢, westside"
  })
  void neighbourhoodsByNameAliasOrZip(String text, String id) {
    assertEquals(id, ANSWERS.parse(AnswerType.NEIGHBOURHOOD, text, List.of(), "en"));
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    "en, Español, es",
    "en, espanol, es",
    "en, tieng viet, vi",
    "en, 中文, zh",
    "en, Soomaali, so",
    "en, my, my",
    "en, Cantonese, zh-Hant",
    "en, zh-Hant, zh-Hant",
    "en, 廣東話, zh-Hant",
    "en, 粵語, zh-Hant",
    "en, 繁體, zh-Hant",
    "en, 繁體中文（廣東話）, zh-Hant",
    "zh, 粤语, zh-Hant",
    "zh-Hant, 簡體中文, zh",
    "zh-Hant, 普通話, zh",
    "es, cantonés, zh-Hant",
  })
  void languagesByNameOrCode(String language, String text, String code) {
    assertEquals(code, ANSWERS.parse(AnswerType.LANGUAGE, text, List.of(), language));
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({"2, b", "second, b", "Green, b", "GREEN!, b", "gree, b", "3, ", "colour, "})
  void choicesByNumberOrLabel(String text, String value) {
    List<Reply.Option> options =
        List.of(
            new Reply.Option("a", "answer.yes", null, null),
            new Reply.Option(
                "b", "options.line", java.util.Map.of("n", "Green", "label", ""), null));
    assertEquals(value, ANSWERS.parse(AnswerType.CHOICE, text, options, "en"));
  }
}
