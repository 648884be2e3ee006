package org.beatline.nlu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Arabizi and Arabic script meet in one skeleton; unrelated words and other scripts do not. */
class SkeletonTest {
  private static long of(String text) {
    return Skeleton.hash(consonants(text).toCharArray(), consonants(text).length());
  }

  private static String consonants(String text) {
    String folded = TextFolding.fold(text);
    char[] out = new char[folded.length()];
    return new String(out, 0, Skeleton.consonants(folded, 0, folded.length(), out));
  }

  @Test
  void aWordWithLettersWrittenOnStillSharesItsConsonants() {
    // "in my complaint": Arabic script writes the preposition on, Arabizi here does not.
    assertEquals("bckt", consonants("بشكوتي"));
    assertEquals("ckt", consonants("shakwti"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "shakwa|شكوى",
        "chakwa|شكوى",
        "3ayez|عايز",
        "el rasayel|الرسايل",
        "khalas|خلاص",
        "5alas|خلاص",
        "sar8a|سرقة",
        "mo7ami|محامي",
        "9aba7|صباح",
      })
  void arabiziMeetsArabicScript(String arabizi, String arabic) {
    String word = arabizi.startsWith("el ") ? arabizi.substring(3) : arabizi;
    assertNotEquals(0, of(word));
    assertEquals(of(arabic), of(word));
  }

  @Test
  void differentWordsAndOtherScriptsStayApart() {
    assertNotEquals(of("shakwa"), of("shorta"));
    assertNotEquals(of("شكوى"), of("شرطة"));
    assertEquals(0, of("投诉"));
    assertEquals(0, of("ရဲ"));
    assertEquals(0, of("ya"), "one consonant is no skeleton");
  }
}
