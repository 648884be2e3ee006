package org.beatline.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.beatline.config.Content;
import org.beatline.i18n.Catalogue;
import org.junit.jupiter.api.Test;

/** STOP, START and HELP words of every language, answered in the contact's when it has the word. */
class ConsentWordsTest {
  private static final ConsentWords WORDS =
      new ConsentWords(
          Catalogue.load(Content.folder(null, "translations"), "en", "America/Chicago"));

  @Test
  void aWordTwoLanguagesShareAnswersInTheContactsLanguage() {
    assertEquals(
        new ConsentWords.Match(ConsentWords.Kind.STOP, "zh-Hant"), WORDS.match("停止", "zh-Hant"));
    assertEquals(new ConsentWords.Match(ConsentWords.Kind.STOP, "zh"), WORDS.match("停止", "zh"));
  }

  @Test
  void aWordOfAnotherLanguageKeepsItsOwnLanguage() {
    assertEquals(new ConsentWords.Match(ConsentWords.Kind.STOP, "zh"), WORDS.match("退订", "en"));
    assertEquals(
        new ConsentWords.Match(ConsentWords.Kind.START, "zh-Hant"), WORDS.match("重新開始", "es"));
    assertEquals(new ConsentWords.Match(ConsentWords.Kind.STOP, "en"), WORDS.match("stop!", "vi"));
  }

  @Test
  void onlyTheWholeMessageIsAKeyword() {
    assertNull(WORDS.match("停止超速", "zh-Hant"));
    assertNull(WORDS.match(null, "zh-Hant"));
  }

  @Test
  void aLanguagesOwnCancelIsNoStopWordButItsUnsubscribeIs() {
    for (String cancel :
        new String[] {"CANCELAR", "cancelar", "إلغاء", "الغاء", "BAAJI", "ပယ်ဖျက်"}) {
      assertNull(WORDS.match(cancel, null), cancel);
    }
    assertEquals(
        new ConsentWords.Match(ConsentWords.Kind.STOP, "ar"), WORDS.match("إلغاء الاشتراك"));
    assertEquals(new ConsentWords.Match(ConsentWords.Kind.STOP, "es"), WORDS.match("BAJA", "es"));
    // The English carrier word stays global: carriers act on it whatever Beatline does.
    assertEquals(new ConsentWords.Match(ConsentWords.Kind.STOP, "en"), WORDS.match("CANCEL", "es"));
  }

  @Test
  void aChineseCancelIsNoStopButUnsubscribeIs() {
    assertNull(WORDS.match("取消", "zh"));
    assertNull(WORDS.match("取消", "zh-Hant"));
    assertEquals(new ConsentWords.Match(ConsentWords.Kind.STOP, "zh"), WORDS.match("取消订阅", "zh"));
    assertEquals(
        new ConsentWords.Match(ConsentWords.Kind.STOP, "zh-Hant"), WORDS.match("取消訂閱", "zh-Hant"));
  }
}
