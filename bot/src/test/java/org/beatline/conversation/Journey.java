package org.beatline.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a resident's journey came to, gathered from the effects of every turn: the concerns created,
 * subscriptions held, survey answers recorded, sign-ups, questions handed to a person and the
 * contact's language and neighbourhood; and the check of a script's {@code outcome} against it.
 */
final class Journey {
  private static final ObjectMapper JSON =
      new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

  private final List<Effect> effects = new ArrayList<>();

  void add(List<Effect> turn) {
    effects.addAll(turn);
  }

  /**
   * Checks {@code outcome}: {@code concern}, {@code enrolled}, {@code handoff} (the last such
   * effect has these fields, or {@code none}), {@code concerns} (how many were created), {@code
   * subscriptions} (every {@code topic|neighbourhood} held at the end), {@code answers} (every
   * survey answer, as {@code survey.question: value}), {@code completed}, {@code declined} (survey
   * ids), {@code feedback} ({@code yes} or {@code no}), {@code language} and {@code neighbourhood}
   * (as stored at the end).
   */
  void check(String where, Map<String, Object> outcome, Facts end) {
    for (var e : outcome.entrySet()) {
      String what = where + ": outcome " + e.getKey();
      Object want = e.getValue();
      switch (e.getKey()) {
        case "concern" -> last(what, Effect.CreateConcern.class, want);
        case "enrolled" -> last(what, Effect.Enroll.class, want);
        case "handoff" -> last(what, Effect.Handoff.class, want);
        case "concerns" ->
            assertEquals(want, all(Effect.CreateConcern.class).size(), what + " " + effects);
        case "subscriptions" ->
            assertEquals(
                new TreeSet<>(strings(want)),
                new TreeSet<>(
                    end.subscriptions().stream()
                        .map(s -> s.topic() + "|" + s.neighbourhood())
                        .toList()),
                what);
        case "answers" -> assertEquals(new TreeMap<>(stringMap(want)), answers(), what);
        case "completed" ->
            assertEquals(
                strings(want),
                all(Effect.CompleteSurvey.class).stream().map(c -> c.surveyId()).toList(),
                what);
        case "declined" ->
            assertEquals(
                strings(want),
                all(Effect.DeclineSurvey.class).stream().map(c -> c.surveyId()).toList(),
                what);
        case "feedback" -> {
          var all = all(Effect.AnswerFeedback.class);
          assertEquals(
              want,
              all.isEmpty() ? "none" : all.get(all.size() - 1).helpful() ? "yes" : "no",
              what);
        }
        case "language" -> assertEquals(want, end.language(), what);
        case "neighbourhood" -> assertEquals(want, String.valueOf(end.neighbourhood()), what);
        default -> fail(what + ": no such outcome");
      }
    }
  }

  private <T extends Effect> void last(String what, Class<T> type, Object want) {
    List<T> all = all(type);
    if ("none".equals(want)) {
      assertEquals(List.of(), all, what);
      return;
    }
    if (all.isEmpty()) {
      fail(what + ": none happened; effects were " + effects);
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> got = JSON.convertValue(all.get(all.size() - 1), Map.class);
    stringMap(want).forEach((k, v) -> assertEquals(v, String.valueOf(got.get(k)), what + " " + k));
  }

  private <T extends Effect> List<T> all(Class<T> type) {
    return effects.stream().filter(type::isInstance).map(type::cast).toList();
  }

  private Map<String, String> answers() {
    Map<String, String> out = new TreeMap<>();
    for (Effect e : effects) {
      if (e instanceof Effect.RecordAnswer a) {
        out.put(a.surveyId() + "." + a.questionId(), a.value());
      }
    }
    return out;
  }

  private static List<String> strings(Object v) {
    return v instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
  }

  private static Map<String, String> stringMap(Object v) {
    Map<String, String> out = new LinkedHashMap<>();
    if (v instanceof Map<?, ?> m) {
      m.forEach((k, x) -> out.put(String.valueOf(k), String.valueOf(x)));
    }
    return out;
  }
}
