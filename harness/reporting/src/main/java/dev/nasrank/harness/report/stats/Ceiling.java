package dev.nasrank.harness.report.stats;

import dev.nasrank.harness.metrics.NoiseCeiling;
import dev.nasrank.harness.metrics.RankMetrics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How well the ground truth actually used (the mean of R repeats per architecture) can be agreed
 * with: three figures, each named for what it is (docs/report.md, "Noise ceilings").
 *
 * @param oneRepeat mean Kendall tau-b between one repeat and another ({@link NoiseCeiling}): the
 *     reliability of ONE repeat, not of the mean that rankings are measured against
 * @param splitHalf mean over the splits of the repeats into two halves (R/2 and R - R/2 repeats;
 *     for R = 6 the 10 splits 3 vs 3) of tau-b between the two halves' means
 * @param repeats R, the mean number of repeats per architecture
 * @param reliability normal-theory reliability of the R-repeat mean: the split-half tau turned into
 *     a Pearson correlation by Greiner's relation r = sin(pi tau / 2), stepped up from the half's
 *     size h to R by Spearman-Brown, k r / (1 + (k - 1) r) with k = R / h
 * @param bound normal-theory Kendall tau between the true accuracy and the R-repeat mean, (2/pi)
 *     arcsin(sqrt(reliability)): what a ranker that knew the true accuracies would score on
 *     average, the upper bound printed beside every tau
 */
public record Ceiling(
    double oneRepeat, double splitHalf, double repeats, double reliability, double bound) {

  /**
   * The figures of a ground truth.
   *
   * @param reps {@code reps[r][i]}: accuracy (fraction) of item i in repeat r, NaN where item i
   *     lacks repeat r
   */
  public static Ceiling of(double[][] reps) {
    double one = NoiseCeiling.kendallTau(reps);
    int r = reps.length;
    int items = r == 0 ? 0 : reps[0].length;
    double meanR = 0;
    for (int i = 0; i < items; i++) {
      for (double[] rep : reps) {
        meanR += Double.isNaN(rep[i]) ? 0 : 1;
      }
    }
    meanR = items == 0 ? Double.NaN : meanR / items;
    if (r < 2) {
      return new Ceiling(one, Double.NaN, meanR, Double.NaN, Double.NaN);
    }
    int h = r / 2;
    List<int[]> splits = new ArrayList<>();
    if (2 * h == r) {
      halves(r, h, 1, new int[] {0}, splits); // each split once: the half holding repeat 0
    } else {
      halves(r, h, 0, new int[0], splits);
    }
    double sum = 0;
    int used = 0;
    for (int[] first : splits) {
      boolean[] in = new boolean[r];
      for (int q : first) {
        in[q] = true;
      }
      double[] a = new double[items];
      double[] b = new double[items];
      int n = 0;
      for (int i = 0; i < items; i++) {
        double sa = 0;
        double sb = 0;
        int na = 0;
        int nb = 0;
        for (int q = 0; q < r; q++) {
          double v = reps[q][i];
          if (!Double.isNaN(v)) {
            if (in[q]) {
              sa += v;
              na++;
            } else {
              sb += v;
              nb++;
            }
          }
        }
        if (na > 0 && nb > 0) {
          a[n] = sa / na;
          b[n] = sb / nb;
          n++;
        }
      }
      double tau = RankMetrics.kendallTauB(Arrays.copyOf(a, n), Arrays.copyOf(b, n));
      if (!Double.isNaN(tau)) {
        sum += tau;
        used++;
      }
    }
    double split = used == 0 ? Double.NaN : sum / used;
    double rel = stepUp(toPearson(split), meanR / h);
    return new Ceiling(one, split, meanR, rel, boundOf(rel));
  }

  /** Greiner's relation between Kendall's tau and Pearson's r under bivariate normality. */
  public static double toPearson(double tau) {
    return Math.sin(Math.PI * tau / 2);
  }

  /** The inverse of {@link #toPearson}: (2/pi) arcsin r. */
  public static double toTau(double r) {
    return 2 / Math.PI * Math.asin(r);
  }

  /**
   * Spearman-Brown: the reliability of a mean of k times as many repeats, k r / (1 + (k - 1) r).
   */
  public static double stepUp(double r, double k) {
    return k * r / (1 + (k - 1) * r);
  }

  /**
   * Tau between the truth and a measurement of reliability {@code rel}: (2/pi) arcsin(sqrt(rel)), 0
   * for rel <= 0, NaN for NaN.
   */
  public static double boundOf(double rel) {
    if (Double.isNaN(rel)) {
      return Double.NaN;
    }
    return rel <= 0 ? 0 : toTau(Math.sqrt(Math.min(1, rel)));
  }

  /**
   * Appends every subset of size h of next..r-1 added to {@code chosen}, in lexicographic order.
   */
  private static void halves(int r, int h, int next, int[] chosen, List<int[]> out) {
    if (chosen.length == h) {
      out.add(chosen.clone());
      return;
    }
    for (int q = next; q < r; q++) {
      int[] c = Arrays.copyOf(chosen, chosen.length + 1);
      c[chosen.length] = q;
      halves(r, h, q + 1, c, out);
    }
  }
}
