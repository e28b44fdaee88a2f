package dev.nasrank.harness.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SeedsTest {

  @Test
  void seedsThatFitAnIntAreTheEngineSeedAsBefore() {
    for (long s : new long[] {0, 1, 2020, -7, Integer.MAX_VALUE, Integer.MIN_VALUE}) {
      assertEquals((int) s, Seeds.torchSeed(s));
    }
    assertEquals("2020", Seeds.DEFAULT_TEXT);
  }

  @Test
  void largerSeedsAreMixedSoTheHighBitsCount() {
    long s = (1L << 32) + 2020;
    // truncation gave both 2020
    assertEquals((int) s, (int) 2020L);
    assertNotEquals(Seeds.torchSeed(2020), Seeds.torchSeed(s));
    // the JDK's SplittableRandom applies the same finaliser (mix64) to seed + its golden gamma,
    // an independent implementation of the mix
    for (long x : new long[] {s, 1L << 40, Long.MAX_VALUE, Long.MIN_VALUE, -(1L << 33)}) {
      long mixed = new SplittableRandom(x - 0x9e3779b97f4a7c15L).nextLong();
      assertEquals((int) mixed, Seeds.torchSeed(x), "seed " + x);
    }
  }
}
