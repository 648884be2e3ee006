package org.beatline.message;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * What Beatline understood of a message: its language, its likeliest intent (named as in the intent
 * catalogue) and whether it may describe danger now.
 *
 * @param text the message as the rest of the pipeline should read it (Zawgyi converted to Unicode)
 * @param language one of the supported languages, never null
 * @param languageConfidence 0..1; low for short or mixed messages
 * @param intent the likeliest intent, or null when nothing was understood
 * @param confidence 0..1 for {@code intent}
 * @param alternatives the next likeliest intents, best first
 * @param emergency whether the message may describe danger now
 */
public record Understood(
    String text,
    String language,
    double languageConfidence,
    String intent,
    double confidence,
    List<Alternative> alternatives,
    boolean emergency) {

  /** The intent of a message that may describe danger now, as named in the intent catalogue. */
  public static final String EMERGENCY = "emergency";

  public Understood {
    alternatives = alternatives == null ? List.of() : List.copyOf(alternatives);
  }

  /** The parse as the API, the simulator and the command line show it. */
  public JsonObject toJson() {
    JsonArray alts = new JsonArray();
    alternatives.forEach(
        a ->
            alts.add(new JsonObject().put("intent", a.intent()).put("confidence", a.confidence())));
    return new JsonObject()
        .put("language", language)
        .put("intent", intent)
        .put("confidence", confidence)
        .put("alternatives", alts)
        .put("emergency", emergency);
  }

  /** Another intent the message may mean. */
  public record Alternative(String intent, double confidence) {}
}
