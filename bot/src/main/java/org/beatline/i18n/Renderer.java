package org.beatline.i18n;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterDirection;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The one way a message key becomes text, for replies, the gate's own messages and broadcasts: the
 * department's facts as default arguments, instants as dates in the department's zone, arguments
 * that read left to right isolated inside right-to-left languages, and spaces SMS can carry.
 */
public final class Renderer {
  private static final Set<String> RIGHT_TO_LEFT = Set.of("ar", "fa", "he", "ur", "ps", "yi");
  private static final char LRI = '\u2066';
  private static final char PDI = '\u2069';
  private final Catalogue catalogue;
  private final Map<String, Object> department;

  /** A renderer of {@code catalogue}; {@code department} supplies arguments a key leaves out. */
  public Renderer(Catalogue catalogue, Map<String, ?> department) {
    this.catalogue = catalogue;
    this.department = Map.copyOf(department);
  }

  public Catalogue catalogue() {
    return catalogue;
  }

  /** Renders {@code key} in {@code language} (falling back to the default language). */
  public String text(String language, String key, Map<String, ?> args) {
    String lang = catalogue.supports(language) ? language : catalogue.defaultLanguage();
    boolean rtl = rightToLeft(lang);
    Map<String, Object> all = new LinkedHashMap<>(department);
    if (args != null) {
      all.putAll(args);
    }
    // A select's value is matched, not shown: isolating it would match no variant.
    Set<String> selectors = rtl ? catalogue.selectors(lang, key) : Set.of();
    all.replaceAll((k, v) -> argument(v, rtl && !selectors.contains(k)));
    return smsSpaces(catalogue.render(lang, key, all));
  }

  /** Renders {@code key} with the department's facts only. */
  public String text(String language, String key) {
    return text(language, key, Map.of());
  }

  /** Whether {@code language} is written right to left. */
  public static boolean rightToLeft(String language) {
    return language != null && RIGHT_TO_LEFT.contains(language.split("-")[0]);
  }

  private static Object argument(Object v, boolean rtl) {
    if (v instanceof Instant i) {
      return Date.from(i); // ICU formats dates, in the department's zone
    }
    if (rtl && v instanceof String s && readsLeftToRight(s)) {
      return LRI + s + PDI;
    }
    return v;
  }

  /**
   * Whether a value (a phone number, a reference, a link, an address in Latin letters) holds digits
   * or left-to-right letters and no right-to-left ones, so that the bidi algorithm would reorder
   * its parts inside right-to-left text.
   */
  static boolean readsLeftToRight(String s) {
    boolean ltr = false;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      int dir = UCharacter.getDirection(cp);
      if (dir == UCharacterDirection.RIGHT_TO_LEFT
          || dir == UCharacterDirection.RIGHT_TO_LEFT_ARABIC) {
        return false;
      }
      if (dir == UCharacterDirection.LEFT_TO_RIGHT
          || dir == UCharacterDirection.EUROPEAN_NUMBER
          || dir == UCharacterDirection.ARABIC_NUMBER) {
        ltr = true;
      }
      i += Character.charCount(cp);
    }
    return ltr;
  }

  /** ICU puts narrow no-break spaces in times ("6:30 PM"); a plain space keeps SMS in GSM-7. */
  static String smsSpaces(String text) {
    return text.replace('\u202F', ' ').replace('\u00A0', ' ');
  }
}
