package dev.nasrank.harness.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BootstrapIntervalTest {
  private static double[][] noisyPairs(int n, long seed) {
    Random rng = new Random(seed);
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = 0.85 + 0.1 * rng.nextDouble();
      x[i] = y[i] + 0.05 * rng.nextGaussian();
    }
    return new double[][] {x, y};
  }

  @Test
  void intervalContainsTheEstimateAndIsDeterministicForASeed() {
    double[][] d = noisyPairs(34, 1);
    BootstrapInterval b = BootstrapInterval.defaults().withResamples(500).withSeed(11);
    BootstrapInterval.Interval i1 = b.kendallTau(d[0], d[1]);
    BootstrapInterval.Interval i2 = b.kendallTau(d[0], d[1]);
    assertEquals(RankMetrics.kendallTauB(d[0], d[1]), i1.estimate(), 0);
    assertTrue(i1.low() <= i1.estimate() && i1.estimate() <= i1.high(), i1.toString());
    assertTrue(i1.low() < i1.high(), i1.toString());
    assertEquals(i1, i2);
    assertEquals(500, i1.usedResamples());
    BootstrapInterval.Interval other = b.withSeed(12).kendallTau(d[0], d[1]);
    assertNotEquals(i1.low(), other.low());
  }

  @Test
  void perfectRankingGivesADegenerateIntervalAtOne() {
    double[] x = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6};
    double[] y = {0.5, 0.6, 0.7, 0.8, 0.9, 0.95};
    BootstrapInterval.Interval i = BootstrapInterval.defaults().withResamples(200).kendallTau(x, y);
    // every resample with two distinct items has tau = 1; resamples of a single repeated item are
    // undefined
    assertEquals(1.0, i.low(), 0);
    assertEquals(1.0, i.high(), 0);
    assertEquals(200, i.usedResamples() + i.undefinedResamples());
  }

  @Test
  void moreItemsNarrowTheInterval() {
    BootstrapInterval b = BootstrapInterval.defaults().withResamples(400);
    double[][] small = noisyPairs(15, 3);
    double[][] large = noisyPairs(240, 3);
    BootstrapInterval.Interval s = b.kendallTau(small[0], small[1]);
    BootstrapInterval.Interval l = b.kendallTau(large[0], large[1]);
    assertTrue(l.high() - l.low() < s.high() - s.low(), s + " vs " + l);
  }
}
