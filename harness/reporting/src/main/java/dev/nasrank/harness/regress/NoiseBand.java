package dev.nasrank.harness.regress;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The band a setting's tau must stay within, derived from the noise (docs/report.md, "Regression
 * check"). A run of n seeds and a baseline of N seeds are two independent means of a tau whose
 * one-seed standard deviation is sd, so their difference has standard deviation sd * sqrt(1/n +
 * 1/N); the band is z times that, where z makes the chance that any of the G gated settings fails
 * by noise alone at most the family-wise false-alarm rate alpha (Bonferroni: z = z_{1 - alpha/(2G)}
 * two-sided, z_{1 - alpha/G} one-sided), and never narrower than {@link #MIN_BAND}. A fixed band in
 * the baseline entry (every v1 entry) is used as it is.
 */
public final class NoiseBand {
  /**
   * The narrowest derived band, in tau units: a few of the 561 pairs of 34 architectures changing
   * order.
   */
  public static final double MIN_BAND = 0.01;

  private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

  private NoiseBand() {}

  /** The multiplier z for G gated settings at family-wise false-alarm rate alpha. */
  public static double z(double alpha, int gated, boolean oneSided) {
    if (!(alpha > 0 && alpha < 1) || gated < 1) {
      throw new IllegalArgumentException(
          "need alpha in (0,1) and at least one gated setting, got " + alpha + ", " + gated);
    }
    return NORMAL.inverseCumulativeProbability(1 - alpha / ((oneSided ? 1.0 : 2.0) * gated));
  }

  /** The band of an entry for a run of {@code runSeeds} seeds, in tau units. */
  public static double of(Baseline.Entry e, int runSeeds, double z) {
    if (e.fixedBand()) {
      return e.band();
    }
    return Math.max(MIN_BAND, z * e.sdTau() * Math.sqrt(1.0 / runSeeds + 1.0 / e.seeds()));
  }
}
