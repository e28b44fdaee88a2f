package dev.nasrank.harness.report.stats;

import dev.nasrank.harness.candidates.Candidate;
import dev.nasrank.harness.metrics.NoiseCeiling;
import dev.nasrank.harness.metrics.RankMetrics;
import dev.nasrank.harness.report.GroundTruth;
import dev.nasrank.harness.report.RankingEvaluator;
import dev.nasrank.harness.report.Variant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The numbers a study's statistics are computed from, in the default variant (unique architectures,
 * no filter): per setting and training seed the predicted score of every architecture, and per
 * architecture the validation accuracy of every ground-truth repeat (not their mean: the bootstrap
 * resamples the repeats). Immutable.
 */
public final class StudyData {
  private final List<Candidate.Setting> settings;
  private final long[] seeds;
  private final List<String> architectures;
  private final double[][][] predicted;
  private final double[][] repeats;

  /**
   * @param settings the settings, in table order
   * @param seeds the training seeds of the study, ascending (the union over settings)
   * @param architectures module hashes, ascending
   * @param predicted {@code predicted[s][j][a]}: one-shot accuracy (fraction in [0,1], mean over
   *     the choices of architecture a) of setting s trained with seed j; NaN where the setting
   *     lacks the seed or the architecture
   * @param repeats {@code repeats[a]}: final validation accuracy (fraction) of each ground-truth
   *     repeat of a
   */
  public StudyData(
      List<Candidate.Setting> settings,
      long[] seeds,
      List<String> architectures,
      double[][][] predicted,
      double[][] repeats) {
    if (predicted.length != settings.size() || repeats.length != architectures.size()) {
      throw new IllegalArgumentException(
          "predicted must have one row per setting and repeats one per architecture");
    }
    for (double[][] perSeed : predicted) {
      if (perSeed.length != seeds.length) {
        throw new IllegalArgumentException("predicted must have one row per seed");
      }
      for (double[] v : perSeed) {
        if (v.length != architectures.size()) {
          throw new IllegalArgumentException("predicted must have one value per architecture");
        }
      }
    }
    for (int a = 0; a < repeats.length; a++) {
      if (repeats[a].length == 0) {
        throw new IllegalArgumentException(
            "architecture " + architectures.get(a) + " has no ground-truth repeat");
      }
    }
    this.settings = List.copyOf(settings);
    this.seeds = seeds.clone();
    this.architectures = List.copyOf(architectures);
    this.predicted = deepCopy(predicted);
    this.repeats = Arrays.stream(repeats).map(double[]::clone).toArray(double[][]::new);
  }

  /**
   * The study of a run: one ranking per setting and seed, each reduced to the default variant's
   * items by {@link RankingEvaluator#items} (so "unique architecture" means the same here as in
   * ranking.csv).
   */
  public static StudyData of(Map<Candidate.RunKey, List<Candidate>> runs, GroundTruth gt) {
    TreeSet<Candidate.Setting> settingSet = new TreeSet<>();
    TreeSet<Long> seedSet = new TreeSet<>();
    TreeSet<String> hashes = new TreeSet<>();
    runs.forEach(
        (k, rows) -> {
          settingSet.add(k.setting());
          seedSet.add(k.seed());
          rows.forEach(c -> hashes.add(c.moduleHash()));
        });
    List<Candidate.Setting> settings = new ArrayList<>(settingSet);
    long[] seeds = seedSet.stream().mapToLong(Long::longValue).toArray();
    List<String> archs = new ArrayList<>(hashes);
    double[][][] predicted = new double[settings.size()][seeds.length][archs.size()];
    for (double[][] perSeed : predicted) {
      for (double[] v : perSeed) {
        Arrays.fill(v, Double.NaN);
      }
    }
    RankingEvaluator evaluator = RankingEvaluator.defaults();
    runs.forEach(
        (k, rows) -> {
          RankingEvaluator.Items items = evaluator.items(rows, gt, Variant.DEFAULT);
          double[] row =
              predicted[settings.indexOf(k.setting())][Arrays.binarySearch(seeds, k.seed())];
          for (int i = 0; i < items.size(); i++) {
            row[archs.indexOf(items.ids().get(i))] = items.predicted()[i];
          }
        });
    double[][] repeats = new double[archs.size()][];
    for (int a = 0; a < archs.size(); a++) {
      String h = archs.get(a);
      repeats[a] = new double[gt.repeats(h)];
      for (int r = 0; r < repeats[a].length; r++) {
        repeats[a][r] = gt.validationAccuracy(h, r);
      }
    }
    return new StudyData(settings, seeds, archs, predicted, repeats);
  }

  public List<Candidate.Setting> settings() {
    return settings;
  }

  /** The study's seeds, ascending. */
  public long[] seeds() {
    return seeds.clone();
  }

  public List<String> architectures() {
    return architectures;
  }

  /** Number of ground-truth repeats of architecture a. */
  public int repeats(int a) {
    return repeats[a].length;
  }

