package org.beatline.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.beatline.message.Inbound;
import org.beatline.support.Running;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One sender's messages are handled one after the other, and a dead holder's turn runs out. */
class TurnsTest {
  static Running beatline;

  @BeforeAll
  static void start() {
    beatline = Running.start(null, Map.of(), Running::fastOutbox);
  }

  @AfterAll
  static void stop() {
    beatline.close();
  }

  private static final List<String> SAID =
      List.of("hi", "3", "Cars race down Oak Street every night", "55101", "4");

  @Test
  void messagesArrivingTogetherAtOneInstanceAreHandledInArrivalOrder() {
    String alone = phone();
    List<List<String>> oneByOne = new ArrayList<>();
    for (String text : SAID) {
      oneByOne.add(keys(beatline.app.pipeline().handle(sms(alone, text), false).await()));
    }

    String together = phone();
    List<Future<Handled>> all = new ArrayList<>();
    for (String text : SAID) {
      all.add(beatline.app.pipeline().handle(sms(together, text), false));
    }
    Future.all(all).await();
    assertThat(all.stream().map(f -> keys(f.result())).toList()).isEqualTo(oneByOne);
    assertThat(oneByOne.get(oneByOne.size() - 1)).containsExactly("concern.confirm");
  }

  @Test
  void aTurnLeftByAnInstanceThatDiedHoldsItsSenderBackOnlyUntilItRunsOut() {
    String phone = phone();
    String turn = "turn:{twilio:" + phone + "}";
    beatline
        .app
        .redis()
        .call(c -> c.set(turn, "dead-instance:1", io.lettuce.core.SetArgs.Builder.px(1500)))
        .await();

    Handled h = beatline.app.pipeline().handle(sms(phone, "hi"), false).await();

    assertThat(keys(h)).contains("menu.ask");
    Running.eventually(
        () -> assertThat(beatline.app.redis().call(c -> c.exists(turn)).await()).isZero());
  }

  private static List<String> keys(Handled h) {
    return h.replies().stream().map(m -> m.key()).toList();
  }

  private static Inbound sms(String phone, String text) {
    String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
    return new Inbound("twilio", phone, sid, text, null, 0, null, Instant.now());
  }

  private static String phone() {
    return "+1555" + String.format("%07d", (long) (Math.random() * 9_000_000) + 1_000_000);
  }
}
