package dev.nasrank.harness.report.metrics;

/**
 * Noise ceiling of a ranking: Kendall tau-b between two training repeats of the same architectures, averaged
 * over all pairs of repeats. No one-shot method can be expected to agree with the ground truth better than
 * the ground truth agrees with itself.
 */
public final class NoiseCeiling {
  private NoiseCeiling() {}

  /**
   * @param repeats {@code repeats[r][i]} = accuracy (fraction) of item i in repeat r; at least 2 repeats
   * @return mean tau-b over the R(R-1)/2 pairs of repeats, NaN with fewer than 2 repeats or if a pair is
   *     undefined
   */
  public static double kendallTau(double[][] repeats) {
    if (repeats.length < 2) {
      return Double.NaN;
    }
    double sum = 0;
    int pairs = 0;
    for (int a = 0; a < repeats.length; a++) {
      for (int b = a + 1; b < repeats.length; b++) {
        sum += RankMetrics.kendallTauB(repeats[a], repeats[b]);
        pairs++;
      }
    }
    return sum / pairs;
  }
}
