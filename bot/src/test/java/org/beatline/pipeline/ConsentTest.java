package org.beatline.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.beatline.support.Running;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConsentTest {
  static Running beatline;

  @BeforeAll
  static void start() {
    beatline = Running.start(null, java.util.Map.of(), Running::fastOutbox);
  }

  @AfterAll
  static void stop() {
    beatline.close();
  }

  @ParameterizedTest
  @CsvSource({
    "PARAR, es",
    "parar, es",
    "DỪNG, vi",
    "停止, zh",
    "توقف, ar",
    "JOOJI, so",
    "ရပ်ပါ, my",
    "ရပ္ပါ, my", // the same word typed in the Zawgyi encoding
    "STOP, en",
    "unsubscribe, en",
  })
  void stopWordOptsOutWithOneConfirmationInItsLanguage(String word, String language) {
    String who = Running.newResident();
    beatline.say(who, "hi");
    JsonObject stopped = beatline.say(who, word);

    JsonArray replies = stopped.getJsonArray("replies");
    assertThat(replies).hasSize(1);
    assertThat(replies.getJsonObject(0).getString("key")).isEqualTo("consent.stopped");
    assertThat(replies.getJsonObject(0).getString("language")).isEqualTo(language);
    assertThat(replies.getJsonObject(0).getString("text")).contains("911");

    assertThat(beatline.say(who, "what about meetings").getJsonArray("replies")).isEmpty();
    assertThat(beatline.say(who, word).getJsonArray("replies")).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"下次開會係幾時, zh-Hant", "下次开会是什么时候, zh"})
  void aStopWordTwoLanguagesShareIsConfirmedInTheContactsOwn(String first, String language) {
    String who = Running.newResident();
    beatline.say(who, first);
    JsonObject stopped = beatline.say(who, "停止");

    JsonObject reply = stopped.getJsonArray("replies").getJsonObject(0);
    assertThat(reply.getString("key")).isEqualTo("consent.stopped");
    assertThat(reply.getString("language")).isEqualTo(language);
  }

  @Test
  void startResumesAfterStop() {
    String who = Running.newResident();
    beatline.say(who, "hola");
    beatline.say(who, "PARAR");
    JsonObject started = beatline.say(who, "START");
    assertThat(started.getJsonArray("replies").getJsonObject(0).getString("key"))
        .isEqualTo("consent.started");
    assertThat(started.getJsonArray("replies").getJsonObject(0).getString("language"))
        .isEqualTo("es");
    assertThat(beatline.say(who, "hola").getJsonArray("replies")).isNotEmpty();
  }

  @Test
  void helpIsAnsweredEvenAfterStop() {
    String who = Running.newResident();
    beatline.say(who, "hi");
    beatline.say(who, "STOP");
    JsonObject help = beatline.say(who, "HELP");
    String text = help.getJsonArray("replies").getJsonObject(0).getString("text");
    assertThat(text).contains("Riverton Police Department").contains("911").contains("STOP");
    assertThat(text.toLowerCase()).contains("rates may apply");
  }

  @Test
  void stopInsideASentenceIsNotAnOptOut() {
    String who = Running.newResident();
    beatline.say(who, "hi");
    JsonObject r = beatline.say(who, "please stop the cars speeding on my street");
    assertThat(r.getJsonArray("replies").getJsonObject(0).getString("key"))
        .isNotEqualTo("consent.stopped");
  }

  @Test
  void everyConsentChangeIsInTheLedgerWithoutTheAddress() {
    String who = Running.newResident();
    beatline.say(who, "hi");
    beatline.say(who, "STOP");
    beatline.say(who, "START");
    var entries =
        beatline
            .app
            .redis()
            .call(
                c ->
                    c.xrevrange(
                        "consent:ledger",
                        io.lettuce.core.Range.create("-", "+"),
                        io.lettuce.core.Limit.from(2)))
            .await();
    assertThat(entries).hasSize(2);
    assertThat(entries.get(0).getBody())
        .containsEntry("change", "opt_in")
        .containsEntry("reason", "START");
    assertThat(entries.get(1).getBody())
        .containsEntry("change", "opt_out")
        .containsEntry("reason", "STOP");
    assertThat(entries.get(0).getBody().toString()).doesNotContain(who);
    assertThat(entries.get(0).getBody().get("address"))
        .isEqualTo(entries.get(1).getBody().get("address"));
  }

  @Test
  void firstMessageIsWelcomedInItsLanguage() {
    JsonObject r = beatline.say(Running.newResident(), "hola");
    assertThat(r.getJsonArray("replies").getJsonObject(0).getString("key")).isEqualTo("welcome");
    assertThat(r.getJsonArray("replies").getJsonObject(0).getString("language")).isEqualTo("es");
    assertThat(
            beatline
                .say(Running.newResident(), "xin chào")
                .getJsonArray("replies")
                .getJsonObject(0)
                .getString("language"))
        .isEqualTo("vi");
    assertThat(
            beatline
                .say(Running.newResident(), "مرحبا")
                .getJsonArray("replies")
                .getJsonObject(0)
                .getString("language"))
        .isEqualTo("ar");
  }
}
