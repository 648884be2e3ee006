package org.beatline.conversation;

import java.util.List;

/**
 * Reads a question's answer from what the resident already said ("there's a car parked on maple st
 * for weeks" is what happened and where), so that only what is missing is asked. It reads strictly:
 * the resident never saw the question, so a bare number is no option, and a text answer needs more
 * than the words that only ask to report.
 */
final class Prefill {
  private Prefill() {}

  /** The answer {@code step} may take from what was said before it was asked, or null. */
  static String read(Run run, FlowStep step, List<Reply.Option> options, String lang) {
    String source = source(run, step);
    if (source == null || source.isBlank()) {
      return null;
    }
    String language = lang == null ? run.language() : lang;
    Answers answers = run.conversations().answers();
    return switch (step.expect()) {
      case TEXT -> saysSomething(run, step, source, language) ? source.strip() : null;
      case PLACE -> answers.places().namesPlace(source, language) ? source.strip() : null;
      case NEIGHBOURHOOD -> answers.places().neighbourhood(source, options, false);
      default ->
          Numbers.asciiDigits(source).strip().matches("\\d{1,2}")
              ? null
              : answers.parse(step.expect(), source, options, Options.words(run, step), language);
    };
  }

  /** Whether the value came from the message that started the flow, which it then uses up. */
  static boolean fromMessage(Run run, FlowStep step) {
    return step.prefillFrom() == null || Expressions.resolve(step.prefillFrom(), run) == null;
  }

  private static String source(Run run, FlowStep step) {
    if (step.prefillFrom() != null) {
      Object value = Expressions.resolve(step.prefillFrom(), run);
      if (value != null || !step.prefill()) {
        return value == null ? null : String.valueOf(value);
      }
    }
    return step.prefill() && run.textFree() ? run.turn().text() : null;
  }

  /**
   * Whether anything is left of the text once the words that say nothing here are taken out; asked
   * of an answer too, so that "I want to report something" or a bare "1" meant for an earlier menu
   * is not taken as what happened.
   */
  static boolean saysSomething(Run run, FlowStep step, String text, String language) {
    if (step.prefillIgnores() == null) {
      return true;
    }
    String left = " " + Words.fold(text) + " ";
    List<String> ignored =
        run.conversations().catalogue().words(language, step.prefillIgnores()).stream()
            .map(Words::fold)
            .filter(w -> !w.isEmpty())
            .sorted((a, b) -> b.length() - a.length())
            .toList();
    for (String phrase : ignored) {
      String cut = Phrases.unspaced(phrase) ? phrase : " " + phrase + " ";
      while (left.contains(cut)) {
        left = left.replace(cut, " ");
      }
    }
    // One Chinese or Burmese letter left over says nothing ("个"); one Latin word may ("graffiti").
    long letters = left.codePoints().filter(Character::isLetter).count();
    return Phrases.unspaced(left) ? letters >= 2 : letters >= 1;
  }
}
