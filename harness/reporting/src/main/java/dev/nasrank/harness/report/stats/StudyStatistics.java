package dev.nasrank.harness.report.stats;

import dev.nasrank.harness.candidates.Candidate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;

/**
 * The statistics of a study under both inference targets: every setting ({@link SettingStats}) and
 * every unordered pair of settings ({@link PairComparison}, A before B in setting order). The
 * {@link InferenceTarget#ARCHITECTURES} target comes from one {@link HierarchicalBootstrap} (seeds,
 * architectures and repeats resampled); the {@link InferenceTarget#SPACE} target is a t over seeds
 * with the repeats' variance g added ({@link TEstimate}), g from the bootstrap that resamples only
 * the repeats, times R / (R - 1) (the bootstrap's plug-in variance of a mean of R values is (R -
 * 1)/R of the unbiased one), with R - 1 degrees of freedom, R the fewest repeats of an
 * architecture.
 *
 * @param settings one per setting, in setting order
 * @param pairs one per unordered pair, in setting order
 * @param resamples bootstrap resamples drawn
 * @param alpha family-wise level of the verdicts; intervals are 1 - alpha
 * @param power power aimed for by the seeds-to-decide estimate
 * @param primary the run's primary target (the other is reported as secondary)
 * @param evaluationImages images each one-shot accuracy was measured on (0 when unknown)
 * @param repeats R, the fewest ground-truth repeats of an architecture
 */
