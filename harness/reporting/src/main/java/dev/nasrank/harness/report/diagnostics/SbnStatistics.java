package dev.nasrank.harness.report.diagnostics;

import java.util.ArrayList;
import java.util.List;

/**
 * Shadow-BN diagnostics of one layer (MixPath section 3, Lemma 3.1): whether the running statistics
 * of the BN for k active paths follow mean_k = k * mean_1 and var_k = k^2 * var_1, and how close
 * the learned affine parameters of the BNs are.
 *
 * <p>Ratios are least-squares slopes through the origin over channels, divided by the expected
 * factor: {@code meanRatio = <mean_k, mean_1> / (k * <mean_1, mean_1>)}, {@code varRatio = <var_k,
 * var_1> / (k^2 * <var_1, var_1>)}; 1 means the expected scaling holds exactly. The reference
 * (SBN_1) is the element-wise average of the BNs that serve one active path (one for linear SBN, m
 * for exponential SBN).
 */
public final class SbnStatistics {
  private SbnStatistics() {}

  /**
   * One BN of a layer.
   *
   * @param label e.g. {@code k=2} or {@code {n1,n3}}
   * @param activePaths number of active paths this BN normalises
   * @param runningMean per-channel running mean
   * @param runningVar per-channel running variance
   * @param gamma per-channel scale
   * @param beta per-channel shift
   */
  public record Bn(
      String label,
      int activePaths,
      double[] runningMean,
      double[] runningVar,
      double[] gamma,
      double[] beta) {}

  /** Scaling check of one BN against SBN_1. */
  public record ScalingRow(
      String layer, String bn, int activePaths, double meanRatio, double varRatio) {}

  /** Closeness of the affine parameters of two BNs of a layer. */
  public record AffineRow(
      String layer,
      String bnA,
      String bnB,
      double gammaCosine,
      double gammaRelativeDistance,
      double betaCosine,
      double betaRelativeDistance) {}

  /** The scaling rows of one layer, one per BN. */
  public static List<ScalingRow> scaling(String layer, List<Bn> bns) {
    check(layer, bns);
    double[] mean1 = reference(bns, true);
    double[] var1 = reference(bns, false);
    List<ScalingRow> rows = new ArrayList<>();
    for (Bn b : bns) {
      int k = b.activePaths();
      rows.add(
          new ScalingRow(
              layer,
              b.label(),
              k,
              dot(b.runningMean(), mean1) / (k * dot(mean1, mean1)),
              dot(b.runningVar(), var1) / ((double) k * k * dot(var1, var1))));
    }
    return rows;
  }

  /** Pairwise closeness of gamma and beta of the layer's BNs (every unordered pair once). */
  public static List<AffineRow> affine(String layer, List<Bn> bns) {
    check(layer, bns);
    List<AffineRow> rows = new ArrayList<>();
    for (int i = 0; i < bns.size(); i++) {
      for (int j = i + 1; j < bns.size(); j++) {
        Bn a = bns.get(i);
        Bn b = bns.get(j);
        rows.add(
            new AffineRow(
                layer,
                a.label(),
                b.label(),
                cosine(a.gamma(), b.gamma()),
                relativeDistance(a.gamma(), b.gamma()),
                cosine(a.beta(), b.beta()),
                relativeDistance(a.beta(), b.beta())));
      }
    }
    return rows;
  }

  /** Cosine of the angle between two vectors (NaN if either is zero). */
  public static double cosine(double[] a, double[] b) {
    double na = Math.sqrt(dot(a, a));
    double nb = Math.sqrt(dot(b, b));
    return na == 0 || nb == 0 ? Double.NaN : dot(a, b) / (na * nb);
  }

  /** ||a - b|| / ((||a|| + ||b||) / 2): 0 for equal vectors, 2 for opposite ones of equal norm. */
  public static double relativeDistance(double[] a, double[] b) {
    double d = 0;
    for (int i = 0; i < a.length; i++) {
      d += (a[i] - b[i]) * (a[i] - b[i]);
    }
    double scale = (Math.sqrt(dot(a, a)) + Math.sqrt(dot(b, b))) / 2;
    return scale == 0 ? (d == 0 ? 0 : Double.NaN) : Math.sqrt(d) / scale;
  }

  private static double[] reference(List<Bn> bns, boolean mean) {
    int c = bns.get(0).runningMean().length;
    double[] ref = new double[c];
    int count = 0;
    for (Bn b : bns) {
      if (b.activePaths() == 1) {
        double[] v = mean ? b.runningMean() : b.runningVar();
        for (int i = 0; i < c; i++) {
          ref[i] += v[i];
        }
        count++;
      }
    }
    for (int i = 0; i < c; i++) {
      ref[i] /= count;
    }
    return ref;
  }

  private static void check(String layer, List<Bn> bns) {
    if (bns.isEmpty() || bns.stream().noneMatch(b -> b.activePaths() == 1)) {
      throw new IllegalArgumentException(
          layer + ": needs at least one BN with 1 active path (SBN_1)");
    }
    int c = bns.get(0).runningMean().length;
    for (Bn b : bns) {
      if (b.activePaths() < 1) {
        throw new IllegalArgumentException(
            layer + "/" + b.label() + ": active paths must be >= 1, got " + b.activePaths());
      }
      for (double[] v : new double[][] {b.runningMean(), b.runningVar(), b.gamma(), b.beta()}) {
        if (v.length != c) {
          throw new IllegalArgumentException(
              layer + "/" + b.label() + ": " + v.length + " channels, expected " + c);
        }
      }
    }
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
