package org.beatline.conversation;

import org.beatline.message.Understood;

/**
 * A message in the middle of a journey that clearly asks something else. A question another flow
 * answers in a few lines is answered aside and the journey's question asked again ("Back to your
 * report: where is this?"); anything longer is offered first, so the journey is never dropped
 * without the resident saying so.
 */
final class Asides {
  private Asides() {}

  static void take(Run run, String intent) {
    Flow flow = run.conversations().flow(run.conversations().route(intent));
    if (flow.aside()) {
      answer(run, flow, intent);
    } else {
      offerToLeave(run, intent);
    }
  }

  /**
   * Runs {@code flow} on top of the waiting question until it would ask something, then returns.
   */
  private static void answer(Run run, Flow flow, String intent) {
    int depth = run.stack().size();
    Session.Frame waiting = run.stack().get(depth - 1);
    run.intent(intent);
    if (Understood.EMERGENCY.equals(intent)) {
      run.outcome(Step.Outcome.GUIDANCE_GIVEN);
    }
    run.stack().add(new Session.Frame(flow.id(), flow.start(), true));
    run.asideDepth(depth);
    try {
      Walker.enter(run, flow.start());
    } finally {
      run.asideDepth(0);
    }
    var stack = run.stack();
    if (stack.size() >= depth && stack.get(depth - 1).equals(waiting)) {
      stack.subList(depth, stack.size()).clear();
      Walker.comeBack(run);
    }
  }

  /** Asks whether to leave the journey for what the message asks, or go on with it. */
  private static void offerToLeave(Run run, String intent) {
    Flow leave = run.conversations().flow(run.conversations().settings().leaveFlow());
    run.var("leave_intent", intent);
    run.stack().add(new Session.Frame(leave.id(), leave.start(), true));
    Walker.enter(run, leave.start());
  }
}
