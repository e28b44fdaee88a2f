package dev.nasrank.harness.report.stats;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * A t-based estimate under the {@link InferenceTarget#SPACE} target: a mean over seeds (of a tau or
 * of a paired difference of taus) whose variance is the seed part s^2/n plus the ground-truth
 * repeats' part g, with Welch-Satterthwaite degrees of freedom (Satterthwaite 1946; Welch 1947): df
 * = (s^2/n + g)^2 / ((s^2/n)^2/(n - 1) + g^2/df_g). docs/report.md, "The space target".
 *
 * @param estimate the mean over seeds (tau units)
 * @param seedVariance s^2/n, the variance of the mean from the seeds (tau units squared)
 * @param seedDf n - 1
 * @param groundTruthVariance g (tau units squared)
 * @param groundTruthDf degrees of freedom of g
 */
public record TEstimate(
    double estimate,
    double seedVariance,
    double seedDf,
    double groundTruthVariance,
    double groundTruthDf) {

  /** An estimate that cannot be made (e.g. one seed: no seed variance). */
  public static TEstimate undefined(double estimate) {
    return new TEstimate(estimate, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
  }

  /**
   * The estimate of the mean of {@code perSeed} (NaN values left out) with the ground-truth
   * variance g added.
   *
   * @param perSeed one value per seed (tau, or a paired difference of taus)
   * @param groundTruthVariance g, tau units squared (NaN when unknown)
   * @param groundTruthDf degrees of freedom of g (> 0; infinite allowed)
   */
  public static TEstimate of(double[] perSeed, double groundTruthVariance, double groundTruthDf) {
    double[] v = java.util.Arrays.stream(perSeed).filter(x -> !Double.isNaN(x)).toArray();
    double mean = java.util.Arrays.stream(v).average().orElse(Double.NaN);
    if (v.length < 2) {
      return undefined(mean);
    }
    return new TEstimate(
        mean,
        StudyStatistics.variance(v) / v.length,
        v.length - 1,
        groundTruthVariance,
        groundTruthDf);
  }

  /**
   * Welch-Satterthwaite degrees of freedom of a sum of independent variance estimates v_i with df_i
   * each: (sum v_i)^2 / sum(v_i^2 / df_i); an infinite df_i contributes 0 to the denominator, a
   * zero v_i nothing at all. NaN when a value is NaN; infinite when every v_i is 0 or every df_i
   * infinite.
   */
  public static double satterthwaite(double[] variances, double[] dfs) {
    double sum = 0;
    double den = 0;
    for (int i = 0; i < variances.length; i++) {
      if (Double.isNaN(variances[i]) || Double.isNaN(dfs[i])) {
        return Double.NaN;
      }
      sum += variances[i];
      if (variances[i] != 0 && !Double.isInfinite(dfs[i])) {
        den += variances[i] * variances[i] / dfs[i];
      }
    }
    return den == 0 ? Double.POSITIVE_INFINITY : sum * sum / den;
  }

  /** Whether seed and ground-truth variances are known. */
  public boolean defined() {
    return !Double.isNaN(estimate)
        && !Double.isNaN(seedVariance)
        && !Double.isNaN(groundTruthVariance);
  }

  /** s^2/n + g. */
  public double variance() {
    return seedVariance + groundTruthVariance;
  }

  /** The standard error sqrt(s^2/n + g). */
  public double se() {
    return Math.sqrt(variance());
  }

  /** The Welch-Satterthwaite degrees of freedom. */
  public double df() {
    return satterthwaite(
        new double[] {seedVariance, groundTruthVariance}, new double[] {seedDf, groundTruthDf});
  }

  /** estimate / se (NaN when undefined or se = 0 with estimate 0). */
  public double t() {
    return estimate / se();
  }

  /** Two-sided p-value of "the true value is 0"; NaN when undefined. */
  public double pValue() {
    double x = estimate;
    if (!defined()) {
      return Double.NaN;
    }
    double se = se();
    if (se == 0) {
      return x == 0 ? 1 : 0;
    }
    return Math.min(1, 2 * upperTail(Math.abs(x) / se));
  }

  /**
   * One-sided p-value of H0 "true value <= margin" against "true value > margin": P(T >= (estimate
   * - margin) / se).
   */
  public double pAbove(double margin) {
    if (!defined()) {
      return Double.NaN;
    }
    double se = se();
    if (se == 0) {
      return estimate > margin ? 0 : 1;
    }
    return upperTail((estimate - margin) / se);
  }

  /**
   * One-sided p-value of H0 "true value >= margin" against "true value < margin": P(T <= (estimate
   * - margin) / se).
   */
  public double pBelow(double margin) {
    if (!defined()) {
      return Double.NaN;
    }
    double se = se();
    if (se == 0) {
      return estimate < margin ? 0 : 1;
    }
    return upperTail((margin - estimate) / se);
  }

  /**
   * The p-value of the two one-sided tests (Schuirmann 1987) of equivalence within (-margin,
   * margin): max(pAbove(-margin), pBelow(margin)); below alpha shows |true value| < margin at level
   * alpha (the 1 - 2 alpha interval lies inside the margins).
   */
  public double pEquivalent(double margin) {
    return Math.max(pAbove(-margin), pBelow(margin));
  }

  /** The lower bound of the two-sided 1 - alpha interval: estimate - t_{df, 1 - alpha/2} se. */
  public double low(double alpha) {
    return defined() ? estimate - quantile(1 - alpha / 2) * se() : Double.NaN;
  }

  /** The upper bound of the two-sided 1 - alpha interval. */
  public double high(double alpha) {
    return defined() ? estimate + quantile(1 - alpha / 2) * se() : Double.NaN;
  }

  /** P(T_df >= x), as P(T_df <= -x) (the distribution is symmetric; no cancellation). */
  private double upperTail(double x) {
    double df = df();
    if (Double.isInfinite(df)) {
      return new NormalDistribution(null, 0, 1).cumulativeProbability(-x);
    }
    return new TDistribution(null, df).cumulativeProbability(-x);
  }

  private double quantile(double p) {
    double df = df();
    if (Double.isInfinite(df)) {
      return new NormalDistribution(null, 0, 1).inverseCumulativeProbability(p);
    }
    return new TDistribution(null, df).inverseCumulativeProbability(p);
  }
}