public record StudyStatistics(
    List<SettingStats> settings,
    List<PairComparison> pairs,
    int resamples,
    double alpha,
    double power,
    InferenceTarget primary,
    int evaluationImages,
    int repeats) {

  public StudyStatistics {
    settings = List.copyOf(settings);
    pairs = List.copyOf(pairs);
  }

  /**
   * Computes the statistics.
   *
   * @param alpha family-wise level (0.05): intervals are (1 - alpha) intervals and a pair is
   *     decided when its Holm-adjusted p-value is below alpha
   * @param power power of the seeds-to-decide estimate (0.8)
   * @param primary the primary target ({@link InferenceTarget#primaryFor})
   * @param evaluationImages images behind each one-shot accuracy (0 when unknown)
   */
  public static StudyStatistics of(
      StudyData data,
      HierarchicalBootstrap bootstrap,
      double alpha,
      double power,
      InferenceTarget primary,
      int evaluationImages) {
    if (!(alpha > 0 && alpha < 1) || !(power > 0 && power < 1)) {
      throw new IllegalArgumentException(
          "alpha and power must be in (0,1), got " + alpha + ", " + power);
    }
    int k = data.settings().size();
    Draw observed = Draw.identity(data);
    double[][] perSeed = new double[k][data.seeds().length];
    double[] mean = new double[k];
    for (int s = 0; s < k; s++) {
      for (int j = 0; j < perSeed[s].length; j++) {
        perSeed[s][j] =
            data.has(s, j)
                ? data.tau(s, j, observed.architectures(), observed.truth())
                : Double.NaN;
      }
      mean[s] = data.meanTau(s, observed);
    }
    double[][] full = bootstrap.run(data, HierarchicalBootstrap.Scheme.FULL);
    double[][] gtOnly = bootstrap.run(data, HierarchicalBootstrap.Scheme.GROUND_TRUTH_ONLY);
    int reps = data.fewestRepeats();
    // unbiased variance of a mean of R repeats from the bootstrap's plug-in one; unknown with R = 1
    double gtFactor = reps >= 2 ? reps / (reps - 1.0) : Double.NaN;
    double gtDf = reps - 1.0;

    List<SettingStats> settings = new ArrayList<>();
    for (int s = 0; s < k; s++) {
      final int ss = s;
      double[] f = column(full, b -> full[b][ss]);
      double[] g = column(gtOnly, b -> gtOnly[b][ss]);
      double[] iv = interval(f, alpha);
      settings.add(
          new SettingStats(
              data.settings().get(s),
              data.seedCount(s),
              data.architectureCount(s),
              mean[s],
              sd(perSeed[s]),
              iv[0],
              iv[1],
              f.length,
              data.noiseCeiling(s),
              variance(g) / variance(f),
              TEstimate.of(perSeed[s], variance(g) * gtFactor, gtDf),
              data.ceiling(s),
              evaluationSe(data.meanScore(s), evaluationImages),
              data.scoreSd(s)));
    }

    int m = k * (k - 1) / 2;
    double[] p = new double[m];
    double[][] diffs = new double[m][];
    double[][] gtDiffs = new double[m][];
    int[][] idx = new int[m][];
    int q = 0;
    for (int a = 0; a < k; a++) {
      for (int b = a + 1; b < k; b++, q++) {
        final int aa = a;
        final int bb = b;
        idx[q] = new int[] {a, b};
        diffs[q] = column(full, r -> full[r][aa] - full[r][bb]);
        gtDiffs[q] = column(gtOnly, r -> gtOnly[r][aa] - gtOnly[r][bb]);
        p[q] = pValue(diffs[q]);
      }
    }
    double[] holm = Holm.adjust(p);
    TEstimate[] space = new TEstimate[m];
    double[] spaceP = new double[m];
    for (q = 0; q < m; q++) {
      int a = idx[q][0];
      int b = idx[q][1];
      double[] seedDiff = new double[perSeed[a].length];
      for (int j = 0; j < seedDiff.length; j++) {
        seedDiff[j] = data.has(a, j) && data.has(b, j) ? perSeed[a][j] - perSeed[b][j] : Double.NaN;
      }
      space[q] = TEstimate.of(seedDiff, variance(gtDiffs[q]) * gtFactor, gtDf);
      spaceP[q] = space[q].pValue();
    }
    double[] spaceHolm = Holm.adjust(spaceP);
    List<PairComparison> pairs = new ArrayList<>();
    for (q = 0; q < m; q++) {
      int a = idx[q][0];
      int b = idx[q][1];
      double d = mean[a] - mean[b];
      double[] iv = interval(diffs[q], alpha);
      PairVerdict verdict =
          holm[q] < alpha
              ? (below(diffs[q]) < above(diffs[q]) ? PairVerdict.A_BETTER : PairVerdict.B_BETTER)
              : PairVerdict.UNDECIDED;
      int common = 0;
      double[] seedDiff = new double[perSeed[a].length];
      for (int j = 0; j < seedDiff.length; j++) {
        if (data.has(a, j) && data.has(b, j)) {
          seedDiff[common++] = perSeed[a][j] - perSeed[b][j];
        }
      }
      SeedsToDecide std = SeedsToDecide.decided();
      double v = common >= 2 ? variance(Arrays.copyOf(seedDiff, common)) : Double.NaN;
      if (verdict == PairVerdict.UNDECIDED) {
        double vBoot = variance(diffs[q]);
        std =
            common >= 2
                ? SeedsToDecide.estimate(
                    d, v, Math.max(0, vBoot - v / common), common, alpha, m, power, "seeds")
                : SeedsToDecide.oneSeed();
      }
      TEstimate sp = space[q];
      PairVerdict spaceVerdict =
          spaceHolm[q] < alpha
              ? (sp.estimate() > 0 ? PairVerdict.A_BETTER : PairVerdict.B_BETTER)
              : PairVerdict.UNDECIDED;
      SeedsToDecide spaceStd =
          spaceVerdict == PairVerdict.UNDECIDED
              ? SeedsToDecide.space(
                  sp.estimate(), v, sp.groundTruthVariance(), common, reps, alpha, m, power)
              : SeedsToDecide.decided();
      pairs.add(
          new PairComparison(
              data.settings().get(a),
              data.settings().get(b),
              common,
              mean[a],
              mean[b],
              d,
              iv[0],
              iv[1],
              diffs[q].length,
              p[q],
              holm[q],
              verdict,
              std,
              variance(gtDiffs[q]) / variance(diffs[q]),
              sp,
              spaceHolm[q],
              spaceVerdict,
              spaceStd,
              new Resampled(diffs[q])));
    }
    return new StudyStatistics(
        settings, pairs, bootstrap.resamples(), alpha, power, primary, evaluationImages, reps);
  }

  /**
   * Binomial standard error sqrt(p (1 - p) / n) of an accuracy p measured on n images; NaN when n
   * is 0 (unknown) or p undefined.
   */
  public static double evaluationSe(double p, int n) {
    return n <= 0 || Double.isNaN(p) ? Double.NaN : Math.sqrt(p * (1 - p) / n);
  }

  /** The statistics of a setting, when the study has it. */
  public Optional<SettingStats> setting(Candidate.Setting s) {
    return settings.stream().filter(x -> x.setting().equals(s)).findFirst();
  }

  /** The comparison of a and b oriented as a minus b, when the study has both. */
  public Optional<PairComparison> pair(Candidate.Setting a, Candidate.Setting b) {
    for (PairComparison c : pairs) {
      if (c.a().equals(a) && c.b().equals(b)) {
        return Optional.of(c);
      }
      if (c.a().equals(b) && c.b().equals(a)) {
        return Optional.of(c.flipped());
      }
    }
    return Optional.empty();
  }

  /** Number of decided pairs under the architectures target (the scheme before targets). */
  public long decided() {
    return decided(InferenceTarget.ARCHITECTURES);
  }

  /** Number of decided pairs under a target. */
  public long decided(InferenceTarget t) {
    return pairs.stream().filter(c -> c.verdict(t) != PairVerdict.UNDECIDED).count();
  }

  /** The target reported beside the primary one. */
  public InferenceTarget secondary() {
    return primary.other();
  }

  /**
   * Two-sided bootstrap p-value of "no difference" from the resampled differences d_b (NaN left
   * out): min(1, 2 min(1 + #{d_b <= 0}, 1 + #{d_b >= 0}) / (1 + B)); NaN when no resample is
   * defined.
   */
  static double pValue(double[] d) {
    if (d.length == 0) {
      return Double.NaN;
    }
    return Math.min(1, 2.0 * Math.min(1 + below(d), 1 + above(d)) / (1 + d.length));
  }

  private static int below(double[] d) {
    return (int) Arrays.stream(d).filter(x -> x <= 0).count();
  }

  private static int above(double[] d) {
    return (int) Arrays.stream(d).filter(x -> x >= 0).count();
  }

  /**
   * The (alpha/2, 1 - alpha/2) percentiles (R-7, numpy's default) of the values; NaN when there are
   * none.
   */
  static double[] interval(double[] v, double alpha) {
    if (v.length == 0) {
      return new double[] {Double.NaN, Double.NaN};
    }
    Percentile pct = new Percentile().withEstimationType(EstimationType.R_7);
    return new double[] {pct.evaluate(v, alpha / 2 * 100), pct.evaluate(v, 100 - alpha / 2 * 100)};
  }

  /** Sample variance (n - 1); NaN for fewer than 2 values. */
  static double variance(double[] v) {
    if (v.length < 2) {
      return Double.NaN;
    }
    double m = Arrays.stream(v).average().orElseThrow();
    return Arrays.stream(v).map(x -> (x - m) * (x - m)).sum() / (v.length - 1);
  }

  /** Sample standard deviation of the non-NaN values; NaN for fewer than 2. */
  static double sd(double[] v) {
    return Math.sqrt(variance(Arrays.stream(v).filter(x -> !Double.isNaN(x)).toArray()));
  }

  private static double[] column(double[][] rows, java.util.function.IntToDoubleFunction f) {
    return java.util.stream.IntStream.range(0, rows.length)
        .mapToDouble(f)
        .filter(x -> !Double.isNaN(x))
        .toArray();
  }
}
