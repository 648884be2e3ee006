package org.beatline.conversation;

import java.util.ArrayList;
import java.util.List;
import org.beatline.message.Understood;

/**
 * A message that arrives when no step waits: a reply to a survey invitation, a message in another
 * language, an intent sure enough to act on, a guess to confirm, or something we did not get.
 */
final class Idle {
  private Idle() {}

  static void handle(Run run) {
    String invited = run.turn().facts().surveyInvitation();
    Flow survey = invited == null ? null : run.conversations().flow(SurveyFlows.flowId(invited));
    if (survey != null) {
      run.stack().add(new Session.Frame(survey.id(), SurveyFlows.INVITE));
      if (Waiting.answer(run)) {
        return;
      }
      run.stack().clear();
    }
    if (offerLanguage(run)) {
      return;
    }
    Understood u = run.turn().understood();
    if (Conditions.confident(run)) {
      Walker.route(run, u.intent());
      return;
    }
    List<String> guesses = guesses(run, u);
    if (!guesses.isEmpty()) {
      run.var("alternative_1", guesses.get(0));
      run.var("alternative_2", guesses.size() > 1 ? guesses.get(1) : null);
      run.outcome(Step.Outcome.NOT_UNDERSTOOD);
      Walker.jump(run, run.conversations().settings().clarifyFlow());
      return;
    }
    run.outcome(Step.Outcome.NOT_UNDERSTOOD);
    Walker.jump(run, run.conversations().settings().fallbackFlow());
  }

  /**
   * Offers the language a message is confidently written in, when it is not the contact's and was
   * not offered before; the intent waits in the session until the resident answers.
   */
  static boolean offerLanguage(Run run) {
    Understood u = run.turn().understood();
    Settings settings = run.conversations().settings();
    if (u == null
        || u.language() == null
        || u.language().equals(run.language())
        || !run.department().languages().contains(u.language())
        || u.languageConfidence() < settings.switchLanguage()
        || run.offered().contains(u.language())
        || namesALanguage(run)) {
      return false;
    }
    run.offered().add(u.language());
    run.var("offer_language", u.language());
    run.var("pending_intent", Conditions.confident(run) ? u.intent() : null);
    Walker.jump(run, settings.offerFlow());
    return true;
  }

  /**
   * Whether the message is the name of a language ("español", "廣東話"): the resident is choosing one,
   * and an offer would only ask again what they just said.
   */
  private static boolean namesALanguage(Run run) {
    return run.conversations()
            .answers()
            .parse(AnswerType.LANGUAGE, run.turn().text(), List.of(), run.language())
        != null;
  }

  /** The two likeliest intents that are likely enough to offer and that some flow handles. */
  private static List<String> guesses(Run run, Understood u) {
    List<String> out = new ArrayList<>();
    if (u == null) {
      return out;
    }
    double floor = run.conversations().settings().suggest();
    List<Understood.Alternative> all = new ArrayList<>();
    if (u.intent() != null) {
      all.add(new Understood.Alternative(u.intent(), u.confidence()));
    }
    all.addAll(u.alternatives());
    for (Understood.Alternative a : all) {
      boolean handled = run.conversations().route(a.intent()) != null;
      if (a.confidence() >= floor && handled && !out.contains(a.intent()) && out.size() < 2) {
        out.add(a.intent());
      }
    }
    return out;
  }
}
