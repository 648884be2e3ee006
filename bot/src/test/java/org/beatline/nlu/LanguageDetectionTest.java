package org.beatline.nlu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.beatline.message.Understood;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Short messages are placed in the right language, and the contact's language wins a doubt. */
class LanguageDetectionTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "en|hello there",
        "en|when is the meeting",
        "en|thank you officer",
        "es|hola buenos días",
        "es|gracias oficial",
        "es|cuándo es la reunión",
        "vi|xin chào",
        "vi|cảm ơn anh",
        "vi|cam on nhieu",
        "vi|khi nào họp",
        "so|salaan walaal",
        "so|mahadsanid",
        "so|shirka goorma",
        "zh|你好",
        "zh|谢谢",
        "zh|下次开会是什么时候",
        "zh|怎么投诉警察",
        "zh-Hant|點樣投訴警察",
        "zh-Hant|我媽媽暈低咗叫唔醒",
        "zh-Hant|下次開會係幾時",
        "zh-Hant|我妈妈晕低咗叫唔醒",
        "zh-Hant|廣東話",
        "es|ayúdame",
        "es|sálvenme",
        "ar|مرحبا",
        "ar|شكرا جزيلا",
        "ar|متى الاجتماع",
        "my|မင်္ဂလာပါ",
        "my|ကျေးဇူးတင်ပါတယ်",
        "my|mingalaba",
      })
  void shortMessagesAreInTheRightLanguage(String language, String text) {
    assertEquals(language, TrainedNlu.get().understand(text, null).language(), text);
  }

  @Test
  void theContactsLanguageWinsOverAWeakGuess() {
    Understood u = TrainedNlu.get().understand("ok", "so");
    assertEquals("so", u.language());
  }

  @Test
  void aConfidentGuessInAnotherLanguageIsReportedForAnOffer() {
    Understood u = TrainedNlu.get().understand("hola, cuándo es la próxima reunión", "en");
    assertEquals("es", u.language());
    assertTrue(u.languageConfidence() >= Nlu.SWITCH_CONFIDENCE);
  }

  @Test
  void anotherScriptIsAlwaysConfident() {
    Understood u = TrainedNlu.get().understand("下次开会是什么时候", "es");
    assertEquals("zh", u.language());
    assertTrue(u.languageConfidence() >= Nlu.SWITCH_CONFIDENCE);
  }

  @Test
  void chineseWithoutATellingCharacterKeepsTheContactsWriting() {
    assertEquals("zh-Hant", TrainedNlu.get().understand("你好", "zh-Hant").language());
    assertEquals("zh", TrainedNlu.get().understand("你好", "zh").language());
    assertEquals("zh", TrainedNlu.get().understand("你好", null).language());
    Understood one = TrainedNlu.get().understand("谢谢你", "zh-Hant");
    assertEquals("zh-Hant", one.language(), "one Simplified character is not enough to switch");
    Understood many = TrainedNlu.get().understand("下次开会是什么时候", "zh-Hant");
    assertEquals("zh", many.language());
    assertTrue(many.languageConfidence() >= Nlu.SWITCH_CONFIDENCE);
  }

  @Test
  void residentsMixingEnglishIntoTheirLanguageKeepTheirLanguage() {
    assertEquals(
        "my", TrainedNlu.get().understand("police misconduct report လုပ်ချင်တယ်", null).language());
    assertEquals("ar", TrainedNlu.get().understand("شو يعني sustained", null).language());
  }

  @Test
  void aMessageWithoutLettersHasNoLanguageConfidence() {
    Understood u = TrainedNlu.get().understand("👍", null);
    assertTrue(TrainedNlu.LANGUAGES.contains(u.language()));
    assertEquals(0, u.languageConfidence());
  }
}
