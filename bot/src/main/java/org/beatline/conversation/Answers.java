package org.beatline.conversation;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.beatline.i18n.Catalogue;

/**
 * Parses answers of every {@link AnswerType} into the value a flow stores: option values, {@code
 * yes}/{@code no}, digits, neighbourhood ids, language codes or the text itself. Null means not
 * understood.
 */
final class Answers {
  private static final Pattern ZIP = Pattern.compile("(?<!\\d)(\\d{5})(?!\\d)");

  private final Catalogue catalogue;
  private final Department department;

  Answers(Catalogue catalogue, Department department) {
    this.catalogue = catalogue;
    this.department = department;
  }

  String parse(AnswerType type, String text, List<Reply.Option> options, String language) {
    if (text == null || text.isBlank()) {
      return null;
    }
    return switch (type) {
      case TEXT, PLACE -> text.strip();
      case NUMBER -> str(Numbers.read(catalogue, language, text));
      case SCALE -> {
        Integer n = Numbers.read(catalogue, language, text);
        yield n != null && n >= 1 && n <= 5 ? String.valueOf(n) : null;
      }
      case YES_NO -> yesNo(text, language);
      case CHOICE -> choice(text, options, language);
      case NEIGHBOURHOOD -> neighbourhood(text, options);
      case LANGUAGE -> language(text, options, language);
    };
  }

  String yesNo(String text, String language) {
    String folded = Words.fold(text);
    for (String candidate : new String[] {folded, folded.split(" ")[0]}) {
      if (Words.matches(catalogue.words(language, "keywords.yes"), candidate)) {
        return "yes";
      }
      if (Words.matches(catalogue.words(language, "keywords.no"), candidate)) {
        return "no";
      }
    }
    // Numbered options on SMS show yes as 1 and no as 2.
    Integer n = Numbers.read(catalogue, language, text);
    return n == null ? null : n == 1 ? "yes" : n == 2 ? "no" : null;
  }

  String choice(String text, List<Reply.Option> options, String language) {
    String folded = Words.fold(text);
    for (Reply.Option option : options) {
      if (Words.fold(option.value()).equals(folded)) {
        return option.value();
      }
    }
    Integer n = Numbers.read(catalogue, language, text);
    if (n != null && folded.length() <= 12) {
      return n >= 1 && n <= options.size() ? options.get(n - 1).value() : null;
    }
    String hit = null;
    for (Reply.Option option : options) {
      String lang = option.language() == null ? language : option.language();
      for (String label :
          List.of(label(option, lang), label(option, catalogue.defaultLanguage()))) {
        boolean same = label.equals(folded);
        boolean inside =
            folded.length() >= 3
                && (label.contains(folded) || (" " + folded + " ").contains(label));
        if (same) {
          return option.value();
        }
        if (inside) {
          if (hit != null && !hit.equals(option.value())) {
            return null;
          }
          hit = option.value();
        }
      }
    }
    return hit;
  }

  private String label(Reply.Option option, String language) {
    return Words.fold(catalogue.render(language, option.label(), option.args()));
  }

  String neighbourhood(String text, List<Reply.Option> options) {
    String digits = Numbers.asciiDigits(text);
    Matcher zip = ZIP.matcher(digits);
    while (zip.find()) {
      for (Neighbourhood n : department.neighbourhoods()) {
        if (n.zips().contains(zip.group(1))) {
          return n.id();
        }
      }
    }
    String folded = " " + Words.fold(digits) + " ";
    for (Neighbourhood n : department.neighbourhoods()) {
      for (String name : names(n)) {
        String f = Words.fold(name);
        boolean spaced = f.chars().allMatch(c -> c < 0x0250 || c == ' ');
        if (!f.isEmpty() && folded.contains(spaced ? " " + f + " " : f)) {
          return n.id();
        }
      }
    }
    if (digits.strip().matches("\\d{1,2}") && !options.isEmpty()) {
      int i = Integer.parseInt(digits.strip());
      return i >= 1 && i <= options.size() ? options.get(i - 1).value() : null;
    }
    return null;
  }

  private static List<String> names(Neighbourhood n) {
    var all = new java.util.ArrayList<>(n.names().values());
    all.addAll(n.aliases());
    all.add(n.id());
    return all;
  }

  String language(String text, List<Reply.Option> options, String language) {
    String folded = Words.fold(text);
    for (String code : department.languages()) {
      if (folded.equals(Words.fold(code))
          || folded.equals(Words.fold(String.valueOf(catalogue.entries(code).get("language.name"))))
          || Words.matches(catalogue.words(language, "keywords.language." + code), folded)
          || Words.matches(catalogue.ownWords(code, "keywords.language." + code), folded)) {
        return code;
      }
    }
    Integer n = Numbers.read(catalogue, language, text);
    return n != null && n >= 1 && n <= options.size() ? options.get(n - 1).value() : null;
  }

  private static String str(Integer n) {
    return n == null ? null : String.valueOf(n).toLowerCase(Locale.ROOT);
  }
}
