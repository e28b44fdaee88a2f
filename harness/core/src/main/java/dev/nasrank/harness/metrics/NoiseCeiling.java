package dev.nasrank.harness.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Noise ceiling of a ranking: Kendall tau-b between two training repeats of the same architectures,
 * averaged over all pairs of repeats. No one-shot method can be expected to agree with the ground
 * truth better than the ground truth agrees with itself.
 */
public final class NoiseCeiling {
  private NoiseCeiling() {}

  /**
   * @param repeats {@code repeats[r][i]} = accuracy (fraction) of item i in repeat r, NaN where
   *     item i has no repeat r (a ground truth still being generated); each pair of repeats is
   *     compared over the items both hold
   * @return mean tau-b over the pairs of repeats that share at least 2 items; NaN with fewer than 2
   *     repeats, when no pair shares 2 items, or if a pair's tau is undefined
   */
  public static double kendallTau(double[][] repeats) {
    double sum = 0;
    List<Pair> pairs = repeatPairs(repeats);
    for (Pair p : pairs) {
      sum += p.tau();
    }
    return pairs.isEmpty() ? Double.NaN : sum / pairs.size();
  }

  /**
   * Tau-b of one pair of repeats.
   *
   * @param a index of the first repeat
   * @param b index of the second repeat (b &gt; a)
   * @param items number of items both repeats hold
   * @param tau their Kendall tau-b over those items
   */
  public record Pair(int a, int b, int items, double tau) {}

  /**
   * The pairs behind {@link #kendallTau}: every pair of repeats that shares at least 2 items, in
   * order (0-1, 0-2, ..., 1-2, ...). The ground-truth generator reports these per pair
   * (groundtruth.NoiseCeiling).
   */
  public static List<Pair> repeatPairs(double[][] repeats) {
    List<Pair> out = new ArrayList<>();
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
        out.add(
            new Pair(a, b, n, RankMetrics.kendallTauB(Arrays.copyOf(x, n), Arrays.copyOf(y, n))));
      }
    }
    return out;
  }
}
