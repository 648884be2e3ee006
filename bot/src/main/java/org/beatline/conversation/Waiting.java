package org.beatline.conversation;

import java.util.List;
import java.util.Map;
import org.beatline.message.Understood;

/**
 * A message that arrives while a step waits for an answer. The question wins first: its options,
 * their other words, yes and no as people write them. A message that clearly asks something else is
 * answered aside, or the resident is asked before the journey is left; anything else gets one short
 * re-ask with the options, then a way out.
 */
final class Waiting {
  private Waiting() {}

  /** Takes the message as the waiting step's answer; false when it is not one. */
  static boolean answer(Run run) {
    FlowStep step = Walker.current(run);
    String lang = Walker.stepLanguage(run, step);
    String parseIn = lang == null ? run.language() : lang;
    List<Reply.Option> options = Options.of(run, step, lang);
    Map<String, Options.Words> words = Options.words(run, step);
    Answers answers = run.conversations().answers();
    Turn turn = run.turn();
    String value;
    if (turn.choice() != null) {
      value =
          options.stream().anyMatch(o -> o.value().equals(turn.choice()))
              ? turn.choice()
              : answers.parse(step.expect(), turn.choice(), options, words, parseIn);
    } else {
      value = answers.parse(step.expect(), turn.text(), options, words, parseIn);
      if (value != null
          && takesAnything(step)
          && (somethingElse(run, step, parseIn)
              || !Prefill.saysSomething(run, step, value, parseIn))) {
        value = null;
      }
    }
    if (value == null) {
      return false;
    }
    run.useText();
    run.outcome(Step.Outcome.ANSWERED);
    Walker.complete(run, value);
    return true;
  }

  static void notUnderstood(Run run, boolean resumed) {
    FlowStep step = Walker.current(run);
    boolean onTop = run.stack().get(run.stack().size() - 1).aside();
    if (step.lenient() && onTop) {
      // Not an answer to a question asked on top of the journey: try it on the journey's question.
      run.stack().remove(run.stack().size() - 1);
      if (!answer(run)) {
        run.outcome(Step.Outcome.NOT_UNDERSTOOD);
        Walker.comeBack(run);
      }
      return;
    }
    if (step.lenient()) {
      run.stack().clear();
      Idle.handle(run);
      return;
    }
    String elsewhere = elsewhere(run);
    if (elsewhere != null && !onTop) {
      Asides.take(run, elsewhere);
      return;
    }
    if (resumed) {
      Walker.prompt(run);
      return;
    }
    run.outcome(Step.Outcome.NOT_UNDERSTOOD);
    if (run.retries() == 0) {
      run.retries(1);
      String lang = Walker.stepLanguage(run, step);
      Line reask =
          step.reask() != null ? step.reask() : Line.of("answer.reask." + step.expect().yamlName());
      run.say(reask, Options.of(run, step, lang), Options.numbered(step), lang);
      return;
    }
    run.retries(0);
    run.stack().clear();
    run.say("answer.way_out", Map.of());
  }

  /** Steps whose answer is any text: they take a message unless it clearly is something else. */
  private static boolean takesAnything(FlowStep step) {
    return step.expect() == AnswerType.TEXT || step.expect() == AnswerType.PLACE;
  }

  /**
   * Whether a message a text step would take is rather danger described now (never stored as an
   * answer) or, where the step allows asides, a question for another flow. A message that names a
   * place (a neighbourhood, a ZIP code, a street with its name) answers a place question, whatever
   * else the model reads in it.
   */
  private static boolean somethingElse(Run run, FlowStep step, String language) {
    Understood u = run.turn().understood();
    if (u != null && u.emergency()) {
      return true;
    }
    if (step.expect() == AnswerType.PLACE
        && run.conversations().answers().places().namesPlace(run.turn().text(), language)) {
      return false;
    }
    String intent = step.asides() ? elsewhere(run) : null;
    return intent != null && run.conversations().flow(run.conversations().route(intent)).aside();
  }

  /**
   * The intent a message clearly asks for in another flow than the journey's: sure enough to answer
   * aside, or to offer as a way out once the question was asked again; null otherwise.
   */
  static String elsewhere(Run run) {
    Understood u = run.turn().understood();
    if (u != null && u.emergency() && run.conversations().route(Understood.EMERGENCY) != null) {
      return Understood.EMERGENCY;
    }
    if (!Conditions.confident(run)) {
      return null;
    }
    String flow = run.conversations().route(u.intent());
    boolean inJourney = run.stack().stream().anyMatch(f -> f.flow().equals(flow));
    double sure = run.conversations().settings().sideQuestion();
    return !inJourney && (u.confidence() >= sure || run.retries() > 0) ? u.intent() : null;
  }
}
