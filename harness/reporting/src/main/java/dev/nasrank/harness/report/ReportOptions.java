package dev.nasrank.harness.report;

import dev.nasrank.harness.config.Seeds;
import dev.nasrank.harness.report.stats.InferenceTarget;
import java.util.List;

/**
 * Options of {@link Reporter#render}. Immutable; {@link #defaults()}, or {@link #builder()} and
 * {@code optX} for the fields that differ.
 *
 * @param bootstrapResamples resamples of the percentile bootstrap of each ranking's tau (default
 *     1,000)
 * @param bootstrapSeed seed of every bootstrap of the report (default {@link Seeds#DEFAULT})
 * @param repeatSeed seed that picks each architecture's repeat in the "one seeded repeat" variant
 *     (default {@link Seeds#DEFAULT})
 * @param precisionKs the ks of precision@k (default 5 and 10)
 * @param variants the variants measured (default all 8; the default variant is always measured)
 * @param plots whether PNG plots are rendered (default true)
 * @param studyResamples resamples of the hierarchical study bootstrap and of claim 8's interval
 *     (default 10,000: with B resamples the smallest bootstrap p-value is 2/(B+1), and Holm
 *     multiplies it by up to the number of pairs, 66 for 12 settings, so 1,000 could never decide a
 *     pair at 0.05)
 * @param alpha family-wise level of the pairwise verdicts; intervals are 1 - alpha (default 0.05)
 * @param power power the seeds-to-decide estimate aims for (default 0.8)
 * @param primaryTarget the primary inference target; null (the default): from the run's space,
 *     {@link InferenceTarget#primaryFor}
 * @param equivalenceMargin margin (tau units) of the claims' equivalence tests, "X does not profit
 *     from Y" shown as |difference| < margin (default 0.05, docs/report.md)
 */
public record ReportOptions(
    int bootstrapResamples,
    long bootstrapSeed,
    long repeatSeed,
    List<Integer> precisionKs,
    List<Variant> variants,
    boolean plots,
    int studyResamples,
    double alpha,
    double power,
    InferenceTarget primaryTarget,
    double equivalenceMargin) {

  /** Validates the counts and levels; copies the lists; the default variant is always measured. */
  public ReportOptions {
    if (bootstrapResamples < 1) {
      throw new IllegalArgumentException(
          "bootstrap resamples must be >= 1, got " + bootstrapResamples);
    }
    if (studyResamples < 1) {
      throw new IllegalArgumentException(
          "study bootstrap resamples must be >= 1, got " + studyResamples);
    }
    if (!(alpha > 0 && alpha < 1) || !(power > 0 && power < 1)) {
      throw new IllegalArgumentException(
          "alpha and power must be in (0,1), got " + alpha + ", " + power);
    }
    if (!(equivalenceMargin > 0)) {
      throw new IllegalArgumentException(
          "equivalence margin must be > 0 (tau units), got " + equivalenceMargin);
    }
    precisionKs = List.copyOf(precisionKs);
    variants =
        variants.contains(Variant.DEFAULT)
            ? List.copyOf(variants)
            : java.util.stream.Stream.concat(
                    java.util.stream.Stream.of(Variant.DEFAULT), variants.stream())
                .toList();
  }

  /** The defaults named on each field. */
  public static ReportOptions defaults() {
    return builder().build();
  }

  /** A builder holding the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these options, to change some. */
  public Builder toBuilder() {
    return builder()
        .optBootstrapResamples(bootstrapResamples)
        .optBootstrapSeed(bootstrapSeed)
        .optRepeatSeed(repeatSeed)
        .optPrecisionKs(precisionKs)
        .optVariants(variants)
        .optPlots(plots)
        .optStudyResamples(studyResamples)
        .optAlpha(alpha)
        .optPower(power)
        .optPrimaryTarget(primaryTarget)
        .optEquivalenceMargin(equivalenceMargin);
  }

  /** Assembles {@link ReportOptions}; every field has the default the record documents. */
  public static final class Builder {
    private int bootstrapResamples = 1000;
    private long bootstrapSeed = Seeds.DEFAULT;
    private long repeatSeed = Seeds.DEFAULT;
    private List<Integer> precisionKs = List.of(5, 10);
    private List<Variant> variants = Variant.all();
    private boolean plots = true;
    private int studyResamples = 10_000;
    private double alpha = 0.05;
    private double power = 0.8;
    private InferenceTarget primaryTarget = null;
    private double equivalenceMargin = 0.05;

    private Builder() {}

    /** Default: none, the run's space decides ({@link InferenceTarget#primaryFor}). */
    public Builder optPrimaryTarget(InferenceTarget primaryTarget) {
      this.primaryTarget = primaryTarget;
      return this;
    }

    /** Default 0.05 (tau units). */
    public Builder optEquivalenceMargin(double equivalenceMargin) {
      this.equivalenceMargin = equivalenceMargin;
      return this;
    }

    /** Default 1,000. */
    public Builder optBootstrapResamples(int bootstrapResamples) {
      this.bootstrapResamples = bootstrapResamples;
      return this;
    }

    /** Default {@link Seeds#DEFAULT}. */
    public Builder optBootstrapSeed(long bootstrapSeed) {
      this.bootstrapSeed = bootstrapSeed;
      return this;
    }

    /** Default {@link Seeds#DEFAULT}. */
    public Builder optRepeatSeed(long repeatSeed) {
      this.repeatSeed = repeatSeed;
      return this;
    }

    /** Default 5 and 10. */
    public Builder optPrecisionKs(List<Integer> precisionKs) {
      this.precisionKs = precisionKs;
      return this;
    }

    /** Default all 8. */
    public Builder optVariants(List<Variant> variants) {
      this.variants = variants;
      return this;
    }

    /** Default true. */
    public Builder optPlots(boolean plots) {
      this.plots = plots;
      return this;
    }

    /** Default 10,000. */
    public Builder optStudyResamples(int studyResamples) {
      this.studyResamples = studyResamples;
      return this;
    }

    /** Default 0.05. */
    public Builder optAlpha(double alpha) {
      this.alpha = alpha;
      return this;
    }

    /** Default 0.8. */
    public Builder optPower(double power) {
      this.power = power;
      return this;
    }

    /**
     * The options.
     *
     * @throws IllegalArgumentException when a value is out of range
     */
    public ReportOptions build() {
      return new ReportOptions(
          bootstrapResamples,
          bootstrapSeed,
          repeatSeed,
          precisionKs,
          variants,
          plots,
          studyResamples,
          alpha,
          power,
          primaryTarget,
          equivalenceMargin);
    }
  }
}
