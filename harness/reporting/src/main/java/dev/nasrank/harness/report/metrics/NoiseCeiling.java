package dev.nasrank.harness.report.metrics;

import java.util.Arrays;

/**
 * Noise ceiling of a ranking: Kendall tau-b between two training repeats of the same architectures, averaged
 * over all pairs of repeats. No one-shot method can be expected to agree with the ground truth better than
 * the ground truth agrees with itself.
 */
public final class NoiseCeiling {
  private NoiseCeiling() {}

  /**
   * @param repeats {@code repeats[r][i]} = accuracy (fraction) of item i in repeat r, NaN where item i has no repeat
   *     r (a ground truth still being generated); each pair of repeats is compared over the items both hold
   * @return mean tau-b over the pairs of repeats that share at least 2 items; NaN with fewer than 2 repeats, when no
   *     pair shares 2 items, or if a pair's tau is undefined
   */
  public static double kendallTau(double[][] repeats) {
    double sum = 0;
    int pairs = 0;
    for (int a = 0; a < repeats.length; a++) {
      for (int b = a + 1; b < repeats.length; b++) {
        int n = 0;
        double[] x = new double[repeats[a].length];
        double[] y = new double[repeats[a].length];
        for (int i = 0; i < x.length; i++) {
          if (!Double.isNaN(repeats[a][i]) && !Double.isNaN(repeats[b][i])) {
            x[n] = repeats[a][i];
            y[n] = repeats[b][i];
            n++;
          }
        }
        if (n < 2) {
          continue;
        }
        sum += RankMetrics.kendallTauB(Arrays.copyOf(x, n), Arrays.copyOf(y, n));
        pairs++;
      }
    }
    return pairs == 0 ? Double.NaN : sum / pairs;
  }
}
