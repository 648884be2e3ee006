package org.beatline.conversation;

import com.ibm.icu.text.ListFormatter;
import com.ibm.icu.util.ULocale;
import java.util.List;

/**
 * The values flows can name in arguments and actions. A string starting with {@code $} is an
 * expression; anything else is a literal. Roots: {@code $answer}, {@code $intent}, {@code $text},
 * {@code $language}, {@code $reference}, {@code $hoods}, {@code $var.<name>}, {@code $dept.<path>}
 * and {@code $nb.<var>.<name|officer|days|id>} (the neighbourhood whose id is in a variable). A
 * department fact written per language is read in the contact's language.
 */
final class Expressions {
  private static final List<String> PLAIN =
      List.of("$answer", "$intent", "$text", "$language", "$reference", "$hoods");
  private static final List<String> NB_FIELDS = List.of("name", "officer", "days", "id");

  private Expressions() {}

  /** Why {@code expression} cannot be resolved, or null when it is fine. */
  static String problem(Object expression) {
    if (!(expression instanceof String s) || !s.startsWith("$") || PLAIN.contains(s)) {
      return null;
    }
    if (s.matches("\\$(var|dept)\\.[a-z0-9_.]+")) {
      return null;
    }
    if (s.matches("\\$nb\\.[a-z0-9_]+\\.[a-z]+")
        && NB_FIELDS.contains(s.substring(s.lastIndexOf('.') + 1))) {
      return null;
    }
    return "unknown expression " + s;
  }

  static Object resolve(Object expression, Run run) {
    if (!(expression instanceof String s) || !s.startsWith("$")) {
      return expression;
    }
    return switch (s) {
      case "$answer" -> run.answer();
      case "$intent" -> run.intent();
      case "$text" -> run.turn().text();
      case "$language" -> run.language();
      case "$reference" -> run.turn().facts().newReference();
      case "$hoods" -> hoods(run);
      default -> path(s, run);
    };
  }

  private static Object path(String s, Run run) {
    if (s.startsWith("$var.")) {
      return run.var(s.substring(5));
    }
    if (s.startsWith("$dept.")) {
      return run.department().fact(s.substring(6), run.language());
    }
    if (s.startsWith("$nb.")) {
      String[] parts = s.split("\\.");
      Neighbourhood n = run.department().neighbourhood(run.var(parts[1]));
      if (n == null) {
        return null;
      }
      return switch (parts[2]) {
        case "name" -> n.name(run.language(), run.department().defaultLanguage());
        case "officer" -> n.liaison() == null ? null : n.liaison().officer();
        case "days" -> days(n, run.department());
        default -> n.id();
      };
    }
    throw new IllegalStateException(problem(s));
  }

  static int days(Neighbourhood n, Department d) {
    return n.liaison() != null && n.liaison().answerWorkingDays() != null
        ? n.liaison().answerWorkingDays()
        : d.concernAnswerWorkingDays();
  }

  /** The neighbourhood names as a list in the contact's language ("A, B and C", "A وB وC"). */
  private static String hoods(Run run) {
    Department d = run.department();
    List<String> names =
        d.neighbourhoods().stream().map(n -> n.name(run.language(), d.defaultLanguage())).toList();
    return ListFormatter.getInstance(ULocale.forLanguageTag(run.language())).format(names);
  }
}
