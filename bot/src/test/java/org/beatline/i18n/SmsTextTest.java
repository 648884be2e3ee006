package org.beatline.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SmsTextTest {
  @Test
  void gsmTextFits160InOneSegment() {
    assertThat(SmsText.segments("a".repeat(160))).isEqualTo(1);
    assertThat(SmsText.segments("a".repeat(161))).isEqualTo(2);
    assertThat(SmsText.segments("a".repeat(306))).isEqualTo(2);
    assertThat(SmsText.segments("a".repeat(307))).isEqualTo(3);
  }

  @Test
  void extensionCharactersCountTwice() {
    assertThat(SmsText.isGsm7("{€}")).isTrue();
    assertThat(SmsText.units("{€}", true)).isEqualTo(6);
    assertThat(SmsText.segments("€".repeat(81))).isEqualTo(2);
  }

  @Test
  void anyNonGsmCharacterForcesUcs2() {
    assertThat(SmsText.isGsm7("Tiếng Việt")).isFalse();
    assertThat(SmsText.isGsm7("it’s")).isFalse();
    assertThat(SmsText.segments("ế".repeat(70))).isEqualTo(1);
    assertThat(SmsText.segments("ế".repeat(71))).isEqualTo(2);
  }

  @Test
  void splitsAtWordBoundaries() {
    String text = ("reunion " + "x".repeat(10) + " ").repeat(20).strip();
    List<String> parts = SmsText.split(text);
    assertThat(parts).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(153));
    assertThat(String.join(" ", parts)).isEqualTo(text);
    assertThat(parts).allSatisfy(p -> assertThat(p).doesNotStartWith(" ").doesNotEndWith(" "));
  }

  @Test
  void ucs2PartsHold67AndNeverSplitASurrogatePair() {
    String text = "😀".repeat(100);
    List<String> parts = SmsText.split(text);
    assertThat(parts)
        .allSatisfy(
            p -> {
              assertThat(p.length()).isLessThanOrEqualTo(67);
              assertThat(Character.isLowSurrogate(p.charAt(0))).isFalse();
            });
    assertThat(String.join("", parts)).isEqualTo(text);
  }

  @Test
  void atMostTenPartsWithAnEllipsis() {
    List<String> parts = SmsText.split("lorem ipsum ".repeat(400));
    assertThat(parts).hasSize(SmsText.MAX_PARTS);
    assertThat(parts.get(9)).endsWith("...");
    assertThat(parts.get(9).length()).isLessThanOrEqualTo(153);
  }

  @Test
  void shortTextIsOnePart() {
    assertThat(SmsText.split("Hola")).containsExactly("Hola");
  }
}
