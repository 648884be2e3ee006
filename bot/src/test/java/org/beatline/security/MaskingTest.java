package org.beatline.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.beatline.message.Masking;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Numbers and e-mail addresses inside free text are masked in every script residents write. */
class MaskingTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "call me on +1 (555) 010-0199 please",
        "my number is 555/123/4567",
        "رقمي ٥٥٥١٢٣٤٥٦٧ شكرا",
        "ဖုန်း ၀၉၄၅၆၇၈၉၀၁ ပါ",
        "电话：５５５１２３４５６７",
        "gọi 0912.345.678 nhé",
        "The 'To' number +15559990000 is not a valid phone number."
      })
  void phoneNumbersAreMaskedInAnyScript(String text) {
    String masked = Masking.text(text);
    assertThat(masked).contains("***");
    assertThat(masked.codePoints().filter(Character::isDigit).count()).isLessThan(3);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "write to john.doe@example.com",
        "john.doe at example dot com",
        "maria (at) correo (dot) mx"
      })
  void emailAddressesAreMaskedAsPeopleWriteThem(String text) {
    assertThat(Masking.text(text))
        .contains("***@***")
        .doesNotContain("example")
        .doesNotContain("correo");
  }

  @Test
  void ordinaryWordsAndShortNumbersStay() {
    assertThat(Masking.text("I live at Oak Street, 3 cars race at 2am"))
        .isEqualTo("I live at Oak Street, 3 cars race at 2am");
  }
}
