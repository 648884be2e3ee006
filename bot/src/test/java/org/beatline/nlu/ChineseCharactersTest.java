package org.beatline.nlu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.ibm.icu.text.Transliterator;
import com.ibm.icu.text.UnicodeSet;
import com.ibm.icu.util.LocaleData;
import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The table of Traditional and Simplified characters is ICU's, and reads messages as it should. */
class ChineseCharactersTest {
  @Test
  void theTableIsWhatIcuConverts() throws IOException {
    String expected = table();
    String shipped;
    try (InputStream in =
        getClass().getClassLoader().getResourceAsStream(ChineseCharacters.RESOURCE)) {
      shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (!expected.equals(shipped)) {
      Path written = Path.of("target", ChineseCharacters.RESOURCE);
      Files.writeString(written, expected);
      assertEquals(expected, shipped, "ICU's conversion changed; the new table is in " + written);
    }
  }

  @ParameterizedTest
  @CsvSource({"我媽媽暈倒了, 我妈妈晕倒了", "點樣投訴警察, 点样投诉警察", "警察, 警察", "后面, 后面", "一䷀二, 一 ䷀ 二"})
  void traditionalCharactersFoldToSimplified(String traditional, String simplified) {
    assertEquals(simplified, TextFolding.fold(traditional));
  }

  @ParameterizedTest
  @CsvSource({
    "我媽媽暈低咗叫唔醒, true",
    "點樣投訴警察, true",
    "我妈妈晕低咗叫唔醒, true",
    "點樣投訴, true",
    "怎么投诉警察, false",
    "我妈妈晕倒了, false",
    "你好, false",
  })
  void traditionalAndCantoneseWritingLeanToTraditional(String text, boolean traditional) {
    assertEquals(traditional, ChineseCharacters.traditionalLean(text) > 0, text);
  }

  @Test
  void charactersBothWritingsUseShowNeither() {
    assertEquals(0, ChineseCharacters.traditionalLean("你好警察后面只有"));
    assertEquals(1, ChineseCharacters.traditionalLean("你們"));
    assertEquals(-1, ChineseCharacters.traditionalLean("你们"));
    assertEquals(-1, ChineseCharacters.traditionalLean("谢谢"), "a character counts once");
    assertEquals(2, ChineseCharacters.traditionalLean("咗"), "a Cantonese character counts twice");
  }

  /**
   * The table as ICU gives it: every Traditional character of the range that Hant-Hans changes,
   * with its Simplified form; those of them CLDR lists among Simplified Chinese characters; and the
   * characters Hans-Hant changes that CLDR does not list among Traditional ones.
   */
  static String table() {
    Transliterator toSimplified = Transliterator.getInstance("Hant-Hans");
    Transliterator toTraditional = Transliterator.getInstance("Hans-Hant");
    UnicodeSet simplifiedUse = exemplars("zh");
    UnicodeSet traditionalUse = exemplars("zh-Hant");
    StringBuilder pairs = new StringBuilder();
    StringBuilder shared = new StringBuilder();
    StringBuilder simplifiedOnly = new StringBuilder();
    for (int cp = ChineseCharacters.FIRST; cp <= ChineseCharacters.LAST; cp++) {
      if (Character.UnicodeScript.of(cp) != Character.UnicodeScript.HAN) {
        continue;
      }
      String c = Character.toString(cp);
      String s = toSimplified.transliterate(c);
      if (!s.equals(c) && s.length() == 1 && s.charAt(0) >= ChineseCharacters.FIRST) {
        pairs.append(c).append(s);
        if (simplifiedUse.contains(cp)) {
          shared.append(c);
        }
      }
      if (!toTraditional.transliterate(c).equals(c) && !traditionalUse.contains(cp)) {
        simplifiedOnly.append(c);
      }
    }
    return "# Written by ChineseCharactersTest from ICU "
        + com.ibm.icu.util.VersionInfo.ICU_VERSION
        + " (Hant-Hans, Hans-Hant, CLDR exemplar characters); not edited by hand.\n"
        + "traditional "
        + pairs
        + "\nshared "
        + shared
        + "\nsimplified "
        + simplifiedOnly
        + "\n";
  }

  private static UnicodeSet exemplars(String tag) {
    ULocale locale = ULocale.forLanguageTag(tag);
    return new UnicodeSet(LocaleData.getExemplarSet(locale, 0, LocaleData.ES_STANDARD))
        .addAll(LocaleData.getExemplarSet(locale, 0, LocaleData.ES_AUXILIARY));
  }
}
