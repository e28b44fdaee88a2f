package dev.nasrank.harness.report;

import java.util.List;

/**
 * Options of {@link Reporter#render}. Immutable; start from {@link #defaults()} and change with
 * {@code withX}.
 *
 * @param bootstrapResamples resamples of the percentile bootstrap of each ranking's tau (default
 *     1,000)
 * @param bootstrapSeed seed of every bootstrap of the report (default 2020)
 * @param repeatSeed seed that picks each architecture's repeat in the "one seeded repeat" variant
 *     (2020)
 * @param precisionKs the ks of precision@k (default 5 and 10)
 * @param variants the variants measured (default all 8; the default variant is always measured)
 * @param plots whether PNG plots are rendered (default true)
 * @param studyResamples resamples of the hierarchical study bootstrap and of claim 8's interval
 *     (default 10,000: with B resamples the smallest bootstrap p-value is 2/(B+1), and Holm
 *     multiplies it by up to the number of pairs, 66 for 12 settings, so 1,000 could never decide a
 *     pair at 0.05)
 * @param alpha family-wise level of the pairwise verdicts; intervals are 1 - alpha (default 0.05)
 * @param power power the seeds-to-decide estimate aims for (default 0.8)
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
    double power) {

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
    precisionKs = List.copyOf(precisionKs);
    variants =
        variants.contains(Variant.DEFAULT)
            ? List.copyOf(variants)
            : java.util.stream.Stream.concat(
                    java.util.stream.Stream.of(Variant.DEFAULT), variants.stream())
                .toList();
  }

  public static ReportOptions defaults() {
    return new ReportOptions(
        1000, 2020L, 2020L, List.of(5, 10), Variant.all(), true, 10_000, 0.05, 0.8);
  }

  public ReportOptions withBootstrapResamples(int n) {
    return new ReportOptions(
        n, bootstrapSeed, repeatSeed, precisionKs, variants, plots, studyResamples, alpha, power);
  }

  public ReportOptions withBootstrapSeed(long s) {
    return new ReportOptions(
        bootstrapResamples,
        s,
        repeatSeed,
        precisionKs,
        variants,
        plots,
        studyResamples,
        alpha,
        power);
  }

  public ReportOptions withRepeatSeed(long s) {
    return new ReportOptions(
        bootstrapResamples,
        bootstrapSeed,
        s,
        precisionKs,
        variants,
        plots,
        studyResamples,
        alpha,
        power);
  }

  public ReportOptions withPrecisionKs(List<Integer> ks) {
    return new ReportOptions(
        bootstrapResamples,
        bootstrapSeed,
        repeatSeed,
        ks,
        variants,
        plots,
        studyResamples,
        alpha,
        power);
  }

  public ReportOptions withVariants(List<Variant> v) {
    return new ReportOptions(
        bootstrapResamples,
        bootstrapSeed,
        repeatSeed,
        precisionKs,
        v,
        plots,
        studyResamples,
        alpha,
        power);
  }

  public ReportOptions withStudyResamples(int n) {
    return new ReportOptions(
        bootstrapResamples,
        bootstrapSeed,
        repeatSeed,
        precisionKs,
        variants,
        plots,
        n,
        alpha,
        power);
  }

  public ReportOptions withAlpha(double a) {
    return new ReportOptions(
        bootstrapResamples,
        bootstrapSeed,
        repeatSeed,
        precisionKs,
        variants,
        plots,
        studyResamples,
        a,
        power);
  }

  public ReportOptions withPower(double p) {
    return new ReportOptions(
        bootstrapResamples,
        bootstrapSeed,
        repeatSeed,
        precisionKs,
        variants,
        plots,
        studyResamples,
        alpha,
        p);
  }

  public ReportOptions withPlots(boolean p) {
    return new ReportOptions(
        bootstrapResamples,
        bootstrapSeed,
        repeatSeed,
        precisionKs,
        variants,
        p,
        studyResamples,
        alpha,
        power);
  }
}
