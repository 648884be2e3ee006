package org.beatline.nlu;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.beatline.message.Understanding;
import org.beatline.message.Understood;
import org.beatline.message.Understood.Alternative;

/**
 * Beatline's understanding of residents' messages: Zawgyi conversion, language detection, intent
 * classification and the emergency safety net, trained at startup from {@code conversations/}.
 * Pure, synchronous and safe to share between threads.
 */
public final class Nlu implements Understanding {
  /**
   * A guess in another language than the contact's needs this confidence to win; weaker guesses
   * give way to the contact's language. Under cross-validation about 97% of guesses this sure were
   * right.
   */
  public static final double SWITCH_CONFIDENCE = 0.85;

  /**
   * Scales the classifier's scores before the softmax. Under cross-validation answers given 0.5 to
   * 0.6 were right 78% of the time, 0.6 to 0.7 87% and 0.9 or more 99.5%, so the engine's {@code
   * confident: 0.6} acts only on answers right about nine times in ten.
   */
  private static final double SHARPNESS = 1.25;

  /** How many alternatives after the likeliest intent are reported. */
  static final int ALTERNATIVES = 3;

  private final Set<String> languages;
  private final LanguageDetector detector;
  private final IntentModel intents;
  private final SafetyNet safety;
  private final OrdinaryWords ordinary;

  private Nlu(
      Set<String> languages,
      LanguageDetector detector,
      IntentModel intents,
      SafetyNet safety,
      OrdinaryWords ordinary) {
    this.languages = languages;
    this.detector = detector;
    this.intents = intents;
    this.safety = safety;
    this.ordinary = ordinary;
  }

  /**
   * Reads {@code conversationsDir/intents/*.yaml} and {@code cues/*.yaml} and trains every model.
   * Preparing the Zawgyi converter, reading OpenNLP's stock language model, training the language
   * detector and reading the cues run on a second thread while the intent model trains, so startup
   * takes about as long as reading the examples and training the intent model.
   */
  public static Nlu train(Path conversationsDir) {
    return train(conversationsDir, conversationsDir.resolveSibling("translations"));
  }

  /**
   * The same, with the catalogues of {@code translationsDir}: what the bot asks residents to type
   * (answer words, option labels) and the neighbourhoods' names never raise the alarm alone.
   */
  public static Nlu train(Path conversationsDir, Path translationsDir) {
    return train(conversationsDir, translationsDir, null);
  }

  /**
   * The same, keeping the trained intent model in {@code modelCache} (null: nowhere) and reading it
   * from there at the next start when the examples are the same.
   */
  public static Nlu train(Path conversationsDir, Path translationsDir, Path modelCache) {
    CompletableFuture<OrdinaryWords> ordinary =
        CompletableFuture.supplyAsync(() -> OrdinaryWords.read(conversationsDir, translationsDir));
    Nlu nlu = trainFrom(conversationsDir, modelCache);
    return new Nlu(nlu.languages, nlu.detector, nlu.intents, nlu.safety, join(ordinary));
  }

  private static Nlu trainFrom(Path conversationsDir, Path modelCache) {
    Logging.quietOpenNlp();
    List<String> names = ExampleFiles.languages(conversationsDir);
    CompletableFuture<StockLanguageModel> stock =
        CompletableFuture.supplyAsync(
            () -> {
              Zawgyi.load();
              return StockLanguageModel.load(names);
            });
    List<LanguageExamples> all = ExampleFiles.read(conversationsDir);
    return train(
        all,
        CompletableFuture.supplyAsync(() -> ExampleFiles.cues(conversationsDir, all)),
        stock,
        modelCache);
  }

  /** Trains on {@code all} with the cues and stock model already read. */
  static Nlu train(
      List<LanguageExamples> all, Map<String, EmergencyCues> cues, StockLanguageModel stock) {
    return train(
        all,
        CompletableFuture.completedFuture(cues),
        CompletableFuture.completedFuture(stock),
        null);
  }

  private static Nlu train(
      List<LanguageExamples> all,
      CompletableFuture<Map<String, EmergencyCues>> cues,
      CompletableFuture<StockLanguageModel> stock,
      Path modelCache) {
    Logging.quietOpenNlp();
    CompletableFuture<LanguageDetector> detector =
        stock.thenApplyAsync(model -> LanguageDetector.train(all, model));
    CompletableFuture<SafetyNet> safety = cues.thenApplyAsync(c -> new SafetyNet(all, c));
    Set<String> languages = new LinkedHashSet<>();
    List<Example> examples = new ArrayList<>();
    for (LanguageExamples l : all) {
      languages.add(l.language());
      examples.addAll(l.examples());
    }
    // One model for all languages measured better than one per language (77% against 71% under
    // cross-validation): residents mix English words into every language, and the examples of
    // all languages reinforce each other.
    IntentModel intents = IntentModel.trainedOrKept(examples, SHARPNESS, modelCache);
    return new Nlu(languages, join(detector), intents, join(safety), OrdinaryWords.none());
  }

