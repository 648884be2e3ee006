package org.beatline.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.beatline.support.Running;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Safety and consent around a journey under way: danger typed where a description is expected is
 * not stored as the description, guidance comes in the language the alarm was written in, and STOP
 * ends the pending question.
 */
class SafetyJourneyTest {
  static Running beatline;

  @BeforeAll
  static void start() {
    beatline = Running.start(null, Map.of(), Running::fastOutbox);
  }

  @AfterAll
  static void stop() {
    beatline.close();
  }

  static List<String> keys(JsonObject answer) {
    return answer.getJsonArray("replies").stream()
        .map(r -> ((JsonObject) r).getString("key"))
        .toList();
  }

  static long concernsOf(String who) {
    return beatline.app.redis().call(c -> c.llen("concerns:contact:web:" + who)).await();
  }

  /** A resident who has started a report and is asked what is happening. */
  static String reporting(String language) {
    String who = Running.newResident();
    beatline.say(who, language.equals("es") ? "hola" : "hello");
    JsonObject asked = beatline.say(who, "", "concern");
    assertThat(keys(asked)).contains("concern.ask.what");
    return who;
  }

  @Test
  void dangerTypedAsTheDescriptionIsNotStoredAndTheQuestionStaysOpen() {
    String who = reporting("en");
    JsonObject answer =
        beatline.say(who, "omg theres a guy with a gun in front of my house right now");

    assertThat(keys(answer)).first().isEqualTo("emergency.guidance");
    assertThat(keys(answer)).containsOnlyOnce("emergency.guidance");
    assertThat(answer.getString("flow")).isEqualTo("concern");
    assertThat(concernsOf(who)).isZero();
  }

  @Test
  void guidanceComesInTheLanguageTheAlarmIsWrittenIn() {
    String who = Running.newResident();
    beatline.say(who, "hola, buenas tardes");
    JsonObject answer = beatline.say(who, "someone is breaking into my house right now");
    JsonObject guidance = answer.getJsonArray("replies").getJsonObject(0);
    assertThat(guidance.getString("key")).isEqualTo("emergency.guidance");
    assertThat(guidance.getString("language")).isEqualTo("en");
  }

  @Test
  void stopEndsThePendingQuestionAndStartBeginsFresh() {
    String who = reporting("en");
    beatline.say(who, "STOP");
    assertThat(beatline.app.redis().call(c -> c.exists("session:web:" + who)).await()).isZero();
    beatline.say(who, "START");
    beatline.say(who, "what were we doing");

    assertThat(concernsOf(who)).isZero();
    JsonObject next = beatline.say(who, "ok");
    assertThat(next.getString("flow")).isNotEqualTo("concern");
  }
}