  /** Validation accuracy (fraction) of repeat r of architecture a. */
  public double repeat(int a, int r) {
    return repeats[a][r];
  }

  /** Whether setting s has a ranking for seed index j. */
  public boolean has(int s, int j) {
    for (double v : predicted[s][j]) {
      if (!Double.isNaN(v)) {
        return true;
      }
    }
    return false;
  }

  /** Number of seeds setting s has a ranking for. */
  public int seedCount(int s) {
    int n = 0;
    for (int j = 0; j < seeds.length; j++) {
      n += has(s, j) ? 1 : 0;
    }
    return n;
  }

  /** Number of architectures setting s ranks in at least one seed. */
  public int architectureCount(int s) {
    return heldArchitectures(s).size();
  }

  private List<Integer> heldArchitectures(int s) {
    List<Integer> held = new ArrayList<>();
    for (int a = 0; a < architectures.size(); a++) {
      for (int j = 0; j < seeds.length; j++) {
        if (!Double.isNaN(predicted[s][j][a])) {
          held.add(a);
          break;
        }
      }
    }
    return held;
  }

  /**
   * Kendall tau-b of setting s, seed index j, over the drawn architectures (with their
   * multiplicity) that the ranking holds, against the given ground truth per architecture; NaN when
   * undefined.
   *
   * @param architectureDraw indices into {@link #architectures()}
   * @param truth ground truth per architecture (fraction), indexed like {@link #architectures()}
   */
  public double tau(int s, int j, int[] architectureDraw, double[] truth) {
    double[] p = new double[architectureDraw.length];
    double[] t = new double[architectureDraw.length];
    int n = 0;
    for (int a : architectureDraw) {
      double v = predicted[s][j][a];
      if (!Double.isNaN(v)) {
        p[n] = v;
        t[n] = truth[a];
        n++;
      }
    }
    return RankMetrics.kendallTauB(Arrays.copyOf(p, n), Arrays.copyOf(t, n));
  }

  /**
   * Mean tau-b of setting s over the draw's seeds it holds (with their multiplicity): the statistic
   * of one bootstrap resample (or, for {@link Draw#identity}, the observed mean over seeds). NaN
   * when the setting holds none of the drawn seeds or any drawn tau is undefined.
   */
  public double meanTau(int s, Draw draw) {
    double sum = 0;
    int n = 0;
    double[] cache = new double[seeds.length];
    Arrays.fill(cache, Double.NaN);
    for (int j : draw.seeds()) {
      if (!has(s, j)) {
        continue;
      }
      if (Double.isNaN(cache[j])) {
        cache[j] = tau(s, j, draw.architectures(), draw.truth());
        if (Double.isNaN(cache[j])) {
          return Double.NaN;
        }
      }
      sum += cache[j];
      n++;
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  /**
   * Mean tau-b between ground-truth repeats over the architectures setting s ranks ({@link
   * NoiseCeiling}).
   */
  public double noiseCeiling(int s) {
    return NoiseCeiling.kendallTau(repeatMatrix(s));
  }

  /** The ground truth's reliability figures over the architectures setting s ranks. */
  public Ceiling ceiling(int s) {
    return Ceiling.of(repeatMatrix(s));
  }

  /** {@code [r][i]}: repeat r of the i-th architecture setting s ranks, NaN where it has fewer. */
  private double[][] repeatMatrix(int s) {
    List<Integer> held = heldArchitectures(s);
    int most = held.stream().mapToInt(a -> repeats[a].length).max().orElse(0);
    double[][] reps = new double[most][held.size()];
    for (int r = 0; r < most; r++) {
      for (int i = 0; i < held.size(); i++) {
        double[] ar = repeats[held.get(i)];
        reps[r][i] = r < ar.length ? ar[r] : Double.NaN;
      }
    }
    return reps;
  }

  /** The fewest ground-truth repeats of any architecture. */
  public int fewestRepeats() {
    return Arrays.stream(repeats).mapToInt(r -> r.length).min().orElse(0);
  }

  /** Mean predicted score (fraction) of setting s over its seeds and architectures. */
  public double meanScore(int s) {
    return Arrays.stream(predicted[s])
        .flatMapToDouble(Arrays::stream)
        .filter(x -> !Double.isNaN(x))
        .average()
        .orElse(Double.NaN);
  }

  /**
   * The spread of setting s's scores between architectures: the mean over its seeds of the sample
   * sd (fraction) over architectures of the predicted score; NaN when no seed ranks 2.
   */
  public double scoreSd(int s) {
    double sum = 0;
    int n = 0;
    for (double[] v : predicted[s]) {
      double sd = StudyStatistics.sd(v);
      if (!Double.isNaN(sd)) {
        sum += sd;
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  private static double[][][] deepCopy(double[][][] a) {
    double[][][] out = new double[a.length][][];
    for (int i = 0; i < a.length; i++) {
      out[i] = Arrays.stream(a[i]).map(double[]::clone).toArray(double[][]::new);
    }
    return out;
  }
}
