package org.beatline.conversation;

import java.util.List;
import java.util.Map;

/**
 * A message that arrives while a step waits for an answer: the answer is taken, or the resident
 * meant something else, or gets one short re-ask and then a way out.
 */
final class Waiting {
  private Waiting() {}

  /** Takes the message as the waiting step's answer; false when it is not one. */
  static boolean answer(Run run) {
    FlowStep step = Walker.current(run);
    String lang = Walker.stepLanguage(run, step);
    String parseIn = lang == null ? run.language() : lang;
    List<Reply.Option> options = Options.of(run, step, lang);
    Turn turn = run.turn();
    String value = null;
    if (turn.choice() != null) {
      value =
          options.stream().anyMatch(o -> o.value().equals(turn.choice()))
              ? turn.choice()
              : run.conversations().answers().parse(step.expect(), turn.choice(), options, parseIn);
    } else {
      value = run.conversations().answers().parse(step.expect(), turn.text(), options, parseIn);
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
    String flow = run.stack().get(0).flow();
    if (Idle.offerLanguage(run)) {
      return;
    }
    String intent = run.turn().understood() == null ? null : run.turn().understood().intent();
    if (Conditions.confident(run) && !flow.equals(run.conversations().route(intent))) {
      Walker.route(run, intent);
      return;
    }
    if (step.lenient()) {
      run.stack().clear();
      Idle.handle(run);
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
}
