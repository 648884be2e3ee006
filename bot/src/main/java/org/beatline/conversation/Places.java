package org.beatline.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.beatline.i18n.Catalogue;

/**
 * Finds places in what residents write: the department's neighbourhoods by name in any language,
 * alias or ZIP code, and whether a message names a street ("maple st", "calle ocho", 幸福路).
 */
final class Places {
  private static final Pattern ZIP = Pattern.compile("(?<!\\d)(\\d{5})(?!\\d)");

  private final Catalogue catalogue;
  private final Department department;

  Places(Catalogue catalogue, Department department) {
    this.catalogue = catalogue;
    this.department = department;
  }

  /**
   * The id of the neighbourhood {@code text} names, or null. With {@code numbers} a bare number
   * picks one of {@code options}, as numbered on SMS; a message that was not an answer to the list
   * never does.
   */
  String neighbourhood(String text, List<Reply.Option> options, boolean numbers) {
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
        String f = Words.foldedWord(name);
        boolean spaced = f.chars().allMatch(c -> c < 0x0250 || c == ' ');
        if (!f.isEmpty() && folded.contains(spaced ? " " + f + " " : f)) {
          return n.id();
        }
      }
    }
    if (numbers && digits.strip().matches("\\d{1,2}") && !options.isEmpty()) {
      int i = Integer.parseInt(digits.strip());
      return i >= 1 && i <= options.size() ? options.get(i - 1).value() : null;
    }
    return null;
  }

  /** The neighbourhood when the whole message is one of its names, aliases or ZIP codes. */
  String onlyNeighbourhood(String text) {
    String folded = Words.fold(Numbers.asciiDigits(text));
    for (Neighbourhood n : department.neighbourhoods()) {
      List<String> all = new ArrayList<>(names(n));
      all.addAll(n.zips());
      if (Words.matches(all, folded)) {
        return n.id();
      }
    }
    return null;
  }

  /**
   * Whether {@code text} says where something is: a neighbourhood, or a street with its name
   * ("maple st", "calle ocho", 幸福路), not just "my street" ({@code words.place.*}).
   */
  boolean namesPlace(String text, String language) {
    if (neighbourhood(text, List.of(), false) != null) {
      return true;
    }
    String folded = Words.fold(Numbers.asciiDigits(text));
    List<String> notNames = catalogue.words(language, "words.place.not_a_name");
    for (String street : catalogue.words(language, "words.place.street")) {
      if (named(folded, Words.foldedWord(street), notNames, true)) {
        return true;
      }
    }
    for (String street : catalogue.words(language, "words.place.street_first")) {
      if (named(folded, Words.foldedWord(street), notNames, false)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code street} is in the text with a name next to it: before it ("maple st", 幸福路) or
   * after it ("calle ocho", "corner of main"), and not a word such as "my" or 马 that names nothing.
   */
  private static boolean named(
      String folded, String street, List<String> notNames, boolean before) {
    if (street.isEmpty()) {
      return false;
    }
    boolean unspaced = Phrases.unspaced(street);
    for (int at = folded.indexOf(street); at >= 0; at = folded.indexOf(street, at + 1)) {
      int end = at + street.length();
      String name;
      if (unspaced && !(before && at > 0 && folded.charAt(at - 1) == ' ')) {
        name = before ? folded.substring(Math.max(0, at - 1), at) : next(folded, end, 1);
      } else {
        if (!Phrases.edge(folded, at - 1) || !Phrases.edge(folded, end)) {
          continue;
        }
        String[] side =
            (before ? folded.substring(0, at) : folded.substring(end)).strip().split(" ");
        name = side.length == 0 ? "" : before ? side[side.length - 1] : side[0];
      }
      if (!name.isBlank() && !Words.matches(notNames, name)) {
        return true;
      }
    }
    return false;
  }

  private static String next(String folded, int from, int length) {
    return folded.substring(from, Math.min(folded.length(), from + length)).strip();
  }

  private static List<String> names(Neighbourhood n) {
    List<String> all = new ArrayList<>(n.names().values());
    all.addAll(n.aliases());
    all.add(n.id());
    return all;
  }
}
