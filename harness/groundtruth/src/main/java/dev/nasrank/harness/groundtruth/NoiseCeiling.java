package dev.nasrank.harness.groundtruth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.stat.correlation.KendallsCorrelation;

/**
 * The noise ceiling of a ground truth: Kendall tau-b (commons-math3 {@link KendallsCorrelation}) between the
 * final accuracies of two repeats over the architectures that have both, for every pair of repeats, and their
 * mean. No ranking method can be expected to agree with one repeat better than another repeat does.
 *
 * @param metric which accuracy was compared ({@code validation} or {@code test}, final evaluation)
 * @param pairs tau of each repeat pair, keyed {@code "a-b"}
 * @param architectures per pair, the number of architectures compared
 * @param meanTau mean of the pairwise taus (NaN if no pair has two architectures)
 */
public record NoiseCeiling(String metric, Map<String, Double> pairs, Map<String, Integer> architectures,
    double meanTau) {

  /** Computes the ceiling over the final validation accuracy. */
  public static NoiseCeiling validation(List<UnitResult> units) {
    return of("validation", units, u -> u.last().validationAccuracy());
  }

  /** Computes the ceiling over the final test accuracy. */
  public static NoiseCeiling test(List<UnitResult> units) {
    return of("test", units, u -> u.last().testAccuracy());
  }

  static NoiseCeiling of(String metric, List<UnitResult> units, ToDoubleFunction<UnitResult> value) {
    Map<Integer, Map<String, Double>> byRepeat = new java.util.TreeMap<>();
    for (UnitResult u : units) {
      byRepeat.computeIfAbsent(u.repeat(), r -> new LinkedHashMap<>()).put(u.hash(), value.applyAsDouble(u));
    }
    List<Integer> repeats = new ArrayList<>(byRepeat.keySet());
    Map<String, Double> pairs = new LinkedHashMap<>();
    Map<String, Integer> counts = new LinkedHashMap<>();
    double sum = 0;
    int n = 0;
    for (int i = 0; i < repeats.size(); i++) {
      for (int j = i + 1; j < repeats.size(); j++) {
        Map<String, Double> a = byRepeat.get(repeats.get(i));
        Map<String, Double> b = byRepeat.get(repeats.get(j));
        List<double[]> common = new ArrayList<>();
        a.forEach((hash, x) -> {
          Double y = b.get(hash);
          if (y != null) {
            common.add(new double[] {x, y});
          }
        });
        if (common.size() < 2) {
          continue;
        }
        double[] xs = common.stream().mapToDouble(p -> p[0]).toArray();
        double[] ys = common.stream().mapToDouble(p -> p[1]).toArray();
        double tau = new KendallsCorrelation().correlation(xs, ys);
        String key = repeats.get(i) + "-" + repeats.get(j);
        pairs.put(key, tau);
        counts.put(key, common.size());
        sum += tau;
        n++;
      }
    }
    return new NoiseCeiling(metric, pairs, counts, n == 0 ? Double.NaN : sum / n);
  }
}
