package org.beatline.conversation;

import java.util.ArrayList;
import java.util.List;
import org.beatline.message.Understood;

/**
 * A message that arrives when no step waits: a reply to a survey invitation, a message in another
 * language, a bare answer to no question, an intent sure enough to act on, a guess to confirm, or
 * something we did not get.
 */
final class Idle {
  /**
   * The variable holding the message a "did you mean" question is about, while it waits, so that
   * the flow chosen may take what it said ("did you mean: report a concern?" keeps the report).
   */
  static final String UNCLEAR = "unclear";

  private Idle() {}

  static void handle(Run run) {
    String invited = run.turn().facts().surveyInvitation();
    Flow survey = invited == null ? null : run.conversations().invitedSurvey(invited);
    if (survey != null) {
      run.stack().add(new Session.Frame(survey.id(), SurveyFlows.INVITE));
      if (Waiting.answer(run)) {
        return;
      }
      run.stack().clear();
    }
    if (offerLanguage(run) || actOn(run)) {
      return;
    }
    run.outcome(Step.Outcome.NOT_UNDERSTOOD);
    Walker.jump(run, run.conversations().settings().fallbackFlow());
  }

  /**
   * Does what the message asks as if no question waited: a global word or keyword, a bare answer, a
   * sure intent, or "did you mean" with the likeliest two; false when it asks nothing of these.
   */
  static boolean actOn(Run run) {
    if (Commands.handle(run) || bare(run)) {
      return true;
    }
    Understood u = run.turn().understood();
    if (Conditions.confident(run)) {
      Walker.route(run, u.intent());
      return true;
    }
    List<String> guesses = guesses(run, u);
    if (!guesses.isEmpty()) {
      run.var(UNCLEAR, run.turn().text());
      run.var("alternative_1", guesses.get(0));
      run.var("alternative_2", guesses.size() > 1 ? guesses.get(1) : null);
      run.outcome(Step.Outcome.NOT_UNDERSTOOD);
      Walker.jump(run, run.conversations().settings().clarifyFlow());
      return true;
    }
    return false;
  }

  /**
   * A yes, a no, a number or a neighbourhood (name, alias or ZIP code) with no question waiting:
   * the bare-answer flow says what it can mean, rather than guess at an intent.
   */
  private static boolean bare(Run run) {
    if (!run.textFree()) {
      return false;
    }
    String text = run.turn().text();
    Answers answers = run.conversations().answers();
    String hood = answers.places().onlyNeighbourhood(text);
    String folded = Words.fold(text);
    boolean yesNo =
        Words.matches(run.conversations().catalogue().words(run.language(), "keywords.yes"), folded)
            || Words.matches(
                run.conversations().catalogue().words(run.language(), "keywords.no"), folded);
    boolean number = Numbers.asciiDigits(folded).matches("\\d{1,5}");
    if (hood == null && !yesNo && !number) {
      return false;
    }
    run.useText();
    run.var("named_neighbourhood", hood);
    Walker.jump(run, run.conversations().settings().bareFlow());
    return true;
  }

  /**
   * Offers the language a message is confidently written in, when it is not the contact's and was
   * not offered before; the intent waits in the session until the resident answers. A word of two
   * or three letters ("ya", "si", "ok") says too little about a language to offer one.
   */
  static boolean offerLanguage(Run run) {
    Understood u = run.turn().understood();
    Settings settings = run.conversations().settings();
    String folded = Words.fold(run.turn().text());
    boolean tooShort = !folded.contains(" ") && folded.codePointCount(0, folded.length()) <= 3;
    if (u == null
        || u.language() == null
        || tooShort
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

  /**
   * The two likeliest intents that are likely enough to offer and that some flow other than the
   * fallback handles ("Something else" is already the clarifying question's way out).
   */
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
      String flow = run.conversations().route(a.intent());
      boolean handled = flow != null && !flow.equals(run.conversations().settings().fallbackFlow());
      if (a.confidence() >= floor && handled && !out.contains(a.intent()) && out.size() < 2) {
        out.add(a.intent());
      }
    }
    return out;
  }
}
