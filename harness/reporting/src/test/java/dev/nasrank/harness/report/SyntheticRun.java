package dev.nasrank.harness.report;

import dev.nasrank.benchbridge.ModelSpec;
import dev.nasrank.benchbridge.Op;
import dev.nasrank.files.AtomicFiles;
import dev.nasrank.harness.candidates.CandidatesCsv;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Synthetic suite output for tests: the real S4 choices (with their real NAS-Bench-101 hashes), a
 * made-up ground truth with 3 repeats, and one-shot accuracies whose quality depends on the setting
 * (linear SBN ranks well, no BN on the sum penalises multi-path candidates), written as
 * candidates.csv.
 */
public final class SyntheticRun {
  static final List<Op> OPS = List.of(Op.CONV1X1, Op.CONV3X3, Op.MAXPOOL3X3);

  /** An S4 choice: active nodes (bit mask over 4 nodes) and an op per active node. */
  record Choice(String name, int activePaths, String hash) {}

  /**
   * The 4^m - 1 choices of S4 over the first m nodes (the reference code's space for max paths m).
   */
  static List<Choice> choices(int m) {
    return CACHE.computeIfAbsent(m, SyntheticRun::enumerate);
  }

  private static final Map<Integer, List<Choice>> CACHE =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static List<Choice> enumerate(int m) {
    List<Choice> out = new ArrayList<>();
    for (int mask = 1; mask < (1 << m); mask++) {
      int k = Integer.bitCount(mask);
      int[] nodes = new int[k];
      for (int i = 0, j = 0; i < 4; i++) {
        if ((mask & (1 << i)) != 0) {
          nodes[j++] = i;
        }
      }
      int combos = (int) Math.pow(3, k);
      for (int c = 0; c < combos; c++) {
        int[][] adj = new int[7][7];
        List<Op> ops =
            new ArrayList<>(
                List.of(
                    Op.INPUT,
                    Op.CONV1X1,
                    Op.CONV1X1,
                    Op.CONV1X1,
                    Op.CONV1X1,
                    Op.CONV1X1,
                    Op.OUTPUT));
        StringBuilder name = new StringBuilder();
        for (int j = 0, code = c; j < k; j++, code /= 3) {
          int node = nodes[j];
          Op op = OPS.get(code % 3);
          ops.set(node + 1, op);
          adj[0][node + 1] = 1;
          adj[node + 1][5] = 1;
          name.append(name.length() == 0 ? "" : ",")
              .append("n")
              .append(node + 1)
              .append(':')
              .append(op.nasbenchName().replace("-bn-relu", ""));
        }
        adj[5][6] = 1;
        out.add(new Choice(name.toString(), k, ModelSpec.of(adj, ops).hash()));
      }
    }
    return List.copyOf(out);
  }

  /** Ground truth: quality from the op multiset, plus repeat noise (sd 0.3%). */
  public static InMemoryGroundTruth groundTruth(long seed) {
    Map<String, double[]> v = new LinkedHashMap<>();
    Map<String, double[]> t = new LinkedHashMap<>();
    Random rng = new Random(seed);
    for (Choice c : choices(4)) {
      if (v.containsKey(c.hash())) {
        continue;
      }
      double q = quality(c);
      double[] reps = new double[3];
      double[] tests = new double[3];
      for (int r = 0; r < 3; r++) {
        reps[r] = clamp(q + 0.003 * rng.nextGaussian());
        tests[r] = clamp(reps[r] - 0.004 + 0.002 * rng.nextGaussian());
      }
      v.put(c.hash(), reps);
      t.put(c.hash(), tests);
    }
    return InMemoryGroundTruth.of("synthetic ground truth, 108 epochs", 108, v, t);
  }

  /** The ground truth as the CSV the report command reads. */
  public static String groundTruthCsv(InMemoryGroundTruth gt) {
    StringBuilder sb = new StringBuilder("module_hash,repeat,validation_accuracy,test_accuracy\n");
    choices(4).stream()
        .map(Choice::hash)
        .distinct()
        .sorted()
        .forEach(
            h -> {
              for (int r = 0; r < gt.repeats(h); r++) {
                sb.append(h)
                    .append(',')
                    .append(r)
                    .append(',')
                    .append(gt.validationAccuracy(h, r))
                    .append(',')
                    .append(gt.testAccuracy(h, r).orElseThrow())
                    .append('\n');
              }
            });
    return sb.toString();
  }

  static double quality(Choice c) {
    int conv3 = count(c.name(), "conv3x3");
    int conv1 = count(c.name(), "conv1x1");
    int pool = count(c.name(), "maxpool3x3");
    return 0.88 + 0.012 * conv3 + 0.006 * conv1 + 0.001 * pool + 0.003 * c.activePaths();
  }

  private static int count(String s, String word) {
    return s.split(word, -1).length - 1;
  }

  private static double clamp(double x) {
    return Math.max(0, Math.min(1, x));
  }

  /** CSV text of candidates for the given settings, seeds and maximum path counts. */
  static String candidatesCsv(
      List<String[]> settings, long[] seeds, int[] maxPaths, boolean withMaxPathsColumn) {
    StringBuilder sb = new StringBuilder(String.join(",", CandidatesCsv.HEADER));
    sb.append(withMaxPathsColumn ? ",max_paths\n" : "\n");
    for (String[] s : settings) {
      for (String cal : new String[] {"false", "true"}) {
        for (long seed : seeds) {
          for (int m : maxPaths) {
            Random rng =
                new Random(seed * 31 + s[0].hashCode() * 7L + s[1].hashCode() + m + cal.hashCode());
            double noise = noise(s[1], cal.equals("true"));
            for (Choice c : choices(m)) {
              double penalty =
                  s[1].equals("none") && !cal.equals("true") ? 0.12 * (c.activePaths() - 1) : 0;
              double acc =
                  clamp(0.55 + 3 * (quality(c) - 0.88) - penalty + noise * rng.nextGaussian());
              sb.append(
                  String.join(
                      ",",
                      s[0],
                      s[1],
                      cal,
                      String.valueOf(seed),
                      "\"" + c.name() + "\"",
                      String.valueOf(c.activePaths()),
                      c.hash(),
                      String.format(Locale.ROOT, "%.4f", acc)));
              sb.append(withMaxPathsColumn ? "," + m + "\n" : "\n");
            }
          }
        }
      }
    }
    return sb.toString();
  }

  private static double noise(String strategy, boolean calibrated) {
    double base =
        switch (strategy) {
          case "linear_sbn" -> 0.01;
          case "simple_scaling" -> 0.03;
          case "vanilla" -> 0.05;
          default -> 0.08;
        };
    return calibrated ? base * 0.7 : base;
  }

  /** Writes a run directory with candidates.csv. */
  public static RunDirectory write(
      Path dir, List<String[]> settings, long[] seeds, int[] maxPaths) {
    AtomicFiles.writeString(
        dir.resolve("candidates.csv"), candidatesCsv(settings, seeds, maxPaths, true));
    return RunDirectory.of(dir);
  }
}
