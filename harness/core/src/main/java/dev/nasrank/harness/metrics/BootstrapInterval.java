package dev.nasrank.harness.metrics;

import dev.nasrank.harness.config.Seeds;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleBiFunction;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;

/**
 * Seeded percentile bootstrap of a paired statistic (e.g. Kendall tau-b) over items
 * (architectures): each resample draws n items with replacement, the statistic is recomputed, and
 * the interval is the (alpha/2, 1-alpha/2) percentiles (R-7 / numpy default estimator) of the
 * resampled values. Resamples whose statistic is undefined (NaN, e.g. all drawn items tie) are left
 * out and counted.
 *
 * <p>Immutable; configure with {@code withX(...)}.
 */
public final class BootstrapInterval {
  private final int resamples;
  private final long seed;
  private final double confidence;

  private BootstrapInterval(int resamples, long seed, double confidence) {
    if (resamples < 1) {
      throw new IllegalArgumentException("resamples must be >= 1, got " + resamples);
    }
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must be in (0,1), got " + confidence);
    }
    this.resamples = resamples;
    this.seed = seed;
    this.confidence = confidence;
  }

  /** 1,000 resamples, seed {@link Seeds#DEFAULT}, 95% confidence. */
  public static BootstrapInterval defaults() {
    return new BootstrapInterval(1000, Seeds.DEFAULT, 0.95);
  }

  public BootstrapInterval withResamples(int n) {
    return new BootstrapInterval(n, seed, confidence);
  }

  public BootstrapInterval withSeed(long s) {
    return new BootstrapInterval(resamples, s, confidence);
  }

  public BootstrapInterval withConfidence(double c) {
    return new BootstrapInterval(resamples, seed, c);
  }

  /**
   * A bootstrap interval: the statistic on the full data, the bounds, and how many resamples
   * counted.
   */
  public record Interval(
      double estimate, double low, double high, int usedResamples, int undefinedResamples) {}

  /** Kendall tau-b with its bootstrap interval. */
  public Interval kendallTau(double[] predicted, double[] truth) {
    return of(predicted, truth, RankMetrics::kendallTauB);
  }

  /** Any paired statistic with its bootstrap interval. */
  public Interval of(double[] x, double[] y, ToDoubleBiFunction<double[], double[]> statistic) {
    if (x.length != y.length) {
      throw new IllegalArgumentException(
          "arrays differ in length: " + x.length + " vs " + y.length);
    }
    double estimate = statistic.applyAsDouble(x, y);
    int n = x.length;
    if (n < 2) {
      return new Interval(estimate, Double.NaN, Double.NaN, 0, resamples);
    }
    SplittableRandom rng = new SplittableRandom(seed);
    double[] values = new double[resamples];
    int used = 0;
    double[] bx = new double[n];
    double[] by = new double[n];
    for (int r = 0; r < resamples; r++) {
      for (int i = 0; i < n; i++) {
        int j = rng.nextInt(n);
        bx[i] = x[j];
        by[i] = y[j];
      }
      double v = statistic.applyAsDouble(bx, by);
      if (!Double.isNaN(v)) {
        values[used++] = v;
      }
    }
    if (used == 0) {
      return new Interval(estimate, Double.NaN, Double.NaN, 0, resamples);
    }
    double[] kept = Arrays.copyOf(values, used);
    Percentile p = new Percentile().withEstimationType(EstimationType.R_7);
    double tail = (1 - confidence) / 2 * 100;
    return new Interval(
        estimate, p.evaluate(kept, tail), p.evaluate(kept, 100 - tail), used, resamples - used);
  }
}
