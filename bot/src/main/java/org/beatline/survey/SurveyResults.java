package org.beatline.survey;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a survey's anonymous responses add up to: counts and means per question, the funnel's rates,
 * breakdowns by contact type, district, language and week, and per officer only where enough people
 * answered that no one's answer can be read off (never with free text).
 */
public final class SurveyResults {
  private static final List<String> BREAKDOWNS =
      List.of("contactType", "district", "language", "week");

  private SurveyResults() {}

  public static JsonObject of(
      String survey, List<JsonObject> responses, Map<String, String> rates, int officerMinimum) {
    JsonObject out = new JsonObject().put("survey", survey).put("responses", responses.size());
    JsonObject r = new JsonObject();
    for (String step : List.of("invited", "sent", "started", "completed")) {
      r.put(step, Long.parseLong(rates.getOrDefault(step, "0")));
    }
    out.put("rates", r);
    out.put("questions", questions(responses));
    JsonObject breakdowns = new JsonObject();
    for (String by : BREAKDOWNS) {
      breakdowns.put(by, groups(responses, by, 1));
    }
    out.put("breakdowns", breakdowns);
    out.put("officers", groups(responses, "officer", officerMinimum));
    return out;
  }

  /** Per question: how many answered, how often each answer was given, and the mean of numbers. */
  static JsonObject questions(List<JsonObject> responses) {
    Map<String, Map<String, Integer>> counts = new TreeMap<>();
    for (JsonObject resp : responses) {
      JsonObject answers = resp.getJsonObject("answers", new JsonObject());
      for (String q : answers.fieldNames()) {
        counts
            .computeIfAbsent(q, k -> new TreeMap<>())
            .merge(String.valueOf(answers.getValue(q)), 1, Integer::sum);
      }
    }
    JsonObject out = new JsonObject();
    counts.forEach(
        (q, values) -> {
          int n = values.values().stream().mapToInt(Integer::intValue).sum();
          double sum = 0;
          int numeric = 0;
          for (var e : values.entrySet()) {
            try {
              sum += Double.parseDouble(e.getKey()) * e.getValue();
              numeric += e.getValue();
            } catch (NumberFormatException notANumber) {
              // yes/no and choices are counted, not averaged
            }
          }
          JsonObject j =
              new JsonObject()
                  .put("count", n)
                  .put("answers", new JsonObject(new TreeMap<>(values)));
          if (numeric == n && n > 0) {
            j.put("mean", Math.round(sum / n * 100) / 100.0);
          }
          out.put(q, j);
        });
    return out;
  }

  /** Responses grouped by one field; groups smaller than {@code minimum} are left out. */
  static JsonObject groups(List<JsonObject> responses, String field, int minimum) {
    Map<String, List<JsonObject>> by = new TreeMap<>();
    for (JsonObject resp : responses) {
      Object v = resp.getValue(field);
      if (v != null) {
        by.computeIfAbsent(String.valueOf(v), k -> new java.util.ArrayList<>()).add(resp);
      }
    }
    JsonObject out = new JsonObject();
    by.forEach(
        (value, group) -> {
          if (group.size() >= minimum) {
            out.put(
                value,
                new JsonObject().put("responses", group.size()).put("questions", questions(group)));
          }
        });
    return out;
  }
}
