package dev.nasrank.harness.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RankMetricsTest {
  private static final double EPS = 1e-12;

  @Test
  void tauBWithTiesOnBothSidesMatchesHandComputation() {
    // x = [1,2,2,3], y = [1,3,2,2]; the 6 pairs:
    // (0,1) C, (0,2) C, (0,3) C, (1,2) tied in x only, (1,3) D, (2,3) tied in y only
    // n0 = 6, n1 (x ties) = 1, n2 (y ties) = 1, C = 3, D = 1
    // tau-b = (C - D) / sqrt((n0 - n1)(n0 - n2)) = 2 / sqrt(5 * 5) = 0.4
    double tau = RankMetrics.kendallTauB(new double[] {1, 2, 2, 3}, new double[] {1, 3, 2, 2});
    assertEquals(0.4, tau, EPS);
  }

  @Test
  void tauBAgreesWithBruteForcePairCountOnRandomTiedData() {
    Random rng = new Random(7);
    for (int trial = 0; trial < 20; trial++) {
      int n = 5 + rng.nextInt(40);
      double[] x = new double[n];
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = rng.nextInt(6); // few distinct values: many ties
        y[i] = rng.nextInt(6) + 0.5 * x[i];
      }
      assertEquals(bruteForceTauB(x, y), RankMetrics.kendallTauB(x, y), 1e-12, "trial " + trial);
    }
  }

  /** Independent O(n^2) tau-b straight from the definition (Kendall 1945). */
  private static double bruteForceTauB(double[] x, double[] y) {
    long c = 0;
    long d = 0;
    long tx = 0;
    long ty = 0;
    long n0 = 0;
    for (int i = 0; i < x.length; i++) {
      for (int j = i + 1; j < x.length; j++) {
        n0++;
        double s = Math.signum(x[i] - x[j]) * Math.signum(y[i] - y[j]);
        if (x[i] == x[j]) {
          tx++;
        }
        if (y[i] == y[j]) {
          ty++;
        }
        if (s > 0) {
          c++;
        } else if (s < 0) {
          d++;
        }
      }
    }
    return (c - d) / Math.sqrt((double) (n0 - tx) * (n0 - ty));
  }

  @Test
  void spearmanOnKnownExamples() {
    // no ties: d = [-1, 1, -1, 1, 0], sum d^2 = 4, rho = 1 - 6*4 / (5*(25-1)) = 0.8
    assertEquals(
        0.8, RankMetrics.spearman(new double[] {1, 2, 3, 4, 5}, new double[] {2, 1, 4, 3, 5}), EPS);
    // ties: ranks x = [1, 2.5, 2.5, 4], y = [1, 4, 2.5, 2.5]; centred: dx = [-1.5, 0, 0, 1.5],
    // dy = [-1.5, 1.5, 0, 0]; rho = 2.25 / sqrt(4.5 * 4.5) = 0.5
    assertEquals(
        0.5, RankMetrics.spearman(new double[] {1, 2, 2, 3}, new double[] {1, 3, 2, 2}), EPS);
  }

  @Test
  void precisionAtKByHand() {
    double[] predicted = {0.9, 0.8, 0.7, 0.6, 0.5};
    double[] truth = {0.5, 0.9, 0.8, 0.1, 0.95};
    // predicted top-2 = {0, 1}, true top-2 = {4, 1}: one shared -> 1/2
    assertEquals(0.5, RankMetrics.precisionAtK(predicted, truth, 2), EPS);
    // predicted top-3 = {0, 1, 2}, true top-3 = {4, 1, 2}: two shared -> 2/3
    assertEquals(2.0 / 3, RankMetrics.precisionAtK(predicted, truth, 3), EPS);
    assertEquals(1.0, RankMetrics.precisionAtK(predicted, truth, 5), EPS);
    assertThrows(
        IllegalArgumentException.class, () -> RankMetrics.precisionAtK(predicted, truth, 6));
  }

  @Test
  void sparseTauBinsTheGroundTruthIntoTies() {
    double[] predicted = {1, 2, 3, 4};
    double[] truth = {0.9001, 0.9004, 0.9100, 0.9098};
    // raw: pairs (0,1) (0,2) (0,3) (1,2) (1,3) concordant, (2,3) discordant -> (5 - 1) / 6
    assertEquals(4.0 / 6, RankMetrics.kendallTauB(predicted, truth), EPS);
    // binned at 0.001: [0.900, 0.900, 0.910, 0.910]; (0,1) and (2,3) tie in the truth, the other 4
    // pairs
    // are concordant: tau-b = 4 / sqrt(6 * (6 - 2)) = 4 / sqrt(24)
    assertEquals(
        4 / Math.sqrt(24),
        RankMetrics.sparseKendallTau(predicted, truth, RankMetrics.SPARSE_BIN),
        EPS);
  }

  @Test
  void undefinedCorrelationsAreNaNAndBadInputIsRejected() {
    assertTrue(
        Double.isNaN(RankMetrics.kendallTauB(new double[] {1, 2, 3}, new double[] {5, 5, 5})));
    assertTrue(Double.isNaN(RankMetrics.spearman(new double[] {1}, new double[] {2})));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> RankMetrics.kendallTauB(new double[] {1, Double.NaN}, new double[] {1, 2}));
    assertTrue(e.getMessage().contains("index 1"), e.getMessage());
  }
}
