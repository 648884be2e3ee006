package org.beatline.conversation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/**
 * A neighbourhood of the department profile: its names in each language, the other names and ZIP
 * codes residents use for it, and the liaison officer who answers its concerns.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Neighbourhood(
    String id,
    Map<String, String> names,
    List<String> aliases,
    List<String> zips,
    Liaison liaison) {

  public Neighbourhood {
    names = names == null ? Map.of() : Map.copyOf(names);
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
    zips = zips == null ? List.of() : List.copyOf(zips);
  }

  /** Its name in {@code language}, or in {@code fallback}, or its id. */
  public String name(String language, String fallback) {
    return names.getOrDefault(language, names.getOrDefault(fallback, id));
  }

  /**
   * The liaison officer assigned to the neighbourhood.
   *
   * @param officer the officer's name and rank as residents see it
   * @param answerWorkingDays how many working days they take at most to answer a concern
   * @param backup who takes over when the deadline passes
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Liaison(String officer, Integer answerWorkingDays, String backup) {}
}
