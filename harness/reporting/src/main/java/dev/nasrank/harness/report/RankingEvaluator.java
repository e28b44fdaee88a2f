package dev.nasrank.harness.report;

import dev.nasrank.harness.candidates.Candidate;
import dev.nasrank.harness.config.Seeds;
import dev.nasrank.harness.metrics.BootstrapInterval;
import dev.nasrank.harness.metrics.NoiseCeiling;
import dev.nasrank.harness.metrics.RankMetrics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Measures one ranking (the candidates of one supernet: one setting and seed) against a ground
 * truth, for one {@link Variant}. Immutable; configure with {@code withX(...)}.
 */
public final class RankingEvaluator {
  private final BootstrapInterval bootstrap;
  private final long repeatSeed;
  private final int[] precisionKs;

  private RankingEvaluator(BootstrapInterval bootstrap, long repeatSeed, int[] precisionKs) {
    this.bootstrap = bootstrap;
    this.repeatSeed = repeatSeed;
    this.precisionKs = precisionKs;
  }

  /**
   * 1,000 bootstrap resamples (seed {@link Seeds#DEFAULT}), repeat seed {@link Seeds#DEFAULT},
   * precision@5 and @10.
   */
  public static RankingEvaluator defaults() {
    return new RankingEvaluator(BootstrapInterval.defaults(), Seeds.DEFAULT, new int[] {5, 10});
  }

  public RankingEvaluator withBootstrap(BootstrapInterval b) {
    return new RankingEvaluator(b, repeatSeed, precisionKs);
  }

  /** Seed that picks the repeat of each architecture in the "one seeded repeat" variant. */
  public RankingEvaluator withRepeatSeed(long seed) {
    return new RankingEvaluator(bootstrap, seed, precisionKs);
  }

  public RankingEvaluator withPrecisionKs(int... ks) {
    for (int k : ks) {
      if (k < 1) {
        throw new IllegalArgumentException("precision@k needs k >= 1, got " + k);
      }
    }
    return new RankingEvaluator(bootstrap, repeatSeed, ks.clone());
  }

  /** The ks of precision@k, in the order configured. */
  public int[] precisionKs() {
    return precisionKs.clone();
  }

  /**
   * The ranked items of a variant: parallel arrays sorted by module hash (then choice).
   *
   * @param ids module hash (architectures) or choice (choices)
   * @param hashes the module hash of each item
   * @param predicted one-shot accuracy (fraction; mean over the choices of an architecture)
   * @param truth ground truth of the variant (fraction)
   * @param activePaths active paths of each item (of its first choice for an architecture)
   */
  public record Items(
      List<String> ids,
      List<String> hashes,
      double[] predicted,
      double[] truth,
      int[] activePaths) {
    public int size() {
      return predicted.length;
    }
  }

  /**
   * The measured ranking.
   *
   * @param n number of items ranked (after the filter, if any)
   * @param tau Kendall tau-b with its bootstrap interval
   * @param spearman Spearman's rho
   * @param sparseTau tau-b with the ground truth binned at 0.1% accuracy
   * @param precisionAtK precision@k per k (NaN when k exceeds n)
   * @param noiseCeiling mean tau-b between ground-truth repeats over the same items
   * @param items the ranked items (for plots)
   */
  public record Result(
      Variant variant,
      int n,
      BootstrapInterval.Interval tau,
      double spearman,
      double sparseTau,
      Map<Integer, Double> precisionAtK,
      double noiseCeiling,
      Items items) {}

  /** Evaluates the rows of one ranking (all rows must share setting, seed and max_paths). */
  public Result evaluate(List<Candidate> rows, GroundTruth gt, Variant variant) {
    Items items = items(rows, gt, variant);
    double[] p = items.predicted();
    double[] t = items.truth();
    BootstrapInterval.Interval tau = bootstrap.kendallTau(p, t);
    Map<Integer, Double> pk = new LinkedHashMap<>();
    for (int k : precisionKs) {
      pk.put(k, k <= p.length ? RankMetrics.precisionAtK(p, t, k) : Double.NaN);
    }
    return new Result(
        variant,
        p.length,
        tau,
        RankMetrics.spearman(p, t),
        RankMetrics.sparseKendallTau(p, t, RankMetrics.SPARSE_BIN),
        pk,
        noiseCeiling(items.hashes(), gt),
        items);
  }

