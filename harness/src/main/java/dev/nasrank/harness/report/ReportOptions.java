package dev.nasrank.harness.report;

import java.util.List;

/**
 * Options of {@link Reporter#render}. Immutable; start from {@link #defaults()} and change with {@code withX}.
 *
 * @param bootstrapResamples resamples of the percentile bootstrap of tau (default 1,000)
 * @param bootstrapSeed seed of the bootstrap (default 2020)
 * @param repeatSeed seed that picks each architecture's repeat in the "one seeded repeat" variant (2020)
 * @param precisionKs the ks of precision@k (default 5 and 10)
 * @param variants the variants measured (default all 8; the default variant is always measured)
 * @param plots whether PNG plots are rendered (default true)
 */
public record ReportOptions(int bootstrapResamples, long bootstrapSeed, long repeatSeed, List<Integer> precisionKs,
    List<Variant> variants, boolean plots) {

  public ReportOptions {
    if (bootstrapResamples < 1) {
      throw new IllegalArgumentException("bootstrap resamples must be >= 1, got " + bootstrapResamples);
    }
    precisionKs = List.copyOf(precisionKs);
    variants = variants.contains(Variant.DEFAULT) ? List.copyOf(variants)
        : java.util.stream.Stream.concat(java.util.stream.Stream.of(Variant.DEFAULT), variants.stream()).toList();
  }

  public static ReportOptions defaults() {
    return new ReportOptions(1000, 2020L, 2020L, List.of(5, 10), Variant.all(), true);
  }

  public ReportOptions withBootstrapResamples(int n) {
    return new ReportOptions(n, bootstrapSeed, repeatSeed, precisionKs, variants, plots);
  }

  public ReportOptions withBootstrapSeed(long s) {
    return new ReportOptions(bootstrapResamples, s, repeatSeed, precisionKs, variants, plots);
  }

  public ReportOptions withRepeatSeed(long s) {
    return new ReportOptions(bootstrapResamples, bootstrapSeed, s, precisionKs, variants, plots);
  }

  public ReportOptions withPrecisionKs(List<Integer> ks) {
    return new ReportOptions(bootstrapResamples, bootstrapSeed, repeatSeed, ks, variants, plots);
  }

  public ReportOptions withVariants(List<Variant> v) {
    return new ReportOptions(bootstrapResamples, bootstrapSeed, repeatSeed, precisionKs, v, plots);
  }

  public ReportOptions withPlots(boolean p) {
    return new ReportOptions(bootstrapResamples, bootstrapSeed, repeatSeed, precisionKs, variants, p);
  }
}
