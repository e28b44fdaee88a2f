package dev.nasrank.harness.report.claims;

import dev.nasrank.harness.candidates.Candidate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;

/**
 * Claim 8: without Shadow BN, supernets with m > 1 give lower one-shot accuracies. Per maximum path
 * count m in the file, the statistic is the mean over seeds of the mean over choices of the paired
 * difference of one-shot accuracy (fraction) vanilla BN minus linear SBN, both MixPath and
 * uncalibrated, over the choices and seeds both supernets were evaluated on. Its interval is a
 * seeded percentile bootstrap that draws, per resample, the seeds and then the choices with
 * replacement (one draw for both settings and all seeds). Per m > 1: the interval below 0 supports
 * the claim, above 0 contradicts it; the parts combine with {@link ClaimVerdict#all}.
 */
final class AccuracyGapClaim {
  static final Candidate.Setting WITHOUT = new Candidate.Setting("mixpath", "vanilla", false);
  static final Candidate.Setting WITH = new Candidate.Setting("mixpath", "linear_sbn", false);

  private AccuracyGapClaim() {}

  /**
   * The paired differences of one m: {@code diff[seed][choice]}, NaN where a side lacks the choice.
   */
  private record Gap(int m, double[][] diff) {}

  static ClaimResult audit(List<Candidate> all, int resamples, long seed, double alpha) {
    String claim = "without Shadow BN, supernets with m > 1 give lower one-shot accuracies";
    String test =
        "per m > 1: mean one-shot accuracy, vanilla minus linear_sbn (MixPath, uncalibrated, paired by "
            + "seed and choice), bootstrap interval over seeds and choices below 0: reproduced, above 0: contradicted";
    List<Gap> gaps = gaps(all);
    List<ClaimVerdict> parts = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (Gap g : gaps) {
      double[] iv = interval(g, resamples, seed, alpha);
      double est = statistic(g, identity(g.diff().length), identity(g.diff()[0].length));
      texts.add(
          "m="
              + g.m()
              + " "
              + Texts.signed(est)
              + " ["
              + Texts.f(iv[0])
              + ", "
              + Texts.f(iv[1])
              + "]");
      if (g.m() > 1) {
        parts.add(
            iv[1] < 0
                ? ClaimVerdict.REPRODUCED
                : iv[0] > 0 ? ClaimVerdict.CONTRADICTED : ClaimVerdict.UNDECIDED);
      }
    }
    String ours =
        gaps.isEmpty()
            ? "vanilla or linear_sbn (uncalibrated) not in this run"
            : "vanilla - linear_sbn, mean one-shot accuracy: "
                + String.join("; ", texts)
                + (gaps.size() == 1 ? " (one m in this run)" : "");
    return new ClaimResult(8, claim, "-", ours, ClaimVerdict.all(parts), "-", test);
  }

  private static List<Gap> gaps(List<Candidate> all) {
    // m -> seed -> choice -> {without, with}
    Map<Integer, Map<Long, Map<String, double[]>>> by = new TreeMap<>();
    for (Candidate c : all) {
      int side = c.setting().equals(WITHOUT) ? 0 : c.setting().equals(WITH) ? 1 : -1;
      if (side >= 0) {
        by.computeIfAbsent(c.maxPaths(), k -> new TreeMap<>())
                .computeIfAbsent(c.seed(), k -> new TreeMap<>())
                .computeIfAbsent(c.choice(), k -> new double[] {Double.NaN, Double.NaN})[side] =
            c.oneShotAccuracy();
      }
    }
    List<Gap> out = new ArrayList<>();
    by.forEach(
        (m, perSeed) -> {
          TreeSet<String> choices = new TreeSet<>();
          perSeed
              .values()
              .forEach(
                  cs ->
                      cs.forEach(
                          (ch, v) -> {
                            if (!Double.isNaN(v[0]) && !Double.isNaN(v[1])) {
                              choices.add(ch);
                            }
                          }));
          List<double[]> rows = new ArrayList<>();
          perSeed
              .values()
              .forEach(
                  cs -> {
                    double[] row =
                        choices.stream()
                            .mapToDouble(
                                ch -> {
                                  double[] v = cs.get(ch);
                                  return v == null ? Double.NaN : v[0] - v[1];
                                })
                            .toArray();
                    if (java.util.Arrays.stream(row).anyMatch(x -> !Double.isNaN(x))) {
                      rows.add(row);
                    }
                  });
          if (!rows.isEmpty()) {
            out.add(new Gap(m, rows.toArray(double[][]::new)));
          }
        });
    return out;
  }

  /** Mean over the drawn seeds of the mean over the drawn choices (NaN entries skipped). */
  private static double statistic(Gap g, int[] seeds, int[] choices) {
    double sum = 0;
    int n = 0;
    for (int s : seeds) {
      double row = 0;
      int k = 0;
      for (int c : choices) {
        double v = g.diff()[s][c];
        if (!Double.isNaN(v)) {
          row += v;
          k++;
        }
      }
      if (k > 0) {
        sum += row / k;
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  private static double[] interval(Gap g, int resamples, long seed, double alpha) {
    SplittableRandom rng = new SplittableRandom(seed);
    int nSeeds = g.diff().length;
    int nChoices = g.diff()[0].length;
    double[] v = new double[resamples];
    int used = 0;
    for (int b = 0; b < resamples; b++) {
      int[] s = new int[nSeeds];
      int[] c = new int[nChoices];
      for (int i = 0; i < nSeeds; i++) {
        s[i] = rng.nextInt(nSeeds);
      }
      for (int i = 0; i < nChoices; i++) {
        c[i] = rng.nextInt(nChoices);
      }
      double x = statistic(g, s, c);
      if (!Double.isNaN(x)) {
        v[used++] = x;
      }
    }
    if (used == 0) {
      return new double[] {Double.NaN, Double.NaN};
    }
    double[] kept = java.util.Arrays.copyOf(v, used);
    Percentile p = new Percentile().withEstimationType(EstimationType.R_7);
    return new double[] {
      p.evaluate(kept, alpha / 2 * 100), p.evaluate(kept, 100 - alpha / 2 * 100)
    };
  }

  private static int[] identity(int n) {
    return java.util.stream.IntStream.range(0, n).toArray();
  }
}
