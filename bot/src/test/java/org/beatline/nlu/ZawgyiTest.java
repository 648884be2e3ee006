package org.beatline.nlu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.myanmartools.TransliterateU2Z;
import com.google.myanmartools.ZawgyiDetector;
import java.util.ArrayList;
import java.util.List;
import org.beatline.message.Understood;
import org.junit.jupiter.api.Test;

/** Burmese typed in the Zawgyi encoding is converted to Unicode first, then understood alike. */
class ZawgyiTest {
  /** The title of the Universal Declaration of Human Rights, as published in Zawgyi. */
  private static final String UDHR_ZAWGYI = "အျပည္ျပည္ဆိုင္ရာ လူ႕အခြင့္အေရး ေၾကညာစာတမ္း";

  private static final String UDHR_UNICODE = "အပြည်ပြည်ဆိုင်ရာ လူ့အခွင့်အရေး ကြေညာစာတမ်း";

  private static final ZawgyiDetector DETECTOR = new ZawgyiDetector();

  @Test
  void aPublishedZawgyiSentenceIsDetectedAndConverted() {
    assertTrue(DETECTOR.getZawgyiProbability(UDHR_ZAWGYI) > 0.99);
    assertTrue(DETECTOR.getZawgyiProbability(UDHR_UNICODE) < 0.01);
    Understood u = TrainedNlu.get().understand(UDHR_ZAWGYI, null);
    assertEquals(UDHR_UNICODE, u.text());
    assertEquals("my", u.language());
  }

  @Test
  void unicodeBurmeseIsLeftAlone() {
    for (String text : List.of("နောက်အစည်းအဝေး ဘယ်တော့လဲ", "ဒါဘာလဲ")) {
      assertEquals(text, TrainedNlu.get().understand(text, null).text());
    }
  }

  @Test
  void heldOutBurmeseTypedInZawgyiIsUnderstoodAsInUnicode() {
    TransliterateU2Z toZawgyi = new TransliterateU2Z("test");
    List<String> differing = new ArrayList<>();
    int tried = 0;
    for (Example e : TrainedNlu.eval("my")) {
      String zawgyi = toZawgyi.convert(e.text());
      if (zawgyi.equals(e.text()) || DETECTOR.getZawgyiProbability(zawgyi) < Zawgyi.THRESHOLD) {
        continue; // romanised, or too short to tell apart: not a Zawgyi test case
      }
      tried++;
      Understood fromUnicode = TrainedNlu.get().understand(e.text(), null);
      Understood fromZawgyi = TrainedNlu.get().understand(zawgyi, null);
      assertTrue(!fromZawgyi.text().equals(zawgyi), () -> "not converted: " + zawgyi);
      assertEquals("my", fromZawgyi.language(), zawgyi);
      assertEquals(fromUnicode.emergency(), fromZawgyi.emergency(), zawgyi);
      if (!fromUnicode.intent().equals(fromZawgyi.intent())) {
        differing.add(e.text());
      }
    }
    assertTrue(tried >= 60, "too few Zawgyi test sentences: " + tried);
    assertTrue(differing.size() <= tried / 20, () -> "understood otherwise: " + differing);
  }
}