  private static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  /** The supported languages, as named by their example files. */
  public Set<String> languages() {
    return languages;
  }

  @Override
  public Understood understand(String text, String contactLanguage) {
    String unicode = Zawgyi.toUnicode(text == null ? "" : text);
    String folded = TextFolding.fold(unicode);
    LanguageGuess guess = language(unicode, folded, contactLanguage);
    IntentScores scores = intents.scores(Features.of(folded));
    boolean emergency = emergency(guess.language(), folded, scores);
    List<Alternative> best = ranked(scores, emergency);
    Alternative top = best.isEmpty() ? null : best.get(0);
    List<Alternative> rest = best.isEmpty() ? List.of() : best.subList(1, best.size());
    return new Understood(
        unicode,
        guess.language(),
        guess.confidence(),
        top == null ? null : top.intent(),
        top == null ? 0 : top.confidence(),
        rest,
        emergency);
  }

  /**
   * The likeliest intents, best first, as the safety net decided: {@code emergency} first when it
   * raised the alarm, and not at all when it did not, so that the intent never contradicts the
   * alarm.
   */
  static List<Alternative> ranked(IntentScores scores, boolean emergency) {
    List<Alternative> best = new ArrayList<>(scores.best(2 + ALTERNATIVES));
    best.removeIf(a -> a.intent().equals(SafetyNet.EMERGENCY));
    if (emergency) {
      best.add(0, new Alternative(SafetyNet.EMERGENCY, scores.probability(SafetyNet.EMERGENCY)));
    }
    return best.size() > 1 + ALTERNATIVES ? best.subList(0, 1 + ALTERNATIVES) : best;
  }

  /**
   * The safety net's decision: never on a whole message the bot asked for (an answer word, an
   * option, a neighbourhood); on a message that names a neighbourhood, only when it alarms with the
   * name taken out too, so that a name is not read as danger ("Northgate", whose Burmese name holds
   * "door") and the danger of "shots fired in Eastside" stays.
   */
  private boolean emergency(String language, String folded, IntentScores scores) {
    if (ordinary.isOrdinary(folded)) {
      return false;
    }
    String masked = ordinary.withoutPlaces(folded);
    if (masked == null) {
      return safety.emergency(language, folded, scores);
    }
    if (!safety.emergency(language, folded, scores)) {
      return false;
    }
    // A danger phrase that holds a name stays danger: the Somali river, webiga, in "webiga ku
    // dhacay" (fell in the river).
    String phrase = safety.phrase(folded);
    if (phrase != null && !ordinary.isPlace(phrase)) {
      return true;
    }
    return !masked.isBlank()
        && safety.emergency(language, masked, intents.scores(Features.of(masked)));
  }

  /** Whether the classifier alone, without the danger phrases, would raise the alarm. */
  boolean alarmedByClassifier(String text) {
    String folded = TextFolding.fold(Zawgyi.toUnicode(text));
    LanguageGuess guess = language(Zawgyi.toUnicode(text), folded, null);
    return safety.byClassifier(guess.language(), folded, intents.scores(Features.of(folded)));
  }

  /**
   * Why the safety net decided as it did on {@code text}: the emergency probability, the danger
   * phrase found and the cue that took the message out of the present; for evaluation reports.
   */
  String why(String text) {
    String unicode = Zawgyi.toUnicode(text);
    String folded = TextFolding.fold(unicode);
    LanguageGuess guess = language(unicode, folded, null);
    if (ordinary.isOrdinary(folded)) {
      return "an ordinary answer";
    }
    String masked = ordinary.withoutPlaces(folded);
    String read = masked == null ? folded : masked;
    return safety.why(guess.language(), read, intents.scores(Features.of(read)))
        + (masked == null ? "" : ", without the place names: \"" + masked + "\"");
  }

  private LanguageGuess language(String unicode, String folded, String contactLanguage) {
    LanguageGuess guess = detector.detect(unicode, folded);
    if (contactLanguage == null
        || !languages.contains(contactLanguage)
        || guess.language().equals(contactLanguage)
        || guess.confidence() >= SWITCH_CONFIDENCE) {
      return guess;
    }
    return new LanguageGuess(
        contactLanguage, guess.probability(contactLanguage), guess.probabilities());
  }
}
