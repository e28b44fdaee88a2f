package dev.nasrank.harness.report.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The space target's t by hand. Expected values were computed independently (scipy.stats 1.x: t.sf,
 * t.ppf; and, for 3 df, the closed form F(t) = 1/2 + (1/pi)(t / (sqrt(3)(1 + t^2/3)) + atan(t /
 * sqrt(3)))).
 */
class TEstimateTest {
  private static final double[] DIFFS = {0.1, 0.3, 0.2, 0.4};

  @Test
  void pairedTWithoutGroundTruthVarianceIsStudentsT() {
    // mean 0.25; sample variance 0.05/3; of the mean 0.05/12 = 0.0041667; t = 0.25 / 0.0645497 =
    // 3.8729833 with 3 df; closed form: two-sided p = 0.0304663
    TEstimate t = TEstimate.of(DIFFS, 0, 5);
    assertEquals(0.25, t.estimate(), 1e-15);
    assertEquals(0.05 / 12, t.seedVariance(), 1e-15);
    assertEquals(3, t.df(), 1e-12, "g = 0 adds nothing to the Satterthwaite denominator");
    assertEquals(3.8729833462074175, t.t(), 1e-12);
    assertEquals(0.030466291662170963, t.pValue(), 1e-10);
  }

  @Test
  void groundTruthVarianceAddedWithSatterthwaiteDf() {
    // g = 0.001 with 5 df: variance 0.0041667 + 0.001 = 0.0051667, se 0.0718795;
    // df = 0.0051667^2 / (0.0041667^2 / 3 + 0.001^2 / 5) = 2.66944e-5 / 5.98704e-6 = 4.458707
    TEstimate t = TEstimate.of(DIFFS, 0.001, 5);
    assertEquals(4.458707083204454, t.df(), 1e-9);
    assertEquals(0.07187952884282608, t.se(), 1e-12);
    assertEquals(3.4780417182012617, t.t(), 1e-9);
    assertEquals(0.021309898372978416, t.pValue(), 1e-8);
    // 95% interval: 0.25 -+ t_{4.4587, 0.975} x 0.0718795
    assertEquals(0.05827262807905073, t.low(0.05), 1e-7);
    assertEquals(0.44172737192094924, t.high(0.05), 1e-7);
    // the same through the general formula; an infinite df contributes nothing
    assertEquals(
        4.458707083204454,
        TEstimate.satterthwaite(new double[] {0.05 / 12, 0.001}, new double[] {3, 5}),
        1e-9);
    assertEquals(
        3 * Math.pow(0.05 / 12 + 0.001, 2) / Math.pow(0.05 / 12, 2),
        TEstimate.satterthwaite(
            new double[] {0.05 / 12, 0.001}, new double[] {3, Double.POSITIVE_INFINITY}),
        1e-9);
  }

  @Test
  void twoOneSidedTestsOfEquivalence() {
    // differences 0.01, 0.03, -0.02, 0.02: mean 0.01, variance of the mean 1.16667e-4; g = 1e-4
    // with
    // 5 df: se 0.0147196, df 7.181303. Margin 0.05: H0 d <= -0.05: t = 4.0762, p = 0.0022319;
    // H0 d >= 0.05: t = -2.7175, p = 0.0145765; TOST p = the larger
    TEstimate t = TEstimate.of(new double[] {0.01, 0.03, -0.02, 0.02}, 1e-4, 5);
    assertEquals(7.181303116147307, t.df(), 1e-9);
    assertEquals(0.002231910638345794, t.pAbove(-0.05), 1e-8);
    assertEquals(0.014576499105085104, t.pBelow(0.05), 1e-8);
    assertEquals(0.014576499105085104, t.pEquivalent(0.05), 1e-8);
    // a gain above the margin is what would contradict "does not profit": p = 1 - 0.0022... here
    assertEquals(1 - t.pBelow(0.05), t.pAbove(0.05), 1e-12);
    // a narrower margin no longer shows equivalence at 0.05
    assertTrue(t.pEquivalent(0.02) > 0.05);
  }

  @Test
  void oneSeedHasNoSeedVariance() {
    TEstimate t = TEstimate.of(new double[] {0.3, Double.NaN}, 0.001, 5);
    assertFalse(t.defined());
    assertEquals(0.3, t.estimate(), 0);
    assertTrue(Double.isNaN(t.pValue()) && Double.isNaN(t.low(0.05)));
  }

  @Test
  void zeroVarianceDecidesAnyNonZeroDifference() {
    TEstimate t = TEstimate.of(new double[] {-2, -2}, 0, 5);
    assertEquals(0, t.pValue(), 0);
    assertEquals(-2, t.low(0.05), 0);
    assertEquals(Double.POSITIVE_INFINITY, t.df(), 0);
    assertEquals(1, TEstimate.of(new double[] {0, 0}, 0, 5).pValue(), 0);
  }
}
