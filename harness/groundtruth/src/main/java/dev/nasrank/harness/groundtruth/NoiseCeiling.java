package dev.nasrank.harness.groundtruth;

import static dev.nasrank.harness.metrics.NoiseCeiling.kendallTau;
import static dev.nasrank.harness.metrics.NoiseCeiling.repeatPairs;

import dev.nasrank.harness.metrics.NoiseCeiling.Pair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * The noise ceiling of a ground truth, computed by the report's own {@link
 * dev.nasrank.harness.metrics.NoiseCeiling} (one definition): Kendall tau-b between the final
 * accuracies of two repeats over the architectures that have both, for every pair of repeats, and
 * their mean. No ranking method can be expected to agree with one repeat better than another repeat
 * does.
 *
 * @param metric which accuracy was compared ({@code validation} or {@code test}, final evaluation)
 * @param pairs tau of each repeat pair, keyed {@code "a-b"}
 * @param architectures per pair, the number of architectures compared
 * @param meanTau mean of the pairwise taus (NaN if no pair has two architectures)
 */
public record NoiseCeiling(
    String metric, Map<String, Double> pairs, Map<String, Integer> architectures, double meanTau) {

  /** Computes the ceiling over the final validation accuracy. */
  public static NoiseCeiling validation(List<UnitResult> units) {
    return of("validation", units, u -> u.last().validationAccuracy());
  }

  /** Computes the ceiling over the final test accuracy. */
  public static NoiseCeiling test(List<UnitResult> units) {
    return of("test", units, u -> u.last().testAccuracy());
  }

  static NoiseCeiling of(
      String metric, List<UnitResult> units, ToDoubleFunction<UnitResult> value) {
    // one column per architecture, one row per repeat, NaN where a repeat lacks an architecture
    TreeMap<Integer, Map<String, Double>> byRepeat = new TreeMap<>();
    Map<String, Integer> column = new LinkedHashMap<>();
    for (UnitResult u : units) {
      byRepeat
          .computeIfAbsent(u.repeat(), r -> new LinkedHashMap<>())
          .put(u.hash(), value.applyAsDouble(u));
      column.putIfAbsent(u.hash(), column.size());
    }
    List<Integer> repeats = new ArrayList<>(byRepeat.keySet());
    double[][] matrix = new double[repeats.size()][column.size()];
    for (int r = 0; r < repeats.size(); r++) {
      Arrays.fill(matrix[r], Double.NaN);
      for (Map.Entry<String, Double> e : byRepeat.get(repeats.get(r)).entrySet()) {
        matrix[r][column.get(e.getKey())] = e.getValue();
      }
    }
    Map<String, Double> pairs = new LinkedHashMap<>();
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Pair p : repeatPairs(matrix)) {
      String key = repeats.get(p.a()) + "-" + repeats.get(p.b());
      pairs.put(key, p.tau());
      counts.put(key, p.items());
    }
    return new NoiseCeiling(metric, pairs, counts, kendallTau(matrix));
  }
}
