package org.beatline.conversation;

import java.util.List;
import org.beatline.message.Understood;

/**
 * Walks flows for a {@link Run}: enters steps, says their lines, stops where a step waits, takes an
 * answer, and follows rules into other steps, sub-flows and flows.
 */
final class Walker {
  private Walker() {}

  /** Drops whatever flow was running and starts {@code flowId} at its start. */
  static void jump(Run run, String flowId) {
    Flow flow = run.conversations().flow(flowId);
    run.stack().clear();
    run.more(null);
    run.retries(0);
    run.stack().add(new Session.Frame(flow.id(), flow.start()));
    enter(run, flow.start());
  }

  /** Starts the flow that handles {@code intent}, remembering the intent for its rules. */
  static void route(Run run, String intent) {
    String flow = run.conversations().route(intent);
    run.intent(intent);
    if (flow == null || flow.equals(run.conversations().settings().fallbackFlow())) {
      run.outcome(Step.Outcome.NOT_UNDERSTOOD);
    }
    if (Understood.EMERGENCY.equals(intent)) {
      run.outcome(Step.Outcome.GUIDANCE_GIVEN);
    }
    jump(run, flow == null ? run.conversations().settings().fallbackFlow() : flow);
  }

  /** Enters a step of the flow on top of the stack. */
  static void enter(Run run, String stepName) {
    Session.Frame top = top(run);
    Flow flow = run.conversations().flow(top.flow());
    run.stack().set(run.stack().size() - 1, new Session.Frame(flow.id(), stepName));
    run.count(flow.id(), stepName);
    FlowStep step = flow.step(stepName);
    String lang = stepLanguage(run, step);
    List<Reply.Option> options = Options.of(run, step, lang);
    if (step.expect() != null && step.prefill() && run.textFree()) {
      // The message that started the flow may already answer it ("espanol"): then skip the
      // question.
      String value =
          run.conversations()
              .answers()
              .parse(
                  step.expect(), run.turn().text(), options, lang == null ? run.language() : lang);
      if (value != null) {
        run.useText();
        complete(run, value);
        return;
      }
    }
    if (step.expect() == null) {
      // A step that does not wait acts first, so that what it says already sees the effect
      // (a new language, a concern reference), and before any sub-flow it enters.
      Actions.perform(run, step.actions());
    }
    for (int i = 0; i < step.say().size(); i++) {
      boolean last = i == step.say().size() - 1 && step.list() == null;
      run.say(step.say().get(i), last ? options : List.of(), Options.numbered(step), lang);
    }
    if (step.list() != null) {
      Listings.say(run, step.list());
      if (!options.isEmpty()) {
        run.say(new Line("options.prompt", null), options, Options.numbered(step), lang);
      }
    }
    if (step.more() != null) {
      run.more(step.more());
    }
    if (step.enter() != null) {
      Flow sub = run.conversations().flow(step.enter());
      run.stack().add(new Session.Frame(sub.id(), sub.start()));
      enter(run, sub.start());
      return;
    }
    if (step.expect() != null) {
      return;
    }
    follow(run, step);
  }

  /** Takes {@code value} as the answer of the waiting step and moves on. */
  static void complete(Run run, String value) {
    FlowStep step = current(run);
    run.retries(0);
    run.answer(value);
    if (step.store() != null) {
      run.var(step.store(), value);
    }
    if (step.expect() == AnswerType.PLACE && step.store() != null) {
      String hood = run.conversations().answers().neighbourhood(value, List.of());
      run.var(step.store() + "_neighbourhood", hood);
    }
    Actions.perform(run, step.actions());
    follow(run, step);
  }

  /** Follows the first rule of {@code step} that holds; no rule ends the flow. */
  static void follow(Run run, FlowStep step) {
    for (Rule rule : step.next()) {
      if (!Conditions.hold(run, rule.when())) {
        continue;
      }
      if (rule.jump() != null) {
        jump(run, String.valueOf(Expressions.resolve(rule.jump(), run)));
      } else if (rule.route() != null) {
        route(run, String.valueOf(Expressions.resolve(rule.route(), run)));
      } else if (rule.go() != null && !Rule.END.equals(rule.go())) {
        enter(run, rule.go());
      } else {
        end(run);
      }
      return;
    }
    end(run);
  }

  /** Ends the flow on top; its caller, if any, follows the rules of the step that entered it. */
  private static void end(Run run) {
    run.stack().remove(run.stack().size() - 1);
    if (!run.stack().isEmpty()) {
      follow(run, current(run));
    }
  }

  /** Says the waiting step again, after {@code MORE} or on resuming. */
  static void prompt(Run run) {
    FlowStep step = current(run);
    String lang = stepLanguage(run, step);
    List<Reply.Option> options = Options.of(run, step, lang);
    if (!step.say().isEmpty()) {
      run.say(step.say().get(step.say().size() - 1), options, Options.numbered(step), lang);
    }
  }

  static FlowStep current(Run run) {
    Session.Frame top = top(run);
    return run.conversations().flow(top.flow()).step(top.step());
  }

  static String stepLanguage(Run run, FlowStep step) {
    return step.language() == null ? null : (String) Expressions.resolve(step.language(), run);
  }

  private static Session.Frame top(Run run) {
    return run.stack().get(run.stack().size() - 1);
  }
}
