package org.beatline.nlu;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;

/**
 * OpenNLP's stock 103-language detector, restricted to the languages Beatline supports. Only the
 * weights of our languages are kept, so a short message cannot be taken for Minangkabau or Waray,
 * and scoring costs four sums instead of a hundred.
 */
final class StockLanguageModel {
  static final String RESOURCE = "langdetect-183.bin";

  /** Where the stock model's ISO 639-3 codes differ from what {@link Locale} answers. */
  private static final Map<String, String> MODEL_CODES = Map.of("zho", "cmn", "fas", "pes");

  private final Map<String, float[]> weights;
  private final boolean[] known;

  private StockLanguageModel(Map<String, float[]> weights, boolean[] known) {
    this.weights = weights;
    this.known = known;
  }

  /** Reads the stock model from the classpath. It takes most of a second: call it once. */
  static LanguageDetectorModel load() {
    try (InputStream in = StockLanguageModel.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the stock language model " + RESOURCE + " is missing");
      }
      return new LanguageDetectorModel(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the stock language model", e);
    }
  }

  /**
   * The weights of {@code languages} (ISO 639-1, as in our file names) in {@code model}; a language
   * the stock model does not know scores zero.
   */
  static StockLanguageModel restrict(LanguageDetectorModel model, List<String> languages) {
    AbstractModel maxent = (AbstractModel) model.getMaxentModel();
    Object[] data = maxent.getDataStructures();
    @SuppressWarnings("unchecked")
    Map<String, Context> predicates = (Map<String, Context>) data[1];
    String[] outcomes = (String[]) data[2];
    List<String> codes = languages.stream().map(StockLanguageModel::modelCode).toList();
    int[] slot = new int[outcomes.length];
    boolean[] known = new boolean[languages.size()];
    for (int o = 0; o < outcomes.length; o++) {
      slot[o] = codes.indexOf(outcomes[o]);
      if (slot[o] >= 0) {
        known[slot[o]] = true;
      }
    }
    Map<String, float[]> weights = new HashMap<>();
    for (Map.Entry<String, Context> e : predicates.entrySet()) {
      int[] os = e.getValue().getOutcomes();
      double[] ps = e.getValue().getParameters();
      float[] w = null;
      for (int k = 0; k < os.length; k++) {
        if (slot[os[k]] >= 0) {
          w = w == null ? new float[languages.size()] : w;
          w[slot[os[k]]] = (float) ps[k];
        }
      }
      if (w != null) {
        weights.put(e.getKey(), w);
      }
    }
    return new StockLanguageModel(weights, known);
  }

  /** Whether the stock model knows the {@code l}th language it was restricted to. */
  boolean knows(int l) {
    return known[l];
  }

  /**
   * Adds the stock model's log-score of each language for {@code lower} (lower case, accents kept,
   * symbols as spaces) to {@code scores}, from its character 1- to 3-grams as the model was
   * trained.
   */
  void score(String lower, double[] scores) {
    int n = lower.length();
    for (int len = 1; len <= 3; len++) {
      for (int i = 0; i + len <= n; i++) {
        float[] w = weights.get(lower.substring(i, i + len));
        if (w != null) {
          for (int l = 0; l < w.length; l++) {
            scores[l] += w[l];
          }
        }
      }
    }
  }

  /** Lower case with accents kept and every non-letter a single space, as the stock model read. */
  static String lowerLetters(String text) {
    StringBuilder b = new StringBuilder(text.length() + 2);
    b.append(' ');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isLetter(c) || Character.getType(c) == Character.NON_SPACING_MARK) {
        b.append(Character.toLowerCase(c));
      } else if (b.charAt(b.length() - 1) != ' ') {
        b.append(' ');
      }
    }
    if (b.charAt(b.length() - 1) != ' ') {
      b.append(' ');
    }
    return b.toString();
  }

  private static String modelCode(String language) {
    String iso3 = Locale.forLanguageTag(language).getISO3Language();
    return MODEL_CODES.getOrDefault(iso3, iso3);
  }
}
