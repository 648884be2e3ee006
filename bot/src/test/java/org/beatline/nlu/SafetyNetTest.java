package org.beatline.nlu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.beatline.message.Understood;
import org.beatline.message.Understood.Alternative;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The emergency safety net catches every danger phrase of every language as residents type them
 * (shouting, stretched letters, typos, no accents), and lets frightening words about the past or
 * about policy through.
 */
class SafetyNetTest {
  private static boolean emergency(String text, String language) {
    return TrainedNlu.get().understand(text, language).emergency();
  }

  @ParameterizedTest
  @ValueSource(strings = {"ar", "en", "es", "my", "so", "vi", "zh", "zh-Hant"})
  void everyDangerPhraseAndItsVariantsRaiseTheAlarm(String language) {
    LanguageExamples examples =
        ExampleFiles.read(TrainedNlu.conversations()).stream()
            .filter(l -> l.language().equals(language))
            .findFirst()
            .orElseThrow();
    for (String phrase : examples.emergencyLexicon()) {
      for (String variant : variants(phrase)) {
        assertTrue(emergency(variant, language), () -> language + ": missed " + variant);
        assertTrue(emergency(variant, null), () -> language + ", no contact: missed " + variant);
      }
    }
    for (String text : examples.intents().get("emergency")) {
      assertTrue(emergency(text, language), () -> language + ": missed example " + text);
    }
  }

  @Test
  void typosLettersAndShoutingStillRaiseTheAlarm() {
    for (String text :
        List.of(
            "HE HAS A GUNNNN!!!",
            "someone is shootin outside",
            "sombody is braking into my house",
            "me estan robandoooo",
            "tiene una pistola 🔫",
            "co nguoi dang cam sung",
            "rasaas baa la ridayaa hadda",
            "有人开枪！！",
            "معه مسدس",
            "သေနတ်ပစ်နေတယ်")) {
      assertTrue(emergency(text, null), () -> "missed " + text);
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "en|the officer who drew a gun on my son last month",
        "en|what is the taser policy",
        "en|how many shootings were there last year",
        "es|el policía que le apuntó con una pistola a mi hijo el mes pasado",
        "es|cuál es la política sobre las pistolas taser",
        "es|cuántos tiroteos hubo el año pasado",
        "vi|ông cảnh sát rút súng chĩa vào con tôi tháng trước",
        "vi|chính sách dùng súng điện taser là gì",
        "vi|năm ngoái có bao nhiêu vụ nổ súng",
        "zh|上个月那个警察拿枪指着我儿子",
        "zh|警察用电击枪的政策是什么",
        "zh|去年发生了多少起枪击案",
        "ar|الشرطي اللي شهر مسدسه على ابني الشهر الماضي",
        "ar|شو سياسة الشرطة باستخدام التيزر",
        "ar|كم حادثة اطلاق نار صارت السنة الماضية",
        "so|askarigii bastoolad ku qabtay wiilkayga bishii hore",
        "so|siyaasadda taser-ka waa maxay",
        "so|immisa rasaas ayaa dhacay sanadkii hore",
        "my|ပြီးခဲ့တဲ့လက ကျွန်တော့်သားကို သေနတ်ချိန်ခဲ့တဲ့ ရဲ",
        "my|taser သုံးတဲ့ မူဝါဒ ဘာလဲ",
        "my|ပြီးခဲ့တဲ့နှစ် ပစ်ခတ်မှု ဘယ်နှစ်ခု ရှိလဲ",
      })
  void frighteningWordsAboutThePastOrPolicyAreNoEmergency(String language, String text) {
    assertFalse(emergency(text, language), () -> "false alarm: " + text);
    assertFalse(emergency(text, null), () -> "false alarm without a contact language: " + text);
  }

  @Test
  void aWordThatSilencesDangerMustBeWrittenAsListed() {
    // "policy" takes danger out of the present; "police", one letter away, must not.
    assertTrue(emergency("call the police he has a knife", "en"));
    assertTrue(emergency("pls send police someone is breaking in", "en"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "en|y|false",
        "en|robbery|false",
        "en|someone is robbing the store right now|true",
        "zh-Hant|爆格|false",
        "zh-Hant|有人爆格呀，賊仲喺入面|true",
        "my|မြောက်တံခါး|false",
        "my|ကျွန်မ မြောက်တံခါး မှာ နေပါတယ်|false",
        "so|waa webiga|false",
        "so|ilmo ayaa webiga ku dhacay|true",
        "en|shots fired in eastside right now|true",
      })
  void anAnswerTheBotAskedForOrANeighbourhoodIsNoAlarmButDangerInItIs(
      String language, String text, boolean alarm) {
    assertEquals(alarm, emergency(text, language), text);
  }

  @Test
  void dangerNowOutweighsThePast() {
    assertTrue(emergency("he shot at us last week and now he is back outside with a gun", "en"));
    assertTrue(emergency("my daughter is missing, she was at the park a minute ago", "en"));
  }

  @Test
  void theIntentFollowsTheAlarm() {
    // The classifier ranks concern.report first; the alarm puts emergency first all the same.
    IntentScores scores =
        new IntentScores(
            new String[] {"concern.report", "emergency", "out_of_scope"},
            new double[] {0.7, 0.2, 0.1});
    assertEquals(
        List.of("emergency", "concern.report", "out_of_scope"),
        Nlu.ranked(scores, true).stream().map(Alternative::intent).toList());
    assertEquals(0.2, Nlu.ranked(scores, true).get(0).confidence());
    // The classifier ranks emergency first but the alarm stays silent: emergency is not offered.
    IntentScores silenced =
        new IntentScores(
            new String[] {"emergency", "accountability.file_complaint", "transparency.policy"},
            new double[] {0.5, 0.3, 0.2});
    assertEquals(
        List.of("accountability.file_complaint", "transparency.policy"),
        Nlu.ranked(silenced, false).stream().map(Alternative::intent).toList());
  }

  @ParameterizedTest
  @ValueSource(strings = {"ar", "en", "es", "my", "so", "vi", "zh", "zh-Hant"})
  void whatIsUnderstoodNeverContradictsTheAlarm(String language) {
    List<String> texts = new ArrayList<>();
    ExampleFiles.read(TrainedNlu.conversations()).stream()
        .filter(l -> l.language().equals(language))
        .forEach(l -> l.intents().values().forEach(texts::addAll));
    TrainedNlu.eval(language).forEach(e -> texts.add(e.text()));
    for (String text : texts) {
      Understood u = TrainedNlu.get().understand(text, language);
      assertEquals(u.emergency(), "emergency".equals(u.intent()), () -> "intent of " + text);
      assertTrue(
          u.alternatives().stream().noneMatch(a -> a.intent().equals("emergency")),
          () -> "emergency offered as an alternative for " + text);
    }
  }

  /** How residents type a phrase: as written, shouted, its last letter stretched, no accents. */
  private static List<String> variants(String phrase) {
    int last = phrase.codePointBefore(phrase.length());
    String stretched = phrase + new String(Character.toChars(last)).repeat(3);
    String bare =
        phrase.codePoints().allMatch(cp -> cp < 0x250 || cp >= 0x1E00 && cp < 0x1F00)
            ? Normalizer.normalize(phrase, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
            : phrase;
    return List.of(phrase, phrase.toUpperCase(Locale.ROOT) + "!!", stretched, bare + "?");
  }
}
