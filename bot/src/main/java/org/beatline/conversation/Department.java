package org.beatline.conversation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The department profile ({@code conversations/department.yaml}) as far as the engine reasons about
 * it; every other fact is read by flows as {@code $dept.<path>} from {@link #facts()}.
 *
 * @param languages the supported languages, in the order the language menu lists them
 * @param concernAnswerWorkingDays the answer deadline when a neighbourhood has none of its own
 * @param phoneRegion the region (ISO 3166 two letters, {@code US} when not given) in which a phone
 *     number written without its country code is read
 * @param facts the whole profile, for {@code $dept} expressions
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Department(
    String name,
    String timeZone,
    String defaultLanguage,
    List<String> languages,
    List<Neighbourhood> neighbourhoods,
    Integer concernAnswerWorkingDays,
    String phoneRegion,
    Map<String, Object> facts) {

  /** The region of phone numbers written without a country code when the profile names none. */
  public static final String DEFAULT_PHONE_REGION = "US";

  public Department {
    languages = languages == null ? List.of(defaultLanguage) : List.copyOf(languages);
    neighbourhoods = neighbourhoods == null ? List.of() : List.copyOf(neighbourhoods);
    concernAnswerWorkingDays = concernAnswerWorkingDays == null ? 2 : concernAnswerWorkingDays;
    phoneRegion =
        phoneRegion == null ? DEFAULT_PHONE_REGION : phoneRegion.strip().toUpperCase(Locale.ROOT);
    if (!phoneRegion.matches("[A-Z]{2}")) {
      throw new ConversationException(
          "department.yaml: phone_region must be a two-letter region such as US (was "
              + phoneRegion
              + ")");
    }
  }

  /** The neighbourhood with this id, or null. */
  public Neighbourhood neighbourhood(String id) {
    return neighbourhoods.stream().filter(n -> n.id().equals(id)).findFirst().orElse(null);
  }

  /**
   * The value at a dotted path of the profile ({@code oversight.name}) in the default language, or
   * null.
   */
  public Object fact(String path) {
    return fact(path, defaultLanguage);
  }

  /**
   * The value at a dotted path of the profile in {@code language}, or null. A fact may be written
   * per language, as a map from language to value ({@code name: {en: …, es: …}}): then the value in
   * {@code language}, or in the default language when it has none.
   */
  public Object fact(String path, String language) {
    Object at = facts;
    for (String part : path.split("\\.")) {
      if (!(at instanceof Map<?, ?> m)) {
        return null;
      }
      at = m.get(part);
    }
    if (perLanguage(at) && at instanceof Map<?, ?> names) {
      Object own = language == null ? null : names.get(language);
      return own != null ? own : names.get(defaultLanguage);
    }
    return at;
  }

  /** Whether {@code value} is a fact written per language: a map keyed by our languages only. */
  private boolean perLanguage(Object value) {
    return value instanceof Map<?, ?> m && !m.isEmpty() && languages.containsAll(m.keySet());
  }
}
