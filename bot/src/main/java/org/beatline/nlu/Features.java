package org.beatline.nlu;

import java.util.Arrays;

/**
 * The features the intent classifier reads from a folded message: its words, word pairs and pieces
 * of words of three and four letters, and one feature that every message has; for scripts written
 * without spaces (Chinese, Burmese), runs of one to three characters instead, since their word
 * boundaries are not written. Arabic and Latin words also give their {@link Skeleton}, which
 * Arabizi shares with Arabic script, alone, paired with the previous word's and in runs of three
 * consonants. How a message opens is a feature of its own: its first word, or its first two
 * characters in a script without spaces ("cuando…", "quien…", "no…", "多久…"), since the opening word
 * often says what kind of question it is.
 *
 * <p>Each feature is a 64-bit hash of its kind and characters, computed without building strings:
 * at startup the examples give some 800,000 features, and hashing them is several times faster than
 * naming them. Two features sharing a hash is too unlikely to matter.
 */
final class Features {
  private static final int MIN_GRAM = 1;
  private static final int MAX_GRAM = 3;
  private static final int SUB_MIN = 3;
  private static final int SUB_MAX = 4;

  private static final long WORD = 0x9E3779B97F4A7C15L;
  private static final long PAIR = 0xC2B2AE3D27D4EB4FL;
  private static final long PIECE = 0x165667B19E3779F9L;
  private static final long GRAM = 0xD6E8FEB86659FD93L;
  private static final long OPENING = 0x94D049BB133111EBL;
  private static final long SKELETON_PAIR = 0xBF58476D1CE4E5B9L;
  private static final long SKELETON_PIECE = 0x7F4A7C159E3779B9L;
  private static final long MULTIPLIER = 0x100000001B3L;

  /** A feature every message has, so that the classifier learns how common each intent is. */
  private static final long BIAS = 0x2545F4914F6CDD1DL;

  private Features() {}

  /** The features of {@code folded}, as produced by {@link TextFolding#fold}. */
  static long[] of(String folded) {
    if (folded.isEmpty()) {
      return new long[0];
    }
    long[] out = new long[Math.max(16, folded.length() * 4)];
    int n = 0;
    int previous = -1;
    int previousEnd = -1;
    long previousSkeleton = 0;
    char[] consonants = new char[folded.length()];
    int start = 0;
    while (start < folded.length()) {
      int end = folded.indexOf(' ', start);
      if (end < 0) {
        end = folded.length();
      }
      if (end - start > 0) {
        int room = n + (end - start) * (MAX_GRAM + 3) + 16;
        if (room > out.length) {
          out = Arrays.copyOf(out, Math.max(room, out.length * 2));
        }
        boolean unspaced = Scripts.unspacedAt(folded, start);
        if (n == 0) {
          out[n++] =
              mix(hash(OPENING, folded, start, unspaced ? after(folded, start, 2, end) : end));
        }
        if (unspaced) {
          n = grams(folded, start, end, out, n);
          previous = -1;
          previousSkeleton = 0;
        } else {
          out[n++] = mix(hash(WORD, folded, start, end));
          int c = Skeleton.consonants(folded, start, end, consonants);
          long skeleton = Skeleton.hash(consonants, c);
          if (skeleton != 0) {
            out[n++] = mix(skeleton);
            if (previousSkeleton != 0) {
              out[n++] = mix((previousSkeleton ^ SKELETON_PAIR) * MULTIPLIER ^ skeleton);
            }
          }
          previousSkeleton = skeleton;
          n = pieces(folded, start, end, out, n);
          n = skeletonPieces(consonants, c, out, n);
          if (previous >= 0) {
            long h = hash(PAIR, folded, previous, previousEnd);
            out[n++] = mix(hash(h * MULTIPLIER ^ '_', folded, start, end));
          }
          previous = start;
          previousEnd = end;
        }
      }
      start = end + 1;
    }
    out[n++] = BIAS;
    return Arrays.copyOf(out, n);
  }

  /**
   * Pieces of the word bracketed as {@code <word>} carry misspellings and endings: +8 points of
   * accuracy over whole words.
   */
  private static int pieces(String s, int start, int end, long[] out, int n) {
    int length = end - start + 2;
    for (int size = SUB_MIN; size <= SUB_MAX; size++) {
      for (int i = 0; i + size <= length; i++) {
        long h = PIECE + size;
        for (int j = i; j < i + size; j++) {
          char c = j == 0 ? '<' : j == length - 1 ? '>' : s.charAt(start + j - 1);
          h = (h ^ c) * MULTIPLIER;
        }
        out[n++] = mix(h);
      }
    }
    return n;
  }

  /**
   * Runs of three consonants of a word's skeleton, bracketed as {@code <skeleton>}: they meet
   * across scripts where whole skeletons do not, as when Arabic script writes a preposition or a
   * pronoun onto the word ("بشكوتي", in my complaint) and Arabizi does not ("shakwti"). They added
   * 1.1 points of accuracy in Arabic under cross-validation, together with the naive Bayes weights
   * of {@link IntentModel}.
   */
  private static int skeletonPieces(char[] c, int count, long[] out, int n) {
    if (count < 3) {
      return n;
    }
    int length = count + 2;
    for (int i = 0; i + 3 <= length; i++) {
      long h = SKELETON_PIECE;
      for (int j = i; j < i + 3; j++) {
        h = (h ^ (j == 0 ? '<' : j == length - 1 ? '>' : c[j - 1])) * MULTIPLIER;
      }
      out[n++] = mix(h);
    }
    return n;
  }

  /** Runs of one to three code points of a word in a script written without spaces. */
  private static int grams(String s, int start, int end, long[] out, int n) {
    int[] cps = s.substring(start, end).codePoints().toArray();
    for (int size = MIN_GRAM; size <= MAX_GRAM; size++) {
      for (int i = 0; i + size <= cps.length; i++) {
        long h = GRAM + size;
        for (int j = i; j < i + size; j++) {
          h = (h ^ cps[j]) * MULTIPLIER;
        }
        out[n++] = mix(h);
      }
    }
    return n;
  }

  /** Where {@code count} code points from {@code start} end, but not past {@code end}. */
  private static int after(String s, int start, int count, int end) {
    int i = start;
    for (int k = 0; k < count && i < end; k++) {
      i += Character.charCount(s.codePointAt(i));
    }
    return i;
  }

  private static long hash(long seed, String s, int start, int end) {
    long h = seed;
    for (int i = start; i < end; i++) {
      h = (h ^ s.charAt(i)) * MULTIPLIER;
    }
    return h;
  }

  /** Spreads the bits of an FNV-style hash (the finaliser of MurmurHash3). */
  private static long mix(long h) {
    h ^= h >>> 33;
    h *= 0xFF51AFD7ED558CCDL;
    h ^= h >>> 33;
    h *= 0xC4CEB9FE1A85EC53L;
    return h ^ (h >>> 33);
  }
}
