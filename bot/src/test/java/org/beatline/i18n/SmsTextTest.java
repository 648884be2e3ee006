package org.beatline.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SmsTextTest {
  @Test
  void gsmTextFits160InOneSegmentAnd153PerSegmentAfter() {
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
  void anyNonGsmCharacterForcesUcs2With70And67() {
    assertThat(SmsText.isGsm7("Tiếng Việt")).isFalse();
    assertThat(SmsText.isGsm7("it’s")).isFalse();
    assertThat(SmsText.segments("ế".repeat(70))).isEqualTo(1);
    assertThat(SmsText.segments("ế".repeat(71))).isEqualTo(2);
    assertThat(SmsText.segments("ế".repeat(134))).isEqualTo(2);
    assertThat(SmsText.segments("ế".repeat(135))).isEqualTo(3);
  }

  @Test
  void textWithinTenSegmentsIsOneMessage() {
    assertThat(SmsText.split("Hola")).containsExactly("Hola");
    String long1530 = "word ".repeat(306).strip();
    assertThat(SmsText.split(long1530)).hasSize(1);
  }

  @Test
  void longerTextIsSplitAtWordBoundariesIntoMessagesOfAtMostTenSegments() {
    String text = ("reunion " + "x".repeat(10) + " ").repeat(200).strip();
    List<String> parts = SmsText.split(text);
    assertThat(parts).hasSizeGreaterThan(1);
    assertThat(parts).allSatisfy(p -> assertThat(SmsText.segments(p)).isLessThanOrEqualTo(10));
    assertThat(String.join(" ", parts)).isEqualTo(text);
  }

  @Test
  void ucs2SplitNeverBreaksASurrogatePair() {
    String text = "😀".repeat(400);
    List<String> parts = SmsText.split(text);
    assertThat(parts)
        .allSatisfy(
            p -> {
              assertThat(SmsText.segments(p)).isLessThanOrEqualTo(10);
              assertThat(Character.isLowSurrogate(p.charAt(0))).isFalse();
            });
    assertThat(String.join("", parts)).isEqualTo(text);
  }
}
