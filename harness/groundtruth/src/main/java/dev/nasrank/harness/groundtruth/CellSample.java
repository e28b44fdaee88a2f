package dev.nasrank.harness.groundtruth;

import dev.nasrank.benchbridge.GroundTruthSource;
import dev.nasrank.benchbridge.ModelSpec;
import dev.nasrank.benchbridge.NasBench;
import dev.nasrank.benchbridge.SearchSpace;
import dev.nasrank.benchbridge.io.PartialDump;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A seeded, stratified sample of NAS-Bench-101 cells to train as ground truth ({@code groundtruth
 * generate --sample N --from FILE}). The accuracy range of the source (mean over its repeats of the
 * final validation accuracy at {@code epochs}, a fraction in [0,1]) is cut into N equal-width
 * strata; the sample takes one cell, drawn uniformly, from every stratum that holds one, then fills
 * up to N with uniform draws from the cells not yet taken. Equal width (not equal count) because
 * NAS-Bench-101's accuracies crowd near 0.9 with a long low tail: equal-count strata would leave
 * that tail almost unsampled. The cells come back in ascending accuracy.
 */
public final class CellSample {

  private CellSample() {}

  /**
   * Opens a NAS-Bench-101 source: a TFRecord or binary cache ({@link NasBench#open}), or a
   * nasbench-vis JSON dump (the 20k dump has no cells: they are recovered by enumerating the space,
   * about 10 s on two threads).
   */
  public static GroundTruthSource open(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IOException("no such NAS-Bench-101 source: " + file);
    }
    if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
      PartialDump dump = PartialDump.visData(file, null);
      return dump.hasSpecs() ? dump : PartialDump.visData(file, SearchSpace.enumerate(2));
    }
    return NasBench.open(file);
  }

  /**
   * Draws the sample.
   *
   * @param source cells with specs and accuracies at {@code epochs}
   * @param n cells wanted, 1 to the source's size
   * @param epochs the budget whose accuracy stratifies (108 for NAS-Bench-101's final one)
   * @param seed seed of the draws
   * @return n distinct cells, ascending by that accuracy
   */
  public static List<ModelSpec> draw(GroundTruthSource source, int n, int epochs, long seed) {
    if (!source.hasSpecs()) {
      throw new IllegalArgumentException(
          source.name() + " holds no cells to train (and no space was enumerated)");
    }
    if (Arrays.stream(source.epochBudgets()).noneMatch(b -> b == epochs)) {
      throw new IllegalArgumentException(
          source.name()
              + " has no "
              + epochs
              + "-epoch budget (it has "
              + Arrays.toString(source.epochBudgets())
              + ")");
    }
    List<String> hashes = source.hashes().toList();
    if (n < 1 || n > hashes.size()) {
      throw new IllegalArgumentException("sample size must be 1.." + hashes.size() + ", got " + n);
    }
    double[] acc = new double[hashes.size()];
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < acc.length; i++) {
      acc[i] = source.meanFinalValidationAccuracy(hashes.get(i), epochs);
      lo = Math.min(lo, acc[i]);
      hi = Math.max(hi, acc[i]);
    }
    List<List<Integer>> strata = new ArrayList<>();
    for (int s = 0; s < n; s++) {
      strata.add(new ArrayList<>());
    }
    double width = (hi - lo) / n;
    for (int i = 0; i < acc.length; i++) {
      int s = width == 0 ? 0 : (int) Math.min(n - 1, Math.floor((acc[i] - lo) / width));
      strata.get(s).add(i);
    }
    SplittableRandom rng = new SplittableRandom(seed);
    boolean[] taken = new boolean[acc.length];
    List<Integer> chosen = new ArrayList<>();
    for (List<Integer> stratum : strata) {
      if (!stratum.isEmpty()) {
        int i = stratum.get(rng.nextInt(stratum.size()));
        taken[i] = true;
        chosen.add(i);
      }
    }
    List<Integer> rest = new ArrayList<>();
    for (int i = 0; i < acc.length; i++) {
      if (!taken[i]) {
        rest.add(i);
      }
    }
    while (chosen.size() < n) {
      int k = rng.nextInt(rest.size());
      chosen.add(rest.get(k));
      rest.set(k, rest.get(rest.size() - 1));
      rest.remove(rest.size() - 1);
    }
    chosen.sort(Comparator.comparingDouble((Integer i) -> acc[i]).thenComparing(hashes::get));
    return chosen.stream().map(i -> source.spec(hashes.get(i))).toList();
  }
}
