package org.beatline.nlu;

/**
 * Numbers features (their 64-bit hashes) densely from 0 in the order first seen: an open-addressing
 * table of primitive longs, which at startup is several times faster than a map of boxed keys.
 * Written to while training, then only read, so safe to share once training is done.
 */
final class FeatureIndex {
  private static final long EMPTY = 0;

  private long[] keys = new long[1 << 16];
  private int[] values = new int[1 << 16];
  private int size;
  private boolean hasEmptyKey;
  private int emptyKeyValue;

  /** The number of {@code feature}, numbering it if it is new. */
  int add(long feature) {
    if (feature == EMPTY) {
      if (!hasEmptyKey) {
        hasEmptyKey = true;
        emptyKeyValue = size++;
      }
      return emptyKeyValue;
    }
    int mask = keys.length - 1;
    for (int i = (int) feature & mask; ; i = (i + 1) & mask) {
      if (keys[i] == feature) {
        return values[i];
      }
      if (keys[i] == EMPTY) {
        keys[i] = feature;
        values[i] = size++;
        if (size * 2 > keys.length) {
          grow();
        }
        return size - 1;
      }
    }
  }

  /** The number of {@code feature}, or -1 if it was never seen. */
  int get(long feature) {
    if (feature == EMPTY) {
      return hasEmptyKey ? emptyKeyValue : -1;
    }
    int mask = keys.length - 1;
    for (int i = (int) feature & mask; ; i = (i + 1) & mask) {
      if (keys[i] == feature) {
        return values[i];
      }
      if (keys[i] == EMPTY) {
        return -1;
      }
    }
  }

  int size() {
    return size;
  }

  /** Every feature, at its number: adding them in this order numbers them as here. */
  long[] inOrder() {
    long[] out = new long[size];
    for (int j = 0; j < keys.length; j++) {
      if (keys[j] != EMPTY) {
        out[values[j]] = keys[j];
      }
    }
    if (hasEmptyKey) {
      out[emptyKeyValue] = EMPTY;
    }
    return out;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new int[oldKeys.length * 2];
    int mask = keys.length - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldKeys[j] != EMPTY) {
        int i = (int) oldKeys[j] & mask;
        while (keys[i] != EMPTY) {
          i = (i + 1) & mask;
        }
        keys[i] = oldKeys[j];
        values[i] = oldValues[j];
      }
    }
  }
}
