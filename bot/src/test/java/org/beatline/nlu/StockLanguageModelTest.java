package org.beatline.nlu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The weights the build packages are the stock model's, restricted; a language they lack sends
 * startup back to the stock model.
 */
class StockLanguageModelTest {
  private static List<String> shipped;
  private static StockLanguageModel fresh;

  @BeforeAll
  static void restrictTheStockModel() {
    shipped = ExampleFiles.languages(TrainedNlu.conversations());
    fresh = StockLanguageModel.restrict(StockLanguageModel.readStock(), shipped);
  }

  private static double[] scores(StockLanguageModel model, String text, int languages) {
    double[] s = new double[languages];
    model.score(StockLanguageModel.lowerLetters(text), s);
    return s;
  }

  @Test
  void packagedWeightsScoreLikeTheStockModelRestricted() {
    assertNotNull(
        getClass().getClassLoader().getResource(StockLanguageModel.RESTRICTED),
        "the build packages the restricted weights; without them startup reads the stock model");
    StockLanguageModel packaged = StockLanguageModel.load(shipped);
    for (LanguageExamples l : ExampleFiles.read(TrainedNlu.conversations())) {
      for (String text : l.examples().stream().limit(200).map(Example::text).toList()) {
        assertArrayEquals(
            scores(fresh, text, shipped.size()),
            scores(packaged, text, shipped.size()),
            1e-6,
            text);
      }
    }
    for (int l = 0; l < shipped.size(); l++) {
      assertEquals(fresh.knows(l), packaged.knows(l), shipped.get(l));
    }
  }

  @Test
  void narrowingKeepsEachLanguagesWeights() {
    StockLanguageModel two = fresh.restrict(List.of("es", "en"));
    int es = shipped.indexOf("es");
    int en = shipped.indexOf("en");
    for (String text : List.of("hola buenas tardes", "hello officer", "xin chao")) {
      double[] all = scores(fresh, text, shipped.size());
      double[] narrowed = scores(two, text, 2);
      assertArrayEquals(new double[] {all[es], all[en]}, narrowed, 1e-6, text);
    }
    assertThrows(IllegalArgumentException.class, () -> fresh.restrict(List.of("xx")));
  }

  @Test
  void aLanguageThePackageLacksIsReadFromTheStockModel() {
    StockLanguageModel model = StockLanguageModel.load(List.of("en", "pt", "xx"));
    assertTrue(model.knows(0));
    assertTrue(model.knows(1), "the stock model knows Portuguese");
    assertFalse(model.knows(2));
    double[] s = scores(model, "obrigado pela ajuda", 3);
    assertTrue(s[1] > s[0], "Portuguese scores above English on Portuguese");
  }
}
