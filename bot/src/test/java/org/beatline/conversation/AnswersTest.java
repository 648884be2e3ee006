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
    "zh, 4分, 4",
    "zh, 我给4分, 4",
    "en, 4/5, 4",
    "en, 4 out of 5, 4",
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
    "en, yeah sure, yes",
    "en, nah im good, no",
    "en, yes he did, yes",
    "ar, aywa, yes",
    "ar, la2, no",
    "so, haye, yes",
    "vi, chưa, no",
    "vi, dc, yes",
    "vi, uh, yes",
    "vi, k, no",
    "es, simon, yes",
    "es, nel, no",
    "es, dale, yes",
    "zh, 不是很清楚, no",
    "zh, 不好, no",
    "zh, 好的谢谢, yes",
  })
  void yesAndNoInEveryLanguage(String language, String text, String value) {
    assertEquals(value, ANSWERS.parse(AnswerType.YES_NO, text, List.of(), language));
  }

  @ParameterizedTest(name = "{0}: {1} is neither yes nor no")
  @CsvSource({
    "en, ok its my neighbor dealing drugs out of his garage",
    "en, yes and no",
    "en, i dont know",
    "es, y eso que es",
    "zh, 我是说那个警察不好",
  })
  void aYesOrNoIsReadOnlyFromAShortReply(String language, String text) {
    assertNull(ANSWERS.parse(AnswerType.YES_NO, text, List.of(), language));
  }

  @ParameterizedTest(name = "{0}: {1} is not understood")
  @CsvSource({"en, banana", "en, 7", "en, 0", "es, quizas", "zh, 香蕉", "en, 5th street"})
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
    "en, can you text me in Spanish, es",
    "en, doi sang tieng anh, en",
    "en, 可以用中文吗, zh",
    "en, ممكن تكلمني بالانجليزي, en",
  })
  void languagesByNameOrCode(String language, String text, String code) {
    assertEquals(code, ANSWERS.parse(AnswerType.LANGUAGE, text, List.of(), language));
  }

  @ParameterizedTest(name = "{0} names no language wanted")
  @CsvSource({"no hablo ingles", "i dont speak spanish", "我不会说英语"})
  void aLanguageSaidNotToBeWantedIsNoAnswer(String text) {
    assertNull(ANSWERS.parse(AnswerType.LANGUAGE, text, List.of(), "en"));
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

  @ParameterizedTest(name = "{1}: {2} is {3}")
  @CsvSource({
    "en, call me, phone",
    "en, id rather stay anonymous, anonymous",
    "en, dont call me, anonymous",
    "en, idk i guess the officer can just text me here thats fine, text",
    "en, yes, text",
    "en, no, anonymous",
    "en, text me but dont call me, ",
    "es, anonimo, anonymous",
    "es, llamame porfa, phone",
    "zh, 短信, text",
    "zh, 匿名, anonymous",
    "ar, بدون اسم, anonymous",
    "ar, kalemni, phone",
    "ar, برسالة هون, text",
    "so, i soo wac, phone",
    "vi, an danh, anonymous",
    "my, ဖုန်းဆက်ပါ, phone",
  })
  void optionsByTheirOwnWords(String language, String text, String value) {
    List<Reply.Option> options =
        java.util.stream.Stream.of("text", "phone", "email", "anonymous")
            .map(v -> new Reply.Option(v, "concern.contact." + v, null, null))
            .toList();
    java.util.Map<String, Options.Words> words = new java.util.HashMap<>();
    for (Reply.Option o : options) {
      String yesNo = o.value().equals("text") ? "yes" : o.value().equals("anonymous") ? "no" : null;
      words.put(o.value(), new Options.Words(List.of("keywords." + o.label()), yesNo));
    }
    assertEquals(value, ANSWERS.parse(AnswerType.CHOICE, text, options, words, language));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "en, theres a car been parked on maple st for 2 weeks, true",
    "en, people speed on my street every night, false",
    "en, loud music at the house on 3rd in Northgate, true",
    "en, corner of main and 5th, true",
    "es, en la calle Juarez hay basura, true",
    "es, en mi calle hay basura, false",
    "zh, 幸福路上有人乱扔垃圾, true",
    "zh, 马路上有人飙车, false",
    "vi, o duong Le Loi co nguoi ban ma tuy, true",
    "my, Cedar လမ်းက လမ်းမီး ပျက်နေတာ, true",
  })
  void aPlaceIsNamedByANeighbourhoodOrAStreetWithItsName(
      String language, String text, boolean named) {
    assertEquals(named, ANSWERS.places().namesPlace(text, language));
  }

  @ParameterizedTest(name = "{0}: {1} is no place")
  @CsvSource({"en, yes", "en, si", "es, no", "zh, 是的", "vi, dc", "my, ဟုတ်တယ်"})
  void aBareYesOrNoIsNoPlace(String language, String text) {
    assertNull(ANSWERS.parse(AnswerType.PLACE, text, List.of(), language));
  }

  @ParameterizedTest(name = "{0}: {1} is a place")
  @CsvSource({"en, no 5 Elm St", "es, si senor bar on Cedar", "zh, 北区"})
  void aPlaceMayStartWithAYesOrNo(String language, String text) {
    assertEquals(text, ANSWERS.parse(AnswerType.PLACE, text, List.of(), language));
  }
}
