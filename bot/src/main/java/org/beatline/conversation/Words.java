package org.beatline.conversation;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.beatline.i18n.Catalogue;

/**
 * Compares what residents type with word lists of the catalogue, forgiving case, accents, Arabic
 * vowel marks and letter variants, Vietnamese đ, punctuation and spacing, the way people type on a
 * phone.
 */
public final class Words {
  /**
   * The catalogue's and the department's words, folded once: every message is compared with
   * hundreds of them, and folding them again each time was a fifth of a message's CPU. Only content
   * words are kept here (a bounded set), never what residents type.
   */
  private static final Map<String, String> FOLDED_WORDS = new ConcurrentHashMap<>();

  /**
   * The last text folded on this thread: a turn folds the resident's message once for each word
   * list it is compared with, always the same string.
   */
  private static final ThreadLocal<String[]> LAST = ThreadLocal.withInitial(() -> new String[2]);

  private Words() {}

  /**
   * A word of the content (catalogue, department, flows) folded, from memory after the first time.
   */
  static String foldedWord(String word) {
    String folded = FOLDED_WORDS.get(word);
    if (folded == null) {
      folded = foldNow(word);
      FOLDED_WORDS.put(word, folded);
    }
    return folded;
  }

  /**
   * The text folded for comparison: lower case, no Latin accents or Arabic marks, no punctuation.
   */
  static String fold(String text) {
    if (text == null) {
      return "";
    }
    String[] last = LAST.get();
    if (last[0] == text) {
      return last[1];
    }
    String folded = foldNow(text);
    last[0] = text;
    last[1] = folded;
    return folded;
  }

  private static String foldNow(String text) {
    String decomposed = Normalizer.normalize(text.strip(), Normalizer.Form.NFD);
    StringBuilder out = new StringBuilder(decomposed.length());
    decomposed
        .codePoints()
        .forEach(
            c -> {
              // Only Latin combining accents and Arabic harakat go: Burmese and Vietnamese
              // base letters must stay, and Burmese vowel signs are combining marks too.
              boolean latinAccent = c >= 0x0300 && c <= 0x036F;
              boolean arabicMark = c >= 0x064B && c <= 0x065F;
              boolean variation = c == 0xFE0F || c == 0x200D || c == 0x200B;
              int type = Character.getType(c);
              boolean punctuation =
                  type >= Character.DASH_PUNCTUATION && type <= Character.OTHER_PUNCTUATION
                      || type == Character.INITIAL_QUOTE_PUNCTUATION
                      || type == Character.FINAL_QUOTE_PUNCTUATION
                      || type == Character.CONNECTOR_PUNCTUATION;
              if (latinAccent || arabicMark || variation) {
                return;
              }
              out.appendCodePoint(punctuation ? ' ' : same(Character.toLowerCase(c)));
            });
    String folded = Normalizer.normalize(out.toString(), Normalizer.Form.NFC);
    return folded.replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
  }

  /**
   * Letters people type for one another: Vietnamese đ without its stroke ("duoc" for "được"), and
   * the Arabic alef maqsura and ta marbuta as ya and ha (alef's hamza and madda are marks, gone
   * already).
   */
  private static int same(int c) {
    return switch (c) {
      case 'đ' -> 'd';
      case 'ى' -> 'ي';
      case 'ة' -> 'ه';
      default -> c;
    };
  }

  /**
   * Whether the whole message is one of the words of {@code key} in the language or the default.
   */
  public static boolean isOneOf(Catalogue catalogue, String language, String key, String text) {
    String folded = fold(text);
    return !folded.isEmpty() && matches(catalogue.words(language, key), folded);
  }

  /** Whether the folded message is one of the content's {@code words}. */
  static boolean matches(List<String> words, String folded) {
    for (String word : words) {
      if (foldedWord(word).equals(folded)) {
        return true;
      }
    }
    return false;
  }
}
