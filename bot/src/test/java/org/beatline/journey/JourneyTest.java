package org.beatline.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.beatline.support.Running;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Residents' journeys through the real edges: the simulator, the pipeline and Redis. */
class JourneyTest {
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
    JsonArray replies = answer.getJsonArray("replies");
    return replies.stream().map(r -> ((JsonObject) r).getString("key")).toList();
  }

  static String text(JsonObject answer) {
    return String.join(
        "\n",
        answer.getJsonArray("replies").stream()
            .map(r -> ((JsonObject) r).getString("text"))
            .toList());
  }

  @Test
  void concernGetsAReferenceAndStatusAnswersWithIt() {
    String who = Running.newResident();
    assertThat(keys(beatline.say(who, "hi", null))).contains("welcome", "menu.ask");
    assertThat(keys(beatline.say(who, "", "concern"))).contains("concern.ask.what");
    // The description names its street, so only the neighbourhood is asked.
    assertThat(keys(beatline.say(who, "Cars race down Oak Street every night", null)))
        .containsExactly("concern.ask.neighbourhood");
    beatline.say(who, "55101", null);
    assertThat(keys(beatline.say(who, "", "anonymous"))).containsExactly("concern.confirm");
    JsonObject created = beatline.say(who, "", "send");
    assertThat(keys(created)).containsExactly("concern.created.anonymous");
    String reference = text(created).replaceAll("(?s).*(RIV-\\d+).*", "$1");
    assertThat(reference).matches("RIV-\\d+");

    var stored = beatline.app.redis().call(c -> c.hgetall("concern:" + reference)).await();
    assertThat(stored)
        .containsEntry("state", "new")
        .containsEntry("contactPreference", "anonymous")
        .containsEntry("what", "Cars race down Oak Street every night");

    assertThat(text(beatline.say(who, "STATUS", null))).contains(reference);

    // Talking in between uses up no numbers: the next concern gets the next reference.
    beatline.say(who, "MENU", null);
    beatline.say(who, "", "concern");
    beatline.say(who, "Graffiti on the bus shelter", null);
    beatline.say(who, "Pine Street near the school 55101", null);
    beatline.say(who, "", "anonymous");
    String next = text(beatline.say(who, "", "send")).replaceAll("(?s).*(RIV-\\d+).*", "$1");
    assertThat(Integer.parseInt(next.substring(4)))
        .isEqualTo(Integer.parseInt(reference.substring(4)) + 1);
  }

  @Test
  void meetingsAreListedForTheNeighbourhoodAndSubscriptionIsInTheLedger() {
    String who = Running.newResident();
    beatline.say(who, "hi", null);
    beatline.say(who, "", "meetings");
    JsonObject listed = beatline.say(who, "55101", null);
    assertThat(keys(listed))
        .contains("neighbourhood.saved", "meetings.next.header", "meetings.item");
    // The link carries the resident's language, for the calendar entry's title.
    assertThat(text(listed)).contains("/meetings/eastside-june.ics?lang=en");

    assertThat(keys(beatline.say(who, "", "subscription"))).contains("meetings.subscribe.ask");
    beatline.say(who, "yes", null);
    beatline.say(who, "yes", null);
    assertThat(beatline.app.redis().call(c -> c.smembers("subs:web:" + who)).await())
        .contains(
            "meetings.announcements|eastside",
            "meetings.reminders|eastside",
            "meetings.minutes|eastside");
    var ics = beatline.http.get("/meetings/eastside-june.ics?lang=es").send().await();
    assertThat(ics.statusCode()).isEqualTo(200);
    // RFC 5545 folds lines longer than 75 octets; a calendar reads them unfolded.
    assertThat(ics.bodyAsString().replace("\r\n ", ""))
        .contains("BEGIN:VEVENT")
        .contains("SUMMARY:Reunion comunitaria del Lado Este")
        // The department's name and contact address from department.yaml, as RFC 5545 writes them.
        .contains(
            "ORGANIZER;CN=Riverton Police Department:mailto:community@police.riverton.example");
  }

  @Test
  void surveyAnswersAreNotLinkableOnceComplete() {
    String who = Running.newResident();
    beatline.say(who, "hi", null);
    // With one survey open to residents, the menu's survey option starts it.
    JsonObject first = beatline.say(who, "", "surveys");
    assertThat(keys(first)).contains("survey.community.intro");
    JsonObject last = first;
    for (int i = 0; i < 8 && !keys(last).contains("survey.community.thanks"); i++) {
      // Answer as a resident pressing the first button, or typing a comment where there is none.
      JsonArray replies = last.getJsonArray("replies");
      JsonArray options = replies.getJsonObject(replies.size() - 1).getJsonArray("options");
      last =
          options.isEmpty()
              ? beatline.say(who, "more patrols at night", null)
              : beatline.say(who, "", options.getJsonObject(0).getString("value"));
    }
    assertThat(keys(last)).contains("survey.community.thanks");
    var open = beatline.app.redis().call(c -> c.keys("survey:community:open:*")).await();
    assertThat(open).isEmpty();
    var responses =
        beatline.app.redis().call(c -> c.lrange("survey:community:responses", 0, -1)).await();
    assertThat(responses).isNotEmpty();
    assertThat(String.join("", responses)).doesNotContain(who);
  }

  @Test
  void languageCanBeChangedAndIsRemembered() {
    String who = Running.newResident();
    beatline.say(who, "hi", null);
    beatline.say(who, "", "language");
    JsonObject changed = beatline.say(who, "", "vi");
    assertThat(changed.getJsonArray("replies").getJsonObject(0).getString("language"))
        .isEqualTo("vi");
    assertThat(
            beatline
                .say(who, "MENU", null)
                .getJsonArray("replies")
                .getJsonObject(0)
                .getString("language"))
        .isEqualTo("vi");
  }

  @Test
  void aCantoneseComplaintQuestionGetsTheComplaintProcessInTraditionalChinese() {
    JsonObject answer = beatline.say(Running.newResident(), "點樣投訴警察", null);
    assertThat(answer.getJsonObject("understood").getString("language")).isEqualTo("zh-Hant");
    assertThat(answer.getJsonObject("understood").getString("intent"))
        .isEqualTo("accountability.file_complaint");
    assertThat(keys(answer)).contains("welcome", "accountability.file_complaint.short");
    assertThat(answer.getJsonArray("replies").getJsonObject(0).getString("language"))
        .isEqualTo("zh-Hant");
    assertThat(text(answer)).contains("投訴").contains("https://police.riverton.example/complaint");
  }

  @Test
  void cantoneseOrTraditionalChineseChoosesTraditionalChinese() {
    for (String choice : List.of("廣東話", "粵語", "繁體", "Cantonese")) {
      String who = Running.newResident();
      beatline.say(who, "hi", null);
      JsonObject changed = beatline.say(who, choice, null);
      assertThat(keys(changed)).as(choice).contains("language.changed");
      assertThat(changed.getJsonArray("replies").getJsonObject(0).getString("language"))
          .as(choice)
          .isEqualTo("zh-Hant");
      assertThat(text(beatline.say(who, "MENU", null))).as(choice).contains("你想做咩");
    }
  }

  @Test
  void aSimplifiedChineseContactIsAnsweredInSimplifiedAndATraditionalOneInTraditional() {
    String simplified = Running.newResident();
    JsonObject understood = beatline.say(simplified, "下次开会是什么时候", null).getJsonObject("understood");
    assertThat(understood.getString("language")).isEqualTo("zh");
    String traditional = Running.newResident();
    beatline.say(traditional, "下次開會係幾時", null);
    JsonObject again = beatline.say(traditional, "你好", null);
    assertThat(again.getJsonArray("replies").getJsonObject(0).getString("language"))
        .isEqualTo("zh-Hant");
  }

  @Test
  void aStoredSessionThatNoLongerFitsTheFlowsStartsFresh() {
    String who = Running.newResident();
    beatline.say(who, "hi", null);
    beatline
        .app
        .redis()
        .call(
            c ->
                c.set(
                    "session:web:" + who, "{\"stack\":[{\"flow\":\"gone\",\"step\":\"nowhere\"}]}"))
        .await();
    assertThat(keys(beatline.say(who, "MENU", null))).contains("menu.ask");
    beatline.app.redis().call(c -> c.set("session:web:" + who, "not json")).await();
    assertThat(keys(beatline.say(who, "MENU", null))).contains("menu.ask");
  }
}
