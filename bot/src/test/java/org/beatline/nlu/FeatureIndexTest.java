package org.beatline.nlu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Features are numbered densely in the order first seen, through growth and for every key. */
class FeatureIndexTest {
  @Test
  void numbersFeaturesDenselyAndKeepsThemThroughGrowth() {
    FeatureIndex index = new FeatureIndex();
    int n = 200_000;
    for (int i = 0; i < n; i++) {
      assertEquals(i, index.add(key(i)));
    }
    assertEquals(n, index.size());
    for (int i = 0; i < n; i++) {
      assertEquals(i, index.add(key(i)), "added again");
      assertEquals(i, index.get(key(i)));
    }
    assertEquals(-1, index.get(key(n)));
  }

  @Test
  void zeroAndNegativeHashesAreFeaturesLikeAnyOther() {
    FeatureIndex index = new FeatureIndex();
    assertEquals(-1, index.get(0));
    assertEquals(0, index.add(-1));
    assertEquals(1, index.add(0));
    assertEquals(2, index.add(Long.MIN_VALUE));
    assertEquals(1, index.get(0));
    assertEquals(0, index.get(-1));
    assertEquals(3, index.size());
  }

  private static long key(int i) {
    return i * 0x9E3779B97F4A7C15L;
  }
}
