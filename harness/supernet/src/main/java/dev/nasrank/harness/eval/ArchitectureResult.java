package dev.nasrank.harness.eval;

import dev.nasrank.harness.setting.BnStrategy;
import dev.nasrank.harness.setting.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One-shot accuracy of one unique NAS-Bench-101 architecture: the mean over its isomorphic S4
 * choices.
 *
 * @param method supernet method
 * @param bnStrategy BN strategy
 * @param calibrated whether BN post-calibration ran
 * @param seed the supernet's training seed
 * @param moduleHash NAS-Bench-101 hash
 * @param nChoices number of evaluated choices with this hash
 * @param meanOneShotAccuracy mean of their accuracies, a fraction in [0, 1]
 */
public record ArchitectureResult(
    Method method,
    BnStrategy bnStrategy,
    boolean calibrated,
    long seed,
    String moduleHash,
    int nChoices,
    double meanOneShotAccuracy) {

  /**
   * Groups candidates by (method, strategy, calibrated, seed, hash), in order of first appearance.
   */
  public static List<ArchitectureResult> aggregate(List<CandidateResult> candidates) {
    record Key(Method m, BnStrategy b, boolean c, long s, String h) {}
    Map<Key, double[]> sums = new LinkedHashMap<>();
    for (CandidateResult r : candidates) {
      double[] acc =
          sums.computeIfAbsent(
              new Key(r.method(), r.bnStrategy(), r.calibrated(), r.seed(), r.moduleHash()),
              k -> new double[2]);
      acc[0] += r.oneShotAccuracy();
      acc[1] += 1;
    }
    List<ArchitectureResult> out = new ArrayList<>(sums.size());
    for (Map.Entry<Key, double[]> e : sums.entrySet()) {
      Key k = e.getKey();
      out.add(
          new ArchitectureResult(
              k.m(),
              k.b(),
              k.c(),
              k.s(),
              k.h(),
              (int) e.getValue()[1],
              e.getValue()[0] / e.getValue()[1]));
    }
    return out;
  }
}
