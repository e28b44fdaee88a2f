package dev.nasrank.harness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * settings.csv and comparisons.csv recomputed from candidates.csv and the ground-truth CSV alone,
 * by a second implementation of the scheme docs/report.md documents (brute-force tau-b by pair
 * counting, its own R-7 percentile, Holm and seeds-to-decide), on a synthetic run of 3
 * methods/strategies x 2 calibrations x 3 seeds over the 34 S4 architectures with 3 repeats each.
 * Every number must agree to the 6 decimals written.
 */
class StatisticsRecomputationTest {
  private static final int RESAMPLES = 300;
  private static final long SEED = 2020;
  private static final double ALPHA = 0.05;
  private static final double POWER = 0.8;
  private static final List<String> STRATEGIES =
      List.of("none", "vanilla", "linear_sbn", "exponential_sbn", "simple_scaling");

  @TempDir Path tmp;

  @Test
  void everyNumberAgreesWithTheDocumentedScheme() throws Exception {
    Path root = tmp.resolve("run");
    RunDirectory dir =
        SyntheticRun.write(
            root,
            List.of(
                new String[] {"mixpath", "none"},
                new String[] {"mixpath", "linear_sbn"},
                new String[] {"spos", "vanilla"}),
            new long[] {7, 3, 5},
            new int[] {4});
    Files.writeString(
        root.resolve("gt.csv"), SyntheticRun.groundTruthCsv(SyntheticRun.groundTruth(5)));
    Reporter.render(
        dir,
        InMemoryGroundTruth.readCsv(root.resolve("gt.csv"), 108),
        ReportOptions.builder()
            .optBootstrapResamples(20)
            .optStudyResamples(RESAMPLES)
            .optBootstrapSeed(SEED)
            .optPlots(false)
            .build());

    // the data, read independently: settings in table order, seeds and hashes ascending
    TreeMap<String, double[]> gt = new TreeMap<>();
    for (String[] r : TinyRun.csv(root.resolve("gt.csv")).subList(1, 34 * 3 + 1)) {
      double[] reps = gt.computeIfAbsent(r[0], k -> new double[3]);
      reps[Integer.parseInt(r[1])] = Double.parseDouble(r[2]);
    }
    List<String> hashes = new ArrayList<>(gt.keySet());
    TreeMap<String, TreeMap<Long, TreeMap<String, List<Double>>>> acc =
        new TreeMap<>(this::settingOrder);
    for (String[] r :
        TinyRun.csv(dir.candidatesCsv()).subList(1, TinyRun.csv(dir.candidatesCsv()).size())) {
      acc.computeIfAbsent(r[0] + "," + r[1] + "," + r[2], k -> new TreeMap<>())
          .computeIfAbsent(Long.parseLong(r[3]), k -> new TreeMap<>())
          .computeIfAbsent(r[6], k -> new ArrayList<>())
          .add(Double.parseDouble(r[7]));
    }
    List<String> settings = new ArrayList<>(acc.keySet());
    long[] seeds =
        acc.firstEntry().getValue().keySet().stream().mapToLong(Long::longValue).toArray();
    int k = settings.size();
    int n = hashes.size();
    double[][][] pred = new double[k][seeds.length][n];
    for (int s = 0; s < k; s++) {
      for (int j = 0; j < seeds.length; j++) {
        Map<String, List<Double>> byHash = acc.get(settings.get(s)).get(seeds[j]);
        for (int a = 0; a < n; a++) {
          pred[s][j][a] =
              byHash.get(hashes.get(a)).stream()
                  .mapToDouble(Double::doubleValue)
                  .average()
                  .orElseThrow();
        }
      }
    }
    double[][] reps = hashes.stream().map(gt::get).toArray(double[][]::new);

    // observed: every seed and architecture, ground truth = mean of the 3 repeats
    int[] allSeeds = range(seeds.length);
    int[] allArchs = range(n);
    double[] meanTruth = Arrays.stream(reps).mapToDouble(r -> (r[0] + r[1] + r[2]) / 3).toArray();
    double[][] perSeed = new double[k][seeds.length];
    double[] mean = new double[k];
    for (int s = 0; s < k; s++) {
      for (int j = 0; j < seeds.length; j++) {
        perSeed[s][j] = tau(pred[s][j], meanTruth, allArchs);
      }
      mean[s] = meanTau(pred[s], meanTruth, allSeeds, allArchs);
    }
    // the two resampling streams
    double[][] full = new double[RESAMPLES][k];
    double[][] gtOnly = new double[RESAMPLES][k];
    SplittableRandom rf = new SplittableRandom(SEED);
    SplittableRandom rg = new SplittableRandom(SEED + 1);
    for (int b = 0; b < RESAMPLES; b++) {
      int[] ds = new int[seeds.length];
      for (int i = 0; i < ds.length; i++) {
        ds[i] = rf.nextInt(seeds.length);
      }
      int[] da = new int[n];
      for (int i = 0; i < n; i++) {
        da[i] = rf.nextInt(n);
      }
      double[] tf = resampledTruth(reps, rf);
      double[] tg = resampledTruth(reps, rg);
      for (int s = 0; s < k; s++) {
        full[b][s] = meanTau(pred[s], tf, ds, da);
        gtOnly[b][s] = meanTau(pred[s], tg, allSeeds, allArchs);
      }
    }

    List<String[]> settingsCsv = TinyRun.csv(dir.settingsCsv());
    assertEquals(k + 1, settingsCsv.size());
    for (int s = 0; s < k; s++) {
      String[] row = settingsCsv.get(s + 1);
      assertEquals(settings.get(s), row[0] + "," + row[1] + "," + row[2]);
      double[] f = column(full, s, -1);
      close(mean[s], row[5], "mean tau " + s);
      close(sd(perSeed[s]), row[6], "seed sd " + s);
      close(r7(f, ALPHA / 2), row[7], "low " + s);
      close(r7(f, 1 - ALPHA / 2), row[8], "high " + s);
      assertEquals(RESAMPLES, Integer.parseInt(row[9]));
      close(var(column(gtOnly, s, -1)) / var(f), row[11], "ground-truth share " + s);
    }

    List<String[]> pairs = TinyRun.csv(dir.comparisonsCsv());
    int m = k * (k - 1) / 2;
    assertEquals(m + 1, pairs.size());
    double[] p = new double[m];
    double[][] diffs = new double[m][];
    int q = 0;
    for (int a = 0; a < k; a++) {
      for (int b = a + 1; b < k; b++, q++) {
        diffs[q] = column(full, a, b);
        long le = Arrays.stream(diffs[q]).filter(x -> x <= 0).count();
        long ge = Arrays.stream(diffs[q]).filter(x -> x >= 0).count();
        p[q] = Math.min(1, 2.0 * Math.min(le + 1, ge + 1) / (diffs[q].length + 1));
      }
    }
    double[] holm = StatisticsHandCaseTest.holm(p);
    q = 0;
    for (int a = 0; a < k; a++) {
      for (int b = a + 1; b < k; b++, q++) {
        String[] row = pairs.get(q + 1);
        assertEquals(
            settings.get(a) + "," + settings.get(b),
            String.join(",", Arrays.copyOfRange(row, 0, 6)));
        assertEquals(String.valueOf(seeds.length), row[6]);
        double d = mean[a] - mean[b];
        close(d, row[9], "difference " + q);
        close(r7(diffs[q], ALPHA / 2), row[10], "difference low " + q);
        close(r7(diffs[q], 1 - ALPHA / 2), row[11], "difference high " + q);
        close(p[q], row[13], "p " + q);
        close(holm[q], row[14], "Holm p " + q);
        close(var(column(gtOnly, a, b)) / var(diffs[q]), row[18], "ground-truth share " + q);
        long le = Arrays.stream(diffs[q]).filter(x -> x < 0).count();
        long gt0 = Arrays.stream(diffs[q]).filter(x -> x > 0).count();
        String verdict = holm[q] >= ALPHA ? "undecided" : gt0 > le ? "a_better" : "b_better";
        assertEquals(verdict, row[15], "verdict " + q);
        if (verdict.equals("undecided")) {
          // seeds run: 3 >= 2, so v = variance of the per-seed differences, w = max(0, bootstrap
          // variance - v/3)
          double[] sd = new double[seeds.length];
          for (int j = 0; j < seeds.length; j++) {
            sd[j] = perSeed[a][j] - perSeed[b][j];
          }
          double v = var(sd);
          double w = Math.max(0, var(diffs[q]) - v / seeds.length);
          NormalDistribution z = new NormalDistribution(null, 0, 1);
          double zz =
              z.inverseCumulativeProbability(1 - ALPHA / (2.0 * m))
                  + z.inverseCumulativeProbability(POWER);
          double room = d * d / (zz * zz) - w;
          String expected =
              room <= 0
                  ? "never"
                  : String.valueOf((long) Math.max(Math.ceil(v / room - 1e-9), seeds.length + 1));
          assertEquals(expected, row[16], "seeds to decide " + q);
          assertEquals("seeds", row[17]);
        } else {
          assertEquals("", row[16]);
        }
      }
    }
  }

