package dev.nasrank.harness.metrics;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.apache.commons.math3.stat.correlation.KendallsCorrelation;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;

/**
 * Rank-correlation metrics between a predicted score (one-shot accuracy) and a ground truth
 * (stand-alone accuracy), both given as parallel arrays of fractions in [0,1] (any real scale works
 * for the correlations). Every method returns {@link Double#NaN} when the correlation is undefined
 * (fewer than 2 items, or one side constant), never a made-up value.
 */
public final class RankMetrics {
  /** Bin width of the sparse Kendall tau: 0.1% accuracy, as in Yu et al. (ICLR 2020). */
  public static final double SPARSE_BIN = 0.001;

  private RankMetrics() {}

  /**
   * Kendall's tau-b (Kendall 1938/1945; ties corrected on both sides), computed by commons-math3.
   */
  public static double kendallTauB(double[] predicted, double[] truth) {
    checkPair(predicted, truth);
    if (predicted.length < 2 || constant(predicted) || constant(truth)) {
      return Double.NaN;
    }
    return new KendallsCorrelation().correlation(predicted, truth);
  }

  /**
   * The exact two-sided permutation p-value of a perfect ranking of n untied items (tau-b = 1): 2 /
   * n!, the smallest p-value Kendall's tau can reach over n items (1 for n < 2). With n = 4 it is
   * 1/12, so no ranking of 4 items is significant at the 5% level.
   */
  public static double perfectRankingPValue(int n) {
    double p = 2;
    for (int i = 2; i <= n; i++) {
      p /= i;
    }
    return Math.min(1, p);
  }

  /** Spearman's rho: Pearson correlation of the ranks, ties get their average rank. */
  public static double spearman(double[] predicted, double[] truth) {
    checkPair(predicted, truth);
    if (predicted.length < 2 || constant(predicted) || constant(truth)) {
      return Double.NaN;
    }
    return new SpearmansCorrelation().correlation(predicted, truth);
  }

  /**
   * Sparse Kendall tau (Yu et al., "How to train your super-net", 2020): the ground truth is
   * rounded to multiples of {@code binWidth} (0.001 = 0.1% accuracy), so near-equal architectures
   * tie, then tau-b.
   */
  public static double sparseKendallTau(double[] predicted, double[] truth, double binWidth) {
    if (!(binWidth > 0)) {
      throw new IllegalArgumentException("bin width must be > 0, got " + binWidth);
    }
    return kendallTauB(predicted, bin(truth, binWidth));
  }

  /** The values rounded to the nearest multiple of {@code binWidth} (half up). */
  public static double[] bin(double[] values, double binWidth) {
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = Math.round(values[i] / binWidth) * binWidth;
    }
    return out;
  }

  /**
   * Precision@k: the fraction of the true top-k (highest ground truth) that is also in the
   * predicted top-k (highest predicted score). Ties at the cut are broken by position in the arrays
   * (the earlier item wins), which makes the value deterministic; callers order items by a stable
   * key (the module hash).
   */
  public static double precisionAtK(double[] predicted, double[] truth, int k) {
    checkPair(predicted, truth);
    if (k < 1 || k > predicted.length) {
      throw new IllegalArgumentException("k must be in 1.." + predicted.length + ", got " + k);
    }
    boolean[] inPredicted = new boolean[predicted.length];
    for (int i : topK(predicted, k)) {
      inPredicted[i] = true;
    }
    long hits = Arrays.stream(topK(truth, k)).filter(i -> inPredicted[i]).count();
    return hits / (double) k;
  }

  static int[] topK(double[] values, int k) {
    return IntStream.range(0, values.length)
        .boxed()
        .sorted(Comparator.<Integer>comparingDouble(i -> -values[i]).thenComparingInt(i -> i))
        .limit(k)
        .mapToInt(Integer::intValue)
        .toArray();
  }

  private static boolean constant(double[] v) {
    for (double x : v) {
      if (x != v[0]) {
        return false;
      }
    }
    return true;
  }

  private static void checkPair(double[] a, double[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException(
          "arrays differ in length: " + a.length + " vs " + b.length);
    }
    for (int i = 0; i < a.length; i++) {
      if (!Double.isFinite(a[i]) || !Double.isFinite(b[i])) {
        throw new IllegalArgumentException(
            "non-finite value at index " + i + ": " + a[i] + ", " + b[i]);
      }
    }
  }
}
