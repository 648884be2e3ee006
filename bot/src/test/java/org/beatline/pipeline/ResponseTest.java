package org.beatline.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.beatline.message.Outbound;
import org.junit.jupiter.api.Test;

/** A turn's messages are merged per recipient: a relay answers two people in one turn. */
class ResponseTest {

  static Outbound to(String address, String text, Outbound.Lane lane) {
    return new Outbound(text, "twilio", address, text, List.of(), lane, "k", "en");
  }

  @Test
  void messagesAreMergedPerRecipientInTheOrderRecipientsAppear() {
    Response r =
        new Response(
            null,
            List.of(
                to("+15550001", "to the officer", Outbound.Lane.REPLY),
                to("+15550002", "relayed to the resident", Outbound.Lane.REPLY),
                to("+15550001", "and done", Outbound.Lane.REPLY)),
            null,
            null);

    List<Outbound> merged = r.merged();

    assertThat(merged).extracting(Outbound::address).containsExactly("+15550001", "+15550002");
    assertThat(merged.get(0).text()).isEqualTo("to the officer\n\nand done");
    assertThat(merged.get(1).text()).isEqualTo("relayed to the resident");
  }

  @Test
  void aMergedMessageTakesTheMostUrgentLaneOfItsParts() {
    Response r =
        new Response(
            null,
            List.of(
                to("+15550003", "guidance", Outbound.Lane.EMERGENCY),
                to("+15550003", "your answer was kept", Outbound.Lane.REPLY)),
            null,
            null);
    assertThat(r.merged())
        .singleElement()
        .extracting(Outbound::lane)
        .isEqualTo(Outbound.Lane.EMERGENCY);
  }
}