  private int settingOrder(String x, String y) {
    String[] a = x.split(",");
    String[] b = y.split(",");
    int c = a[0].compareTo(b[0]);
    if (c == 0) {
      c = Integer.compare(STRATEGIES.indexOf(a[1]), STRATEGIES.indexOf(b[1]));
    }
    return c != 0 ? c : Boolean.compare(Boolean.parseBoolean(a[2]), Boolean.parseBoolean(b[2]));
  }

  /** Mean over the drawn seeds of tau-b over the drawn architectures; NaN when any is undefined. */
  private static double meanTau(double[][] pred, double[] truth, int[] seeds, int[] archs) {
    double sum = 0;
    for (int j : seeds) {
      sum += tau(pred[j], truth, archs);
    }
    return sum / seeds.length;
  }

  /** Kendall tau-b by counting pairs: (C - D) / sqrt((n0 - n1)(n0 - n2)). */
  static double tau(double[] pred, double[] truth, int[] archs) {
    long c = 0;
    long d = 0;
    long tiedP = 0;
    long tiedT = 0;
    long n0 = 0;
    for (int i = 0; i < archs.length; i++) {
      for (int j = i + 1; j < archs.length; j++) {
        n0++;
        double dp = Math.signum(pred[archs[i]] - pred[archs[j]]);
        double dt = Math.signum(truth[archs[i]] - truth[archs[j]]);
        tiedP += dp == 0 ? 1 : 0;
        tiedT += dt == 0 ? 1 : 0;
        c += dp * dt > 0 ? 1 : 0;
        d += dp * dt < 0 ? 1 : 0;
      }
    }
    double den = Math.sqrt((double) (n0 - tiedP) * (n0 - tiedT));
    return den == 0 ? Double.NaN : (c - d) / den;
  }

