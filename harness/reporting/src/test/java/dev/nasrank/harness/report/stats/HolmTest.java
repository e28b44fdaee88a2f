package dev.nasrank.harness.report.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HolmTest {
  @Test
  void adjustsByHand() {
    // sorted: 0.005 x4 = 0.02; 0.01 x3 = 0.03; 0.03 x2 = 0.06; 0.04 x1 = 0.04 -> running max 0.06
    assertArrayEquals(
        new double[] {0.03, 0.06, 0.06, 0.02},
        Holm.adjust(new double[] {0.01, 0.04, 0.03, 0.005}),
        1e-12);
    // a NaN stays NaN and does not count in m (m = 3 here): 0.02 x3 = 0.06; 0.6 x2 = 1.2, capped at
    // 1; 0.7 x1 -> 1
    double[] r = Holm.adjust(new double[] {0.6, Double.NaN, 0.7, 0.02});
    assertArrayEquals(new double[] {1, Double.NaN, 1, 0.06}, r, 1e-12);
  }

  @Test
  void pValueAndSeedsToDecideByHand() {
    // 9 resamples, 1 at or below 0: p = 2 (1 + 1) / (1 + 9) = 0.4
    assertEquals(
        0.4,
        StudyStatistics.pValue(new double[] {-0.1, 0.2, 0.3, 0.1, 0.5, 0.2, 0.4, 0.3, 0.6}),
        1e-12);
    // all positive: p = 2 / (1 + 4)
    assertEquals(0.4, StudyStatistics.pValue(new double[] {1, 2, 3, 4}), 1e-12);
    // d = 0.1, v = 0.01, w = 0, 1 pair, alpha 0.05, power 0.8: z = 1.959964 + 0.841621 = 2.801585,
    // S = v z^2 / d^2 = 7.849 -> 8
    SeedsToDecide s = SeedsToDecide.estimate(0.1, 0.01, 0, 1, 0.05, 1, 0.8, "seeds");
    assertEquals(SeedsToDecide.Kind.SEEDS, s.kind());
    assertEquals(8, s.seeds());
    // 66 pairs: z = z(1 - 0.05/132) + z(0.8) = 3.368869 + 0.841621 = 4.210490; S = 0.01 * 17.7282 /
    // 0.01 = 17.73 -> 18
    assertEquals(18, SeedsToDecide.estimate(0.1, 0.01, 0, 1, 0.05, 66, 0.8, "seeds").seeds());
    // w = 0.0005 leaves d^2/z^2 - w = 0.0012741 - 0.0005 for v: S = 0.01 / 0.0007741 = 12.92 -> 13
    // (1 pair)
    assertEquals(13, SeedsToDecide.estimate(0.1, 0.01, 0.0005, 1, 0.05, 1, 0.8, "seeds").seeds());
    // w above d^2/z^2: no number of seeds decides it
    assertEquals("never", SeedsToDecide.estimate(0.1, 0.01, 0.002, 1, 0.05, 1, 0.8, "seeds").csv());
    assertEquals("never", SeedsToDecide.estimate(0, 0.01, 0, 1, 0.05, 1, 0.8, "seeds").csv());
    // never fewer than one more seed than were run
    assertEquals(6, SeedsToDecide.estimate(0.5, 0.01, 0, 5, 0.05, 1, 0.8, "seeds").seeds());
  }
}
