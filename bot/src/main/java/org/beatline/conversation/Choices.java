package org.beatline.conversation;

import java.util.List;
import java.util.Map;
import org.beatline.i18n.Catalogue;

/**
 * Reads which option of a choice a resident means: its number, its label, or their own words for it
 * ("call me" for a phone call, 匿名 for anonymous), which the catalogue lists per option.
 */
final class Choices {
  private final Catalogue catalogue;
  private final Answers answers;

  Choices(Catalogue catalogue, Answers answers) {
    this.catalogue = catalogue;
    this.answers = answers;
  }

  /** The value of the option meant, or null when none is, or several may be. */
  String choose(
      String text, List<Reply.Option> options, Map<String, Options.Words> words, String language) {
    String folded = Words.fold(text);
    for (Reply.Option option : options) {
      if (Words.foldedWord(option.value()).equals(folded)) {
        return option.value();
      }
    }
    Integer n = Numbers.read(catalogue, language, text);
    if (n != null && folded.length() <= 12) {
      return n >= 1 && n <= options.size() ? options.get(n - 1).value() : null;
    }
    Phrases found = new Phrases(folded);
    for (Reply.Option option : options) {
      List<String> phrases = phrases(option, words.get(option.value()), language);
      if (Words.matches(phrases, folded)) {
        return option.value();
      }
      found.look(option.value(), phrases);
    }
    String value = found.value();
    if (value != null) {
      return value;
    }
    String yesNo = answers.yesNo(text, language);
    for (Reply.Option option : options) {
      Options.Words w = words.get(option.value());
      if (yesNo != null && w != null && yesNo.equals(w.yesNo())) {
        return option.value();
      }
    }
    return partOfLabel(folded, options, language);
  }

  /** The option's label in the resident's and the default language, and its other words. */
  private List<String> phrases(Reply.Option option, Options.Words words, String language) {
    String lang = option.language() == null ? language : option.language();
    List<String> out = new java.util.ArrayList<>();
    out.add(label(option, lang));
    out.add(label(option, catalogue.defaultLanguage()));
    if (words != null) {
      for (String key : words.lists()) {
        out.addAll(catalogue.words(lang, key));
      }
    }
    return out;
  }

  /** A message that is the start or a piece of one label only ("gree" for "Green"). */
  private String partOfLabel(String folded, List<Reply.Option> options, String language) {
    boolean unspaced = Phrases.unspaced(folded);
    if (folded.isEmpty() || !unspaced && folded.length() < 3) {
      return null;
    }
    String hit = null;
    for (Reply.Option option : options) {
      String lang = option.language() == null ? language : option.language();
      for (String label :
          List.of(label(option, lang), label(option, catalogue.defaultLanguage()))) {
        if (label.contains(folded)) {
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
}