  private static double[] resampledTruth(double[][] reps, SplittableRandom rng) {
    double[] t = new double[reps.length];
    for (int a = 0; a < reps.length; a++) {
      double s = 0;
      for (int i = 0; i < reps[a].length; i++) {
        s += reps[a][rng.nextInt(reps[a].length)];
      }
      t[a] = s / reps[a].length;
    }
    return t;
  }

  /** Column a (b < 0) or the difference of columns a and b, NaN rows left out. */
  private static double[] column(double[][] rows, int a, int b) {
    return Arrays.stream(rows)
        .mapToDouble(r -> b < 0 ? r[a] : r[a] - r[b])
        .filter(x -> !Double.isNaN(x))
        .toArray();
  }

  /** Hyndman-Fan type 7 quantile. */
  private static double r7(double[] values, double prob) {
    double[] x = values.clone();
    Arrays.sort(x);
    double h = (x.length - 1) * prob;
    int lo = (int) Math.floor(h);
    return lo + 1 >= x.length ? x[lo] : x[lo] + (h - lo) * (x[lo + 1] - x[lo]);
  }

  private static double var(double[] v) {
    double m = Arrays.stream(v).average().orElseThrow();
    return Arrays.stream(v).map(x -> (x - m) * (x - m)).sum() / (v.length - 1);
  }

  private static double sd(double[] v) {
    return Math.sqrt(var(v));
  }

  private static int[] range(int n) {
    return java.util.stream.IntStream.range(0, n).toArray();
  }

  private static void close(double expected, String actual, String what) {
    assertEquals(expected, Double.parseDouble(actual), 1e-6, what);
  }
}
