package org.beatline.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.beatline.support.Running;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A resident's own word for "cancel" leaves what is under way and opts nobody out, in every
 * language, in the middle of a journey and outside one; each language's STOP words still opt out.
 */
class CancelWordsTest {
  static final String OPTED_OUT = org.beatline.contact.Contact.Consent.OPTED_OUT.name();
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
    "en, hi, never mind, STOP",
    "es, hola, CANCELAR, BAJA",
    "es, hola, cancelar, PARAR",
    "vi, xin chào, hủy bỏ, DỪNG",
    "zh, 你好, 取消, 退订",
    "zh-Hant, 哈囉，我想問嘢, 取消, 停止",
    "ar, مرحبا, إلغاء, توقف",
    "ar, مرحبا, الغاء, إلغاء الاشتراك",
    "so, iska warran, BAAJI, JOOJI",
    "my, မင်္ဂလာပါ, ပယ်ဖျက်, ရပ်ပါ",
  })
  void aCancelWordEndsTheJourneyButOnlyAStopWordOptsOut(
      String language, String hello, String cancel, String stop) {
    String who = Running.newResident();
    assertThat(only(beatline.say(who, hello)).get(0).getString("language")).isEqualTo(language);
    // Mid-report: the report is left, nothing of it is kept, and the resident stays subscribed.
    beatline.say(who, "MENU");
    assertThat(keys(beatline.say(who, "", "concern"))).contains("concern.ask.what");
    JsonObject left = only(beatline.say(who, cancel)).get(0);
    assertThat(left.getString("key")).isEqualTo("cancel.done");
    assertThat(left.getString("language")).isEqualTo(language);
    assertThat(beatline.consent("web", who)).isNotEqualTo(OPTED_OUT);
    // Nothing under way: nothing to cancel, and how to stop every message.
    assertThat(keys(beatline.say(who, cancel))).containsExactly("cancel.nothing");
    assertThat(beatline.consent("web", who)).isNotEqualTo(OPTED_OUT);
    beatline.say(who, "MENU");
    assertThat(keys(beatline.say(who, "", "concern"))).contains("concern.ask.what");
    // The language's own STOP word, mid-journey too, opts out at once.
    assertThat(keys(beatline.say(who, stop))).containsExactly("consent.stopped");
    assertThat(beatline.consent("web", who)).isEqualTo(OPTED_OUT);
    assertThat(beatline.say(who, cancel).getJsonArray("replies")).isEmpty();
  }

  private static List<JsonObject> only(JsonObject turn) {
    JsonArray replies = turn.getJsonArray("replies");
    assertThat(replies).isNotEmpty();
    return replies.stream().map(JsonObject.class::cast).toList();
  }

  private static List<String> keys(JsonObject turn) {
    return only(turn).stream().map(r -> r.getString("key")).toList();
  }
}
