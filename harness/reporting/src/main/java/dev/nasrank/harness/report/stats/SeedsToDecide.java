package dev.nasrank.harness.report.stats;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * How many seeds per setting (shared by both settings) the observed variance says would decide an
 * undecided pair: the smallest S with |d| >= (z_{1 - alpha/(2m)} + z_{power}) * sqrt(v/S + w),
 * where d is the observed difference of mean tau, v the variance of one seed's difference, w the
 * part of the variance more seeds cannot remove (architectures and ground truth), m the number of
 * pairs (the Bonferroni level, which Holm never demands more than). At least one more seed than
 * were run. docs/report.md says where v and w come from.
 *
 * @param kind whether a count applies
 * @param seeds the count (for {@link Kind#SEEDS}), else 0
 * @param varianceSource where v came from: {@code seeds} (the per-seed differences) or {@code
 *     bootstrap} (one seed: the bootstrap variance of the one-seed difference stands in)
 */
public record SeedsToDecide(Kind kind, int seeds, String varianceSource) {

  /** What the estimate says. */
  public enum Kind {
    /** The pair is decided; no estimate. */
    DECIDED,
    /** This many seeds would decide it. */
    SEEDS,
    /** No number of seeds: the difference is 0, or the fixed variance w alone is too large. */
    NEVER,
    /** The variance is undefined. */
    UNKNOWN
  }

  private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

  /** For a decided pair. */
  public static SeedsToDecide decided() {
    return new SeedsToDecide(Kind.DECIDED, 0, "");
  }

  /**
   * The estimate for an undecided pair.
   *
   * @param difference observed difference of mean tau-b
   * @param perSeedVariance v, variance of one seed's difference (tau units squared)
   * @param fixedVariance w, variance that more seeds do not remove (tau units squared)
   * @param seedsRun seeds already run
   * @param alpha family-wise level (0.05)
   * @param pairs number of pairs compared (m)
   * @param power the power aimed for (0.8)
   */
  public static SeedsToDecide estimate(
      double difference,
      double perSeedVariance,
      double fixedVariance,
      int seedsRun,
      double alpha,
      int pairs,
      double power,
      String source) {
    if (Double.isNaN(difference) || Double.isNaN(perSeedVariance) || Double.isNaN(fixedVariance)) {
      return new SeedsToDecide(Kind.UNKNOWN, 0, source);
    }
    double z =
        NORMAL.inverseCumulativeProbability(1 - alpha / (2.0 * pairs))
            + NORMAL.inverseCumulativeProbability(power);
    double target = difference * difference / (z * z);
    if (difference == 0 || target <= fixedVariance) {
      return new SeedsToDecide(Kind.NEVER, 0, source);
    }
    double s = Math.ceil(perSeedVariance / (target - fixedVariance) - 1e-9);
    int n = (int) Math.min(Integer.MAX_VALUE - 1, Math.max(s, seedsRun + 1));
    return new SeedsToDecide(Kind.SEEDS, n, source);
  }

  /** The CSV form: empty when decided, the count, {@code never} or {@code unknown}. */
  public String csv() {
    return switch (kind) {
      case DECIDED -> "";
      case SEEDS -> String.valueOf(seeds);
      case NEVER -> "never";
      case UNKNOWN -> "unknown";
    };
  }
}
