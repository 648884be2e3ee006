package org.beatline.conversation;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Carries out a step's actions: {@code set} keeps variables in the session; every other type
 * becomes the {@link Effect} of the same name, with its parameters resolved.
 */
final class Actions {
  /** The parameters each action type takes, for validation. */
  static final Map<String, Set<String>> PARAMS =
      Map.ofEntries(
          Map.entry("set_language", Set.of("language")),
          Map.entry("set_neighbourhood", Set.of("neighbourhood")),
          Map.entry("subscribe", Set.of("topic", "neighbourhood")),
          Map.entry("unsubscribe", Set.of("topic", "neighbourhood")),
          Map.entry(
              "create_concern",
              Set.of("what", "where", "neighbourhood", "contact", "detail", "category")),
          Map.entry("record_answer", Set.of("survey", "question", "value")),
          Map.entry("complete_survey", Set.of("survey")),
          Map.entry("decline_survey", Set.of("survey")),
          Map.entry("enroll", Set.of("program", "name", "neighbourhood", "interest")),
          Map.entry("answer_feedback", Set.of("intent", "helpful")),
          Map.entry("handoff", Set.of("intent", "question", "neighbourhood")));

  private Actions() {}

  static void perform(Run run, List<Action> actions) {
    for (Action action : actions) {
      if ("set".equals(action.type())) {
        action.params().forEach((k, v) -> run.var(k, str(Expressions.resolve(v, run))));
      } else {
        run.effect(effect(run, action));
      }
    }
  }

  private static Effect effect(Run run, Action a) {
    return switch (a.type()) {
      case "set_language" -> {
        run.language(p(run, a, "language"));
        yield new Effect.SetLanguage(run.language());
      }
      case "set_neighbourhood" -> {
        run.var("neighbourhood", p(run, a, "neighbourhood"));
        yield new Effect.SetNeighbourhood(run.var("neighbourhood"));
      }
      case "subscribe" -> new Effect.Subscribe(p(run, a, "topic"), p(run, a, "neighbourhood"));
      case "unsubscribe" -> new Effect.Unsubscribe(p(run, a, "topic"), p(run, a, "neighbourhood"));
      case "create_concern" ->
          new Effect.CreateConcern(
              run.turn().facts().newReference(),
              p(run, a, "what"),
              p(run, a, "where"),
              p(run, a, "neighbourhood"),
              p(run, a, "contact"),
              p(run, a, "detail"),
              run.language(),
              p(run, a, "category"));
      case "record_answer" ->
          new Effect.RecordAnswer(p(run, a, "survey"), p(run, a, "question"), p(run, a, "value"));
      case "complete_survey" -> new Effect.CompleteSurvey(p(run, a, "survey"));
      case "decline_survey" -> new Effect.DeclineSurvey(p(run, a, "survey"));
      case "enroll" ->
          new Effect.Enroll(
              p(run, a, "program"),
              p(run, a, "name"),
              p(run, a, "neighbourhood"),
              p(run, a, "interest"));
      case "answer_feedback" ->
          new Effect.AnswerFeedback(p(run, a, "intent"), "yes".equals(p(run, a, "helpful")));
      case "handoff" ->
          new Effect.Handoff(
              p(run, a, "intent"),
              p(run, a, "question"),
              p(run, a, "neighbourhood"),
              run.language());
      default -> throw new IllegalStateException("unknown action " + a.type());
    };
  }

  private static String p(Run run, Action a, String name) {
    return str(Expressions.resolve(a.params().get(name), run));
  }

  private static String str(Object v) {
    return v == null || "".equals(v) ? null : String.valueOf(v);
  }
}
