package org.beatline.nlu;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.TreeMap;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;

/**
 * OpenNLP's stock 103-language detector, restricted to the languages Beatline supports. Only the
 * weights of our languages are kept, so a short message cannot be taken for Minangkabau or Waray,
 * and scoring costs four sums instead of a hundred.
 *
 * <p>Reading the stock model takes most of a second of startup, so the build restricts it to the
 * languages of {@code conversations/intents/} once ({@link StockLanguageModelBuild}) and packages
 * the result; the stock model is read only when the conversations name a language the packaged
 * weights lack.
 */
final class StockLanguageModel {
  static final String RESOURCE = "langdetect-183.bin";

  /** The stock model restricted to the shipped languages, written at build time. */
  static final String RESTRICTED = "langdetect-restricted.bin";

  private static final int FORMAT = 1;

  /** Where the stock model's ISO 639-3 codes differ from what {@link Locale} answers. */
  private static final Map<String, String> MODEL_CODES = Map.of("zho", "cmn", "fas", "pes");

  private final List<String> languages;
  private final Map<String, float[]> weights;
  private final boolean[] known;

  private StockLanguageModel(
      List<String> languages, Map<String, float[]> weights, boolean[] known) {
    this.languages = languages;
    this.weights = weights;
    this.known = known;
  }

  /**
   * The stock model's weights for at least {@code languages} (ISO 639-1, as in our file names), to
   * be narrowed with {@link #restrict(List)}: the packaged weights when they cover them all, else
   * read from the stock model, which takes most of a second.
   */
  static StockLanguageModel load(Collection<String> languages) {
    StockLanguageModel packaged = readRestricted();
    if (packaged != null && packaged.languages.containsAll(languages)) {
      return packaged;
    }
    return restrict(readStock(), List.copyOf(languages));
  }

  /** Reads the stock model from the classpath. */
  static LanguageDetectorModel readStock() {
    try (InputStream in = StockLanguageModel.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "the conversations name a language this build's packaged weights lack, and the stock"
                + " language model "
                + RESOURCE
                + " is missing (the slim jar leaves it out): rebuild with the language in"
                + " conversations/, or run beatline.jar");
      }
      return new LanguageDetectorModel(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the stock language model", e);
    }
  }

  /** The weights of {@code languages} in {@code model}; a language it does not know scores zero. */
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
    return new StockLanguageModel(List.copyOf(languages), weights, known);
  }

  /** These weights narrowed to {@code names}, which must be among this model's languages. */
  StockLanguageModel restrict(List<String> names) {
    int[] column = names.stream().mapToInt(languages::indexOf).toArray();
    boolean[] knows = new boolean[column.length];
    for (int l = 0; l < column.length; l++) {
      if (column[l] < 0) {
        throw new IllegalArgumentException(names.get(l) + " is not among " + languages);
      }
      knows[l] = known[column[l]];
    }
    Map<String, float[]> narrowed = new HashMap<>();
    weights.forEach(
        (gram, w) -> {
          float[] v = new float[column.length];
          boolean any = false;
          for (int l = 0; l < column.length; l++) {
            v[l] = w[column[l]];
            any |= v[l] != 0;
          }
          if (any) {
            narrowed.put(gram, v);
          }
        });
    return new StockLanguageModel(List.copyOf(names), narrowed, knows);
  }

  /** The packaged restricted weights, or null when this build has none. */
  private static StockLanguageModel readRestricted() {
    InputStream resource =
        StockLanguageModel.class.getClassLoader().getResourceAsStream(RESTRICTED);
    if (resource == null) {
      return null;
    }
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(resource, 1 << 16))) {
      if (in.readInt() != FORMAT) {
        return null;
      }
      int n = in.readInt();
      List<String> languages = new ArrayList<>(n);
      boolean[] known = new boolean[n];
      for (int l = 0; l < n; l++) {
        languages.add(in.readUTF());
        known[l] = in.readBoolean();
      }
      int grams = in.readInt();
      Map<String, float[]> weights = new HashMap<>(grams * 4 / 3 + 1);
      for (int g = 0; g < grams; g++) {
        String gram = in.readUTF();
        float[] w = new float[n];
        for (int l = 0; l < n; l++) {
          w[l] = in.readFloat();
        }
        weights.put(gram, w);
      }
      return new StockLanguageModel(List.copyOf(languages), weights, known);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESTRICTED, e);
    }
  }

  private void write(DataOutputStream out) throws IOException {
    out.writeInt(FORMAT);
    out.writeInt(languages.size());
    for (int l = 0; l < languages.size(); l++) {
      out.writeUTF(languages.get(l));
      out.writeBoolean(known[l]);
    }
    out.writeInt(weights.size());
    for (Map.Entry<String, float[]> e : new TreeMap<>(weights).entrySet()) {
      out.writeUTF(e.getKey());
      for (float w : e.getValue()) {
        out.writeFloat(w);
      }
    }
  }

  /**
   * Restricts the stock model to the languages of {@code conversationsDir} and writes the weights
   * to {@code target}, where {@link #load} finds them when it is on the classpath as {@link
   * #RESTRICTED}.
   */
  static void writeRestricted(Path conversationsDir, Path target) throws IOException {
    List<String> languages = ExampleFiles.languages(conversationsDir);
    Files.createDirectories(target.toAbsolutePath().getParent());
    try (DataOutputStream out =
        new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(target)))) {
      restrict(readStock(), languages).write(out);
    }
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

  /** The stock model's name of {@code language}; a code no locale knows stays as it is. */
  private static String modelCode(String language) {
    try {
      String iso3 = Locale.forLanguageTag(language).getISO3Language();
      return MODEL_CODES.getOrDefault(iso3, iso3);
    } catch (MissingResourceException e) {
      return language;
    }
  }
}
