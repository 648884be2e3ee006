package org.beatline.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.beatline.support.Running;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Emergency guidance comes first, in the resident's language, in every state. */
class SafetyTest {
  static Running beatline;

  @BeforeAll
  static void start() {
    beatline = Running.start(null, Map.of(), Running::fastOutbox);
  }

  @AfterAll
  static void stop() {
    beatline.close();
  }

  static JsonObject first(JsonObject answer) {
    return answer.getJsonArray("replies").getJsonObject(0);
  }

  @ParameterizedTest
  @CsvSource({
    "someone is breaking into my house right now, en",
    "hay un hombre con una pistola afuera, es",
    "có người đang đột nhập vào nhà tôi, vi",
    "有人拿刀在砍人, zh",
    "我媽媽暈低咗叫唔醒, zh-Hant",
    "有人爆咗入我屋企，仲喺入面, zh-Hant",
  })
  void dangerNowGetsEmergencyGuidanceInTheResidentsLanguage(String text, String language) {
    JsonObject answer = beatline.say(Running.newResident(), text);
    assertThat(first(answer).getString("key")).isEqualTo("emergency.guidance");
    assertThat(first(answer).getString("language")).isEqualTo(language);
    assertThat(first(answer).getString("text")).contains("911");
    assertThat(answer.getJsonObject("understood").getBoolean("emergency")).isTrue();
  }

  /** A first message that only cries for help gets the guidance, never the HELP text. */
  @ParameterizedTest
  @CsvSource({"ayúdame, es", "sálvame, es", "sálvenme, es", "¡Sálvenme!, es", "求助, zh", "救命呀, zh"})
  void aCryForHelpGetsEmergencyGuidanceInItsLanguage(String text, String language) {
    JsonObject answer = beatline.say(Running.newResident(), text);
    assertThat(first(answer).getString("key")).isEqualTo("emergency.guidance");
    assertThat(first(answer).getString("language")).isEqualTo(language);
    assertThat(answer.getJsonObject("understood").getString("language")).isEqualTo(language);
  }

  @Test
  void aCantoneseDangerPhraseRaisesTheAlarmForAContactOfAnyLanguage() {
    String who = Running.newResident();
    beatline.say(who, "hi");
    JsonObject answer = beatline.say(who, "我阿爸暈低咗叫唔醒");
    assertThat(first(answer).getString("key")).isEqualTo("emergency.guidance");
    assertThat(answer.getJsonObject("understood").getBoolean("emergency")).isTrue();
  }

  @Test
  void emergencyOverridesAFlowHalfwayThrough() {
    String who = Running.newResident();
    beatline.say(who, "hi");
    beatline.say(who, "MENU");
    JsonObject answer = beatline.say(who, "he has a gun and is shooting");
    assertThat(first(answer).getString("key")).isEqualTo("emergency.guidance");
  }

  @Test
  void emergencyGuidanceReachesAContactWhoOptedOut() {
    String who = Running.newResident();
    beatline.say(who, "hi");
    beatline.say(who, "STOP");
    assertThat(first(beatline.say(who, "my dad is not breathing")).getString("key"))
        .isEqualTo("emergency.guidance");
    assertThat(beatline.say(who, "when is the next meeting").getJsonArray("replies")).isEmpty();
  }

  @Test
  void frighteningWordsAboutThePastAreNotAnEmergency() {
    JsonObject answer =
        beatline.say(
            Running.newResident(),
            "the officer who drew a gun on my son last month, how do I complain");
    assertThat(answer.getJsonObject("understood").getBoolean("emergency")).isFalse();
    assertThat(first(answer).getString("key")).isNotEqualTo("emergency.guidance");
  }

  @Test
  void anAnswerThatSoundsAlarmingGetsGuidanceAndTheFlowGoesOn() {
    String who = Running.newResident();
    beatline.say(who, "hi");
    beatline
        .http
        .post("/api/simulator/messages")
        .sendJsonObject(new JsonObject().put("from", who).put("text", "").put("choice", "concern"))
        .await();
    beatline.say(who, "Cars race down Oak Street every night");
    // A street corner can sound like an incident report; the resident is answering "where?".
    JsonObject answer = beatline.say(who, "someone is hurt at Elm and 3rd right now, 55101");
    var keys =
        answer.getJsonArray("replies").stream()
            .map(r -> ((JsonObject) r).getString("key"))
            .toList();
    assertThat(keys.get(0)).isEqualTo("emergency.guidance");
    assertThat(keys).contains("concern.ask.contact");
  }

  @Test
  void aRealEmergencyAtTheMenuGetsOnlyTheGuidance() {
    String who = Running.newResident();
    beatline.say(who, "hi");
    JsonObject answer = beatline.say(who, "a man is stabbing people outside right now");
    assertThat(answer.getJsonArray("replies")).hasSize(1);
    assertThat(first(answer).getString("key")).isEqualTo("emergency.guidance");
  }
}
