package org.beatline.conversation;

import java.util.List;
import java.util.Map;
import org.beatline.i18n.Catalogue;

/**
 * Parses answers of every {@link AnswerType} into the value a flow stores: option values, {@code
 * yes}/{@code no}, digits, neighbourhood ids, language codes or the text itself. Null means not
 * understood.
 */
final class Answers {
  private final Catalogue catalogue;
  private final Department department;
  private final Places places;
  private final Choices choices;

  Answers(Catalogue catalogue, Department department) {
    this.catalogue = catalogue;
    this.department = department;
    this.places = new Places(catalogue, department);
    this.choices = new Choices(catalogue, this);
  }

  Places places() {
    return places;
  }

  String parse(AnswerType type, String text, List<Reply.Option> options, String language) {
    return parse(type, text, options, Map.of(), language);
  }

  /**
   * Parses {@code text} as an answer of {@code type}; {@code words} holds, per option value, the
   * other words residents use for it.
   */
  String parse(
      AnswerType type,
      String text,
      List<Reply.Option> options,
      Map<String, Options.Words> words,
      String language) {
    if (text == null || text.isBlank()) {
      return null;
    }
    return switch (type) {
      case TEXT -> text.strip();
      case PLACE -> yesOrNoAlone(text, language) ? null : text.strip();
      case NUMBER -> str(Numbers.read(catalogue, language, text));
      case SCALE -> scale(text, language);
      case YES_NO -> yesNo(text, language);
      case CHOICE -> choices.choose(text, options, words, language);
      case NEIGHBOURHOOD -> places.neighbourhood(text, options, true);
      case LANGUAGE -> language(text, options, language);
    };
  }

  /**
   * Yes or no: a whole message of the language's words (or 1 and 2, as SMS numbers them), or a
   * short reply holding them ("yeah sure", "nah im good", 不是很清楚); never the first word of a long
   * message, which is usually about something else.
   */
  String yesNo(String text, String language) {
    // The language's own words first: "k" is no in Vietnamese and yes in English texting.
    String own =
        yesNo(
            text,
            language,
            catalogue.ownWords(language, "keywords.yes"),
            catalogue.ownWords(language, "keywords.no"));
    String value =
        own != null
            ? own
            : yesNo(
                text,
                language,
                catalogue.words(language, "keywords.yes"),
                catalogue.words(language, "keywords.no"));
    return value != null ? value : anyLanguage(text);
  }

  /**
   * Whether the whole message is a yes or a no of the contact's or any department language: "si" to
   * "where is this?" answers a question the resident thought was asked, and names no place.
   */
  private boolean yesOrNoAlone(String text, String language) {
    String folded = Words.fold(text);
    if (Words.matches(catalogue.words(language, "keywords.yes"), folded)
        || Words.matches(catalogue.words(language, "keywords.no"), folded)) {
      return true;
    }
    for (String other : department.languages()) {
      if (Words.matches(catalogue.ownWords(other, "keywords.yes"), folded)
          || Words.matches(catalogue.ownWords(other, "keywords.no"), folded)) {
        return true;
      }
    }
    return false;
  }

  /** A whole message that is yes or no in another language ("si" from an English contact). */
  private String anyLanguage(String text) {
    String folded = Words.fold(text);
    java.util.Set<String> found = new java.util.HashSet<>();
    for (String other : department.languages()) {
      if (Words.matches(catalogue.ownWords(other, "keywords.yes"), folded)) {
        found.add("yes");
      }
      if (Words.matches(catalogue.ownWords(other, "keywords.no"), folded)) {
        found.add("no");
      }
    }
    return found.size() == 1 ? found.iterator().next() : null;
  }

  private String yesNo(String text, String language, List<String> yes, List<String> no) {
    String folded = Words.fold(text);
    if (Words.matches(yes, folded)) {
      return "yes";
    }
    if (Words.matches(no, folded)) {
      return "no";
    }
    Integer n = Numbers.read(catalogue, language, text);
    if (n != null && !folded.contains(" ")) {
      return n == 1 ? "yes" : n == 2 ? "no" : null;
    }
    if (!Phrases.shortReply(folded)) {
      return null;
    }
    return new Phrases(folded).look("yes", inside(yes)).look("no", inside(no)).value();
  }

  /** Words that may be read inside a reply: one Latin letter ("y", "k") must stand alone. */
  private static List<String> inside(List<String> words) {
    return words.stream()
        .filter(w -> Words.foldedWord(w).length() > 1 || Phrases.unspaced(Words.foldedWord(w)))
        .toList();
  }

  /** 1 to 5; "4/5" and "4 out of 5" are 4. */
  private String scale(String text, String language) {
    List<Integer> all = Numbers.all(catalogue, language, text);
    Integer n = all.stream().distinct().count() == 1 ? all.get(0) : null;
    if (all.size() == 2 && all.get(1) == 5) {
      n = all.get(0);
    }
    return n != null && n >= 1 && n <= 5 ? String.valueOf(n) : null;
  }

  String language(String text, List<Reply.Option> options, String language) {
    String folded = Words.fold(text);
    String found = null;
    for (String code : department.languages()) {
      Phrases names = new Phrases(folded).look(code, languageNames(code, language));
      if (folded.equals(Words.foldedWord(code))
          || Words.matches(languageNames(code, language), folded)) {
        return code;
      }
      if (names.value() != null) {
        // "can you text me in spanish", "doi sang tieng anh": one language named is the answer.
        found = found == null ? code : "";
      }
    }
    if (found != null && !found.isEmpty() && !denied(folded)) {
      return found;
    }
    Integer n = Numbers.read(catalogue, language, text);
    return n != null && n >= 1 && n <= options.size() ? options.get(n - 1).value() : null;
  }

  /** Whether the message says the language named is not wanted ("no hablo ingles"). */
  private boolean denied(String folded) {
    Phrases not = new Phrases(folded);
    for (String other : department.languages()) {
      not.look("not", catalogue.ownWords(other, "words.language.not"));
    }
    return not.value() != null;
  }

  /** A language's names in every language ("tieng anh" and 英语 are English too). */
  private List<String> languageNames(String code, String language) {
    List<String> names = new java.util.ArrayList<>();
    names.add(String.valueOf(catalogue.entries(code).get("language.name")));
    names.addAll(catalogue.words(language, "keywords.language." + code));
    for (String other : department.languages()) {
      names.addAll(catalogue.ownWords(other, "keywords.language." + code));
    }
    return names;
  }

  private static String str(Integer n) {
    return n == null ? null : String.valueOf(n);
  }
}
