package dev.nasrank.harness.report.stats;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Seeded hierarchical paired bootstrap of a {@link StudyData}. Every resample is one {@link Draw}
 * shared by all settings (so differences between settings are paired), made in this order from one
 * {@link SplittableRandom}:
 *
 * <ol>
 *   <li>seeds: S draws of {@code nextInt(S)} over the study's S seeds, with replacement;
 *   <li>architectures: n draws of {@code nextInt(n)} over the n architectures, with replacement,
 *       one draw for all seeds (architectures are crossed with seeds, not nested in them);
 *   <li>ground truth: for every architecture a in hash order, R_a draws of {@code nextInt(R_a)}
 *       over its R_a repeats; its ground truth in this resample is the mean validation accuracy of
 *       the drawn repeats.
 * </ol>
 *
 * A setting's statistic in a resample is its mean tau-b over the drawn seeds it holds ({@link
 * StudyData#meanTau}). {@link Scheme#GROUND_TRUTH_ONLY} keeps seeds and architectures as observed
 * and resamples only the repeats (step 3), from its own generator seeded with {@code seed + 1}; it
 * measures the ground truth's share of the variance.
 *
 * <p>Immutable.
 */
public final class HierarchicalBootstrap {
  private final int resamples;
  private final long seed;

  /** Which levels a resample draws anew. */
  public enum Scheme {
    /** Seeds, architectures and ground-truth repeats. */
    FULL,
    /** Ground-truth repeats only. */
    GROUND_TRUTH_ONLY
  }

  private HierarchicalBootstrap(int resamples, long seed) {
    if (resamples < 1) {
      throw new IllegalArgumentException("resamples must be >= 1, got " + resamples);
    }
    this.resamples = resamples;
    this.seed = seed;
  }

  /**
   * A bootstrap of {@code resamples} resamples from {@code seed} (the reporter passes its options'
   * {@code studyResamples} and {@code bootstrapSeed}, whose defaults {@code
   * ReportOptions.defaults()} states).
   */
  public static HierarchicalBootstrap of(int resamples, long seed) {
    return new HierarchicalBootstrap(resamples, seed);
  }

  public int resamples() {
    return resamples;
  }

  /**
   * The resampled statistics: {@code result[b][s]} = mean tau-b of setting s in resample b (NaN
   * when undefined in that resample; such resamples are left out of every interval that involves
   * the setting).
   */
  public double[][] run(StudyData data, Scheme scheme) {
    SplittableRandom rng = new SplittableRandom(scheme == Scheme.FULL ? seed : seed + 1);
    int settings = data.settings().size();
    double[][] out = new double[resamples][settings];
    for (int b = 0; b < resamples; b++) {
      Draw d = draw(rng, data, scheme);
      for (int s = 0; s < settings; s++) {
        out[b][s] = data.meanTau(s, d);
      }
    }
    return out;
  }

  /** One resample, drawn from {@code rng} in the documented order. */
  public static Draw draw(SplittableRandom rng, StudyData data, Scheme scheme) {
    int nSeeds = data.seeds().length;
    int n = data.architectures().size();
    boolean full = scheme == Scheme.FULL;
    int[] seeds =
        full
            ? IntStream.range(0, nSeeds).map(i -> rng.nextInt(nSeeds)).toArray()
            : IntStream.range(0, nSeeds).toArray();
    int[] archs =
        full
            ? IntStream.range(0, n).map(i -> rng.nextInt(n)).toArray()
            : IntStream.range(0, n).toArray();
    double[] truth = new double[n];
    for (int a = 0; a < n; a++) {
      int r = data.repeats(a);
      double sum = 0;
      for (int k = 0; k < r; k++) {
        sum += data.repeat(a, rng.nextInt(r));
      }
      truth[a] = sum / r;
    }
    return new Draw(seeds, archs, truth);
  }
}
