package org.beatline.meeting;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.beatline.conversation.Facts;

/**
 * A police-community meeting, forum or academy session as the department schedules it.
 *
 * @param kind {@code meeting}, {@code forum} or {@code academy}
 * @param neighbourhood the neighbourhood id, or null for a city-wide event
 * @param minutes how long it lasts
 * @param titles the title per language (the department's default language at least)
 * @param details more about it per language, or empty
 * @param topic for a forum, what it is about (a technology the department is considering), or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Meeting(
    String id,
    String kind,
    String neighbourhood,
    Instant start,
    Integer minutes,
    String place,
    Map<String, String> titles,
    Map<String, String> details,
    String topic) {

  /** How long a meeting lasts when nobody said. */
  public static final int DEFAULT_MINUTES = 90;

  public Meeting {
    kind = kind == null ? "meeting" : kind;
    minutes = minutes == null ? DEFAULT_MINUTES : minutes;
    titles = titles == null ? Map.of() : Map.copyOf(titles);
    details = details == null ? Map.of() : Map.copyOf(details);
  }

  public Instant end() {
    return start.plus(Duration.ofMinutes(minutes));
  }

  /** The meeting as the conversation engine reads it, with the link to its calendar file. */
  public Facts.Meeting view(String ics) {
    return new Facts.Meeting(id, kind, neighbourhood, start, place, titles, ics);
  }
}
