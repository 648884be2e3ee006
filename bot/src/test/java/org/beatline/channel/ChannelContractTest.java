package org.beatline.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.vertx.core.Promise;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.beatline.message.Outbound;
import org.beatline.support.Providers;
import org.beatline.support.Running;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every channel adapter promises the rest of Beatline, checked for each registered adapter:
 * its sender serves its id, it declares a usable rate, long text is split without losing a word,
 * and a send to its provider comes back with an id.
 */
class ChannelContractTest {
  static WireMockServer providers;
  static Running beatline;

  @BeforeAll
  static void start() {
    providers = Providers.start();
    beatline = Running.live(providers);
  }

  @AfterAll
  static void stop() {
    beatline.close();
    providers.stop();
  }

  static Stream<String> channels() {
    return Stream.of("twilio", "telegram", "web");
  }

  static Channel channel(String id) {
    return beatline.app.channels().stream()
        .filter(c -> c.id().equals(id))
        .findFirst()
        .orElseThrow();
  }

  static String addressFor(String id) {
    return switch (id) {
      case "twilio" -> "+15550123456";
      case "telegram" -> "42";
      default -> "sim-" + UUID.randomUUID().toString().substring(0, 8);
    };
  }

  @ParameterizedTest
  @MethodSource("channels")
  void everyAdapterIsRegisteredAndItsSenderServesIt(String id) {
    Channel c = channel(id);
    assertThat(c.sender().channel()).isEqualTo(id);
    assertThat(c.traits().messagesPerSecond()).isPositive();
    assertThat(beatline.app.channels()).extracting(Channel::id).doesNotHaveDuplicates();
  }

  @ParameterizedTest
  @MethodSource("channels")
  void longTextIsSplitWithoutLosingAWord(String id) {
    String text = "Mesaj la — ".repeat(500).strip();
    Outbound m =
        new Outbound("x", id, addressFor(id), text, List.of(), Outbound.Lane.REPLY, "k", "so");
    List<String> parts = channel(id).sender().split(m);
    assertThat(parts).isNotEmpty().allSatisfy(p -> assertThat(p).isNotBlank());
    if (parts.size() > 1) {
      assertThat(String.join(" ", parts)).isEqualTo(text);
    } else {
      assertThat(parts.get(0).length()).isLessThanOrEqualTo(text.length());
    }
  }

  @ParameterizedTest
  @MethodSource("channels")
  void aSendToTheProviderComesBackWithItsId(String id) {
    Outbound m =
        new Outbound(
            UUID.randomUUID().toString(),
            id,
            addressFor(id),
            "Your concern RIV-1001 was received.",
            List.of(new Outbound.Option("Yes", "yes")),
            Outbound.Lane.REPLY,
            "concern.received",
            "en");
    Promise<String> sent = Promise.promise();
    beatline.app.vertx().runOnContext(v -> channel(id).sender().send(m).onComplete(sent));
    assertThat(sent.future().await()).isNotBlank();
  }
}
