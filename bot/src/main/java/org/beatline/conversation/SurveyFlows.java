package org.beatline.conversation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link Survey} into a flow: an invitation step, the intro, one step per question that
 * records its answer, and the thanks that completes the survey.
 */
final class SurveyFlows {
  static final String INVITE = "invite";
  static final String BACK = "survey.back";
  static final String STAY = "survey.stay";

  private SurveyFlows() {}

  static String flowId(String surveyId) {
    return "survey." + surveyId;
  }

  /** The flow of one of a survey's variants. */
  static String flowId(String surveyId, String variant) {
    return flowId(surveyId) + "." + variant;
  }

  static Flow flow(Survey survey) {
    return flow(survey, null);
  }

  /**
   * The flow of a survey's variant (null: its own questions). Every variant records its answers
   * under the survey's id, so that results stay one survey.
   */
  static Flow flow(Survey survey, String variant) {
    LinkedHashMap<String, FlowStep> steps = new LinkedHashMap<>();
    Map<String, Object> ref = Map.of("survey", survey.id());
    List<Survey.Question> questions = survey.questions(variant);
    String first = questions.isEmpty() ? "thanks" : step(questions.get(0));
    steps.put(
        INVITE,
        waiting(
            List.of(),
            AnswerType.YES_NO,
            List.of(),
            List.of(),
            true,
            List.of(when("yes", "intro"), go("declined"))));
    steps.put("declined", say("survey.declined", List.of(new Action("decline_survey", ref)), null));
    steps.put("intro", say(survey.intro(), List.of(), first));
    for (int i = 0; i < questions.size(); i++) {
      Survey.Question q = questions.get(i);
      String next = i + 1 < questions.size() ? step(questions.get(i + 1)) : "thanks";
      Map<String, Object> answer = new LinkedHashMap<>(ref);
      answer.put("question", q.id());
      answer.put("value", "$answer");
      steps.put(
          step(q),
          waiting(
              List.of(Line.of(q.ask())),
              q.type(),
              q.options() == null ? List.of() : q.options(),
              List.of(new Action("record_answer", answer)),
              false,
              List.of(go(next))));
    }
    steps.put("thanks", say(survey.thanks(), List.of(new Action("complete_survey", ref)), null));
    return new Flow(
        variant == null ? flowId(survey.id()) : flowId(survey.id(), variant),
        survey.expiry(),
        "resume",
        null,
        "intro",
        steps,
        false,
        BACK,
        STAY);
  }

  private static String step(Survey.Question q) {
    return "q_" + q.id();
  }

  private static FlowStep say(String key, List<Action> actions, String next) {
    List<Rule> rules = next == null ? List.of() : List.of(go(next));
    return new FlowStep(
        List.of(Line.of(key)),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        false,
        null,
        null,
        false,
        false,
        false,
        null,
        actions,
        rules);
  }

  private static FlowStep waiting(
      List<Line> say,
      AnswerType type,
      List<OptionSpec> options,
      List<Action> actions,
      boolean lenient,
      List<Rule> next) {
    return new FlowStep(
        say,
        null,
        null,
        null,
        null,
        type,
        options,
        null,
        null,
        false,
        null,
        null,
        false,
        false,
        lenient,
        null,
        actions,
        new ArrayList<>(next));
  }

  private static Rule go(String step) {
    return new Rule(null, step, null, null, null);
  }

  private static Rule when(String answer, String step) {
    return new Rule(
        new Condition(List.of(answer), null, null, null, null, null, null, null, null),
        step,
        null,
        null,
        null);
  }
}
