package org.beatline.nlu;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds any of a list of phrases in a folded message. Where asked, a word of six letters or more
 * may carry one typo (a letter missing, added, replaced or swapped, never the first), and one extra
 * word may stand between the words of a phrase ("he has got a gun"). Phrases in scripts written
 * without spaces (Chinese, Burmese) are found anywhere in the text. An Arabic word may carry the
 * conjunction و or ف written onto it ("ووجهه ازرق", "and his face is blue"), as Arabic is written.
 */
final class PhraseMatcher {
  /** Shorter words are matched exactly: one typo away from them lie too many other words. */
  private static final int FUZZY_LENGTH = 6;

  /** The Arabic conjunctions و ("and") and ف ("so"), written onto the word that follows them. */
  private static final char WAW = '\u0648';

  private static final char FA = '\u0641';

  private final List<int[]> phrases = new ArrayList<>();
  private final List<String> originals = new ArrayList<>();
  private final List<String> unspaced = new ArrayList<>();
  private final List<String> unspacedOriginals = new ArrayList<>();
  private final Map<Integer, List<Integer>> startingWith = new HashMap<>();
  private final Map<String, Integer> words = new HashMap<>();

  /** A phrase word with one letter (not the first) left out, to the words it may be. */
  private final Map<String, List<Integer>> dropped = new HashMap<>();

  /** The same, keyed by what is left and where the letter was, so as to find replaced letters. */
  private final Map<String, List<Integer>> replaced = new HashMap<>();

  private final boolean gaps;
  private final boolean typos;

  /**
   * Matches {@code list}; {@code gaps} lets one extra word stand between a phrase's words, {@code
   * typos} lets long words carry one typo.
   */
  PhraseMatcher(Collection<String> list, boolean gaps, boolean typos) {
    this.gaps = gaps;
    this.typos = typos;
    for (String phrase : list) {
      String folded = TextFolding.fold(Zawgyi.toUnicode(phrase));
      if (folded.isEmpty()) {
        continue;
      }
      if (Scripts.unspaced(folded)) {
        unspaced.add(folded.replace(" ", ""));
        unspacedOriginals.add(phrase);
        continue;
      }
      String[] ws = folded.split(" ");
      int[] ids = new int[ws.length];
      for (int i = 0; i < ws.length; i++) {
        ids[i] = id(ws[i]);
      }
      startingWith.computeIfAbsent(ids[0], k -> new ArrayList<>()).add(phrases.size());
      phrases.add(ids);
      originals.add(phrase);
    }
  }

  /** Whether any phrase occurs in {@code folded} (as made by {@link TextFolding#fold}). */
  boolean matches(String folded) {
    return find(folded) != null;
  }

  /** A phrase, as listed, that occurs in {@code folded}; null when none does. */
  String find(String folded) {
    if (folded.isEmpty()) {
      return null;
    }
    if (!unspaced.isEmpty() && hasUnspacedScript(folded)) {
      String compact = folded.replace(" ", "");
      for (int i = 0; i < unspaced.size(); i++) {
        if (compact.contains(unspaced.get(i))) {
          return unspacedOriginals.get(i);
        }
      }
    }
    if (phrases.isEmpty()) {
      return null;
    }
    String[] ws = folded.split(" ");
    int[][] seen = new int[ws.length][];
    for (int i = 0; i < ws.length; i++) {
      seen[i] = candidates(ws[i]);
    }
    for (int start = 0; start < ws.length; start++) {
      for (int id : seen[start]) {
        for (int p : startingWith.getOrDefault(id, List.of())) {
          if (matchFrom(phrases.get(p), 1, start + 1, seen)) {
            return originals.get(p);
          }
        }
      }
    }
    return null;
  }

  /** Whether words {@code k..} of {@code phrase} follow from position {@code at} of the message. */
  private boolean matchFrom(int[] phrase, int k, int at, int[][] seen) {
    if (k == phrase.length) {
      return true;
    }
    int limit = gaps ? at + 1 : at;
    for (int i = at; i <= limit && i < seen.length; i++) {
      if (contains(seen[i], phrase[k]) && matchFrom(phrase, k + 1, i + 1, seen)) {
        return true;
      }
    }
    return false;
  }

  private static boolean contains(int[] ids, int id) {
    for (int x : ids) {
      if (x == id) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasUnspacedScript(String folded) {
    for (int i = 0; i < folded.length(); i++) {
      if (folded.charAt(i) >= 0x0E00) {
        return true;
      }
    }
    return false;
  }

  /** The ids of the phrase words {@code w} may be. */
  private int[] candidates(String w) {
    List<Integer> out = new ArrayList<>(2);
    Integer exact = words.get(w);
    if (exact != null) {
      out.add(exact);
    }
    if (w.length() > 2 && (w.charAt(0) == WAW || w.charAt(0) == FA)) {
      Integer joined = words.get(w.substring(1));
      if (joined != null) {
        out.add(joined);
      }
    }
    int n = w.length();
    if (!typos) {
      return ids(out);
    }
    if (n >= FUZZY_LENGTH - 1) {
      addAll(out, dropped.get(w)); // a letter missing from the message
    }
    if (n < FUZZY_LENGTH) {
      return ids(out);
    }
    for (int i = 1; i < n; i++) {
      String rest = w.substring(0, i) + w.substring(i + 1);
      Integer extra = words.get(rest); // a letter too many
      if (extra != null && rest.length() >= FUZZY_LENGTH) {
        out.add(extra);
      }
      addAll(out, replaced.get(i + ":" + rest));
      if (i < n - 1) {
        char[] swap = w.toCharArray();
        swap[i] = w.charAt(i + 1);
        swap[i + 1] = w.charAt(i);
        Integer swapped = words.get(new String(swap));
        if (swapped != null) {
          out.add(swapped);
        }
      }
    }
    return ids(out);
  }

  private static int[] ids(List<Integer> list) {
    int[] out = new int[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = list.get(i);
    }
    return out;
  }

  private int id(String w) {
    Integer known = words.get(w);
    if (known != null) {
      return known;
    }
    int id = words.size();
    words.put(w, id);
    if (typos && w.length() >= FUZZY_LENGTH) {
      for (int i = 1; i < w.length(); i++) {
        String rest = w.substring(0, i) + w.substring(i + 1);
        dropped.computeIfAbsent(rest, k -> new ArrayList<>()).add(id);
        replaced.computeIfAbsent(i + ":" + rest, k -> new ArrayList<>()).add(id);
      }
    }
    return id;
  }

  private static void addAll(List<Integer> out, List<Integer> ids) {
    if (ids != null) {
      out.addAll(ids);
    }
  }
}
