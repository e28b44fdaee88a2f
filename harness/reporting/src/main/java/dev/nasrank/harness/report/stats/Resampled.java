package dev.nasrank.harness.report.stats;

import java.util.Arrays;

/**
 * The resampled values of a statistic under the hierarchical bootstrap ({@link
 * InferenceTarget#ARCHITECTURES}), undefined resamples left out; the one-sided p-values the claims'
 * tests use. Immutable (holds a private copy).
 */
public final class Resampled {
  private final double[] values;

  /**
   * @param values the defined resampled values (tau units)
   */
  public Resampled(double[] values) {
    this.values = values.clone();
  }

  /** The same statistic with its sign flipped (B - A for A - B). */
  public Resampled negated() {
    return new Resampled(Arrays.stream(values).map(x -> -x).toArray());
  }

  /** Number of defined resamples. */
  public int size() {
    return values.length;
  }

  /**
   * One-sided p-value of H0 "true value <= margin": (1 + #{d_b <= margin}) / (1 + B), the
   * shifted-null bootstrap p-value (Davison and Hinkley 1997, section 4.4); NaN without resamples.
   */
  public double pAbove(double margin) {
    return values.length == 0
        ? Double.NaN
        : (1.0 + Arrays.stream(values).filter(x -> x <= margin).count()) / (1.0 + values.length);
  }

  /** One-sided p-value of H0 "true value >= margin": (1 + #{d_b >= margin}) / (1 + B). */
  public double pBelow(double margin) {
    return values.length == 0
        ? Double.NaN
        : (1.0 + Arrays.stream(values).filter(x -> x >= margin).count()) / (1.0 + values.length);
  }

  /** Two one-sided tests of equivalence within (-margin, margin): max(pAbove(-m), pBelow(m)). */
  public double pEquivalent(double margin) {
    return Math.max(pAbove(-margin), pBelow(margin));
  }

  /** The variance (n - 1) of the values; NaN for fewer than 2. */
  public double variance() {
    return StudyStatistics.variance(values);
  }
}