  /**
   * Builds the ranked items of a variant; fails naming the hash when the ground truth lacks one.
   */
  public Items items(List<Candidate> rows, GroundTruth gt, Variant variant) {
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("no candidates to rank");
    }
    Candidate first = rows.get(0);
    for (Candidate c : rows) {
      if (!c.runKey().equals(first.runKey())
          || c.maxPaths() != first.maxPaths()
          || !c.space().equals(first.space())) {
        throw new IllegalArgumentException(
            "one ranking mixes supernets: "
                + first.setting().label()
                + " seed "
                + first.seed()
                + " m="
                + first.maxPaths()
                + " space "
                + first.space()
                + " and "
                + c.setting().label()
                + " seed "
                + c.seed()
                + " m="
                + c.maxPaths()
                + " space "
                + c.space());
      }
      if (!gt.contains(c.moduleHash())) {
        throw new IllegalArgumentException(
            "ground truth ("
                + gt.description()
                + ") has no architecture "
                + c.moduleHash()
                + " (choice '"
                + c.choice()
                + "' of "
                + c.setting().label()
                + ")");
      }
    }
    List<String> ids = new ArrayList<>();
    List<String> hashes = new ArrayList<>();
    List<Double> predicted = new ArrayList<>();
    List<Integer> paths = new ArrayList<>();
    if (variant.unit() == Variant.Unit.ARCHITECTURES) {
      Map<String, List<Candidate>> byHash = new TreeMap<>();
      rows.forEach(c -> byHash.computeIfAbsent(c.moduleHash(), k -> new ArrayList<>()).add(c));
      byHash.forEach(
          (hash, cs) -> {
            ids.add(hash);
            hashes.add(hash);
            predicted.add(
                cs.stream().mapToDouble(Candidate::oneShotAccuracy).average().orElseThrow());
            paths.add(cs.get(0).activePaths());
          });
    } else {
      rows.stream()
          .sorted(Comparator.comparing(Candidate::moduleHash).thenComparing(Candidate::choice))
          .forEach(
              c -> {
                ids.add(c.choice());
                hashes.add(c.moduleHash());
                predicted.add(c.oneShotAccuracy());
                paths.add(c.activePaths());
              });
    }
    int[] keep = IntStream.range(0, ids.size()).toArray();
    if (variant.dropWorst()) {
      // the reference code's filter: the DROPPED lowest one-shot accuracies go (stable for ties)
      int[] byScore =
          IntStream.range(0, ids.size())
              .boxed()
              .sorted(Comparator.comparingDouble(predicted::get))
              .mapToInt(Integer::intValue)
              .toArray();
      keep =
          Arrays.stream(byScore).skip(Math.min(Variant.DROPPED, byScore.length)).sorted().toArray();
    }
    List<String> kIds = new ArrayList<>();
    List<String> kHashes = new ArrayList<>();
    double[] p = new double[keep.length];
    double[] t = new double[keep.length];
    int[] ap = new int[keep.length];
    for (int i = 0; i < keep.length; i++) {
      int j = keep[i];
      kIds.add(ids.get(j));
      kHashes.add(hashes.get(j));
      p[i] = predicted.get(j);
      ap[i] = paths.get(j);
      String h = hashes.get(j);
      t[i] =
          variant.groundTruth() == Variant.GroundTruthMode.MEAN_OF_REPEATS
              ? gt.meanValidationAccuracy(h)
              : gt.validationAccuracy(h, seededRepeat(h, gt.repeats(h)));
    }
    return new Items(List.copyOf(kIds), List.copyOf(kHashes), p, t, ap);
  }

  /**
   * The repeat the "one seeded repeat" variant uses for an architecture: fixed by repeat seed and
   * hash.
   */
  public int seededRepeat(String moduleHash, int repeats) {
    long h = Long.parseUnsignedLong(moduleHash.substring(0, 16), 16);
    return new SplittableRandom(repeatSeed ^ h).nextInt(repeats);
  }

  /**
   * Mean tau-b between ground-truth repeats over the given items. Where the items have different
   * numbers of repeats (a ground truth still being generated), each pair of repeats is compared
   * over the items that hold both; NaN when no pair covers two items.
   */
  static double noiseCeiling(List<String> hashes, GroundTruth gt) {
    int most = hashes.stream().mapToInt(gt::repeats).max().orElse(0);
    double[][] reps = new double[most][hashes.size()];
    for (int k = 0; k < most; k++) {
      for (int i = 0; i < hashes.size(); i++) {
        String h = hashes.get(i);
        reps[k][i] = k < gt.repeats(h) ? gt.validationAccuracy(h, k) : Double.NaN;
      }
    }
    return NoiseCeiling.kendallTau(reps);
  }
}
