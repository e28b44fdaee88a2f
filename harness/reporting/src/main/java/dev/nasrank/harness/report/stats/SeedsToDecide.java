package dev.nasrank.harness.report.stats;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * How many seeds per setting (shared by both settings), and under the {@link InferenceTarget#SPACE}
 * target how many ground-truth repeats, the observed variance says would decide an undecided pair:
 * the smallest S with |d| >= (z_{1 - alpha/(2m)} + z_{power}) * sqrt(v/S + w), where d is the
 * observed difference of mean tau, v the variance of one seed's difference, w the part of the
 * variance more seeds cannot remove, m the number of pairs (the Bonferroni level, which Holm never
 * demands more than). At least one more seed than were run. Under the {@code architectures} target
 * w holds the architectures' (and repeats') part, which no number of seeds removes ({@code never});
 * under the {@code space} target w is the repeats' part g, which more repeats shrink (g R / R'), so
 * a pair that seeds alone cannot decide gets a number of repeats. docs/report.md ("Seeds to
 * decide") says where v and w come from. A planning number from a normal approximation.
 *
 * @param kind whether a count applies
 * @param seeds the seed count (for {@link Kind#SEEDS}, and for {@link Kind#REPEATS} the seeds that
 *     go with the repeats; 0 when unknown), else 0
 * @param varianceSource where v came from: {@code seeds} (the per-seed differences) or {@code
 *     one_seed} (one seed: v cannot be estimated)
 * @param repeats for {@link Kind#REPEATS}, the ground-truth repeats per architecture that would
 *     decide the pair; else 0
 */
public record SeedsToDecide(Kind kind, int seeds, String varianceSource, int repeats) {

  /** What the estimate says. */
  public enum Kind {
    /** The pair is decided; no estimate. */
    DECIDED,
    /** This many seeds would decide it. */
    SEEDS,
    /**
     * No number of seeds (architectures target only): the difference is 0, or the fixed variance w
     * alone is too large.
     */
    NEVER,
    /**
     * Space target: the ground-truth repeats' variance alone is too large for any number of seeds;
     * {@code repeats} repeats (with {@code seeds} seeds) would decide it.
     */
    REPEATS,
    /** The variance is undefined. */
    UNKNOWN
  }

  private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

  /** For a decided pair. */
  public static SeedsToDecide decided() {
    return new SeedsToDecide(Kind.DECIDED, 0, "", 0);
  }

  /** Kind and count without repeats. */
  public SeedsToDecide(Kind kind, int seeds, String varianceSource) {
    this(kind, seeds, varianceSource, 0);
  }

  /**
   * The estimate for an undecided pair under the {@code architectures} target with one seed: v and
   * w cannot be told apart (the one-seed bootstrap variance mixes the seed's part, which more seeds
   * remove, with the architectures' part, which they do not), so {@code unknown}.
   */
  public static SeedsToDecide oneSeed() {
    return new SeedsToDecide(Kind.UNKNOWN, 0, "one_seed", 0);
  }

  /**
   * The estimate for an undecided pair under the {@code space} target. With T = d^2 / z^2 (z as
   * above): when T > g, S = max(S0 + 1, ceil(v / (T - g))) seeds ({@code unknown} with one seed, v
   * undefined); otherwise the repeats limit the pair: R' = max(R + 1, ceil(2 g R / T)) repeats
   * bring their part to at most T/2, and S = max(S0, ceil(2 v / T)) seeds the rest (0, unknown,
   * with one seed). {@code unknown} when d is 0 or undefined or g undefined.
   *
   * @param difference observed difference of mean tau-b
   * @param perSeedVariance v, variance of one seed's difference (NaN with one seed)
   * @param groundTruthVariance g, the repeats' variance of the mean difference at R repeats
   * @param seedsRun S0
   * @param repeatsRun R
   */
  public static SeedsToDecide space(
      double difference,
      double perSeedVariance,
      double groundTruthVariance,
      int seedsRun,
      int repeatsRun,
      double alpha,
      int pairs,
      double power) {
    String source = Double.isNaN(perSeedVariance) ? "one_seed" : "seeds";
    if (Double.isNaN(difference) || difference == 0 || Double.isNaN(groundTruthVariance)) {
      return new SeedsToDecide(Kind.UNKNOWN, 0, source, 0);
    }
    double z = z(alpha, pairs, power);
    double target = difference * difference / (z * z);
    if (target > groundTruthVariance) {
      if (Double.isNaN(perSeedVariance)) {
        return new SeedsToDecide(Kind.UNKNOWN, 0, source, 0);
      }
      return new SeedsToDecide(
          Kind.SEEDS,
          count(perSeedVariance / (target - groundTruthVariance), seedsRun + 1),
          source,
          0);
    }
    int r = count(2 * groundTruthVariance * repeatsRun / target, repeatsRun + 1);
    int seeds = Double.isNaN(perSeedVariance) ? 0 : count(2 * perSeedVariance / target, seedsRun);
    return new SeedsToDecide(Kind.REPEATS, seeds, source, r);
  }

  private static double z(double alpha, int pairs, double power) {
    return NORMAL.inverseCumulativeProbability(1 - alpha / (2.0 * pairs))
        + NORMAL.inverseCumulativeProbability(power);
  }

  private static int count(double x, int atLeast) {
    double s = Math.ceil(x - 1e-9);
    return (int) Math.min(Integer.MAX_VALUE - 1, Math.max(s, atLeast));
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
    double z = z(alpha, pairs, power);
    double target = difference * difference / (z * z);
    if (difference == 0 || target <= fixedVariance) {
      return new SeedsToDecide(Kind.NEVER, 0, source);
    }
    return new SeedsToDecide(
        Kind.SEEDS, count(perSeedVariance / (target - fixedVariance), seedsRun + 1), source);
  }

  /**
   * The CSV form of the seeds: empty when decided, the count, {@code never} or {@code unknown}
   * (also for {@link Kind#REPEATS} with one seed).
   */
  public String csv() {
    return switch (kind) {
      case DECIDED -> "";
      case SEEDS -> String.valueOf(seeds);
      case REPEATS -> seeds == 0 ? "unknown" : String.valueOf(seeds);
      case NEVER -> "never";
      case UNKNOWN -> "unknown";
    };
  }

  /**
   * The CSV form of the repeats: the count for {@link Kind#REPEATS}, {@code unknown} for {@link
   * Kind#UNKNOWN}, else empty (the repeats run suffice, or the pair is decided).
   */
  public String repeatsCsv() {
    return switch (kind) {
      case REPEATS -> String.valueOf(repeats);
      case UNKNOWN -> "unknown";
      default -> "";
    };
  }
}
