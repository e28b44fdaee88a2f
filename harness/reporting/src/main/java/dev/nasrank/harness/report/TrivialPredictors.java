package dev.nasrank.harness.report;

import dev.nasrank.benchbridge.ModelSpec;
import dev.nasrank.benchbridge.NetworkCost;
import dev.nasrank.harness.candidates.Candidate;
import dev.nasrank.harness.space.Architecture;
import dev.nasrank.harness.space.SearchSpace;
import dev.nasrank.harness.space.Spaces;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The trivial predictors of a NAS-Bench-101 cell space, ranked beside the supernets: each cell's
 * trainable parameters ({@code params}), FLOPs ({@code flops}) and number of conv3x3 vertices
 * ({@code conv3x3}), of its NAS-Bench-101 network (C = 128, 3 x 3 cells, {@link NetworkCost} on the
 * stored matrix). A supernet that does not rank better than the parameter count ranks nothing.
 *
 * <p>Their rows are {@link Candidate}s of method {@value Candidate#PREDICTOR} with the predictor's
 * name in the {@code bn_strategy} column, uncalibrated, whose "one-shot accuracy" is the cost
 * divided by its largest value over the ranked cells (a positive scale, so every rank, tie and tau
 * is the cost's own). A predictor has no training seed: its ranking is listed under each training
 * seed of the run, identical, so the statistics pair it with every setting seed by seed and its
 * spread over seeds is 0.
 */
public final class TrivialPredictors {

  private TrivialPredictors() {}

  /**
   * The runs of a cell-space study with the predictors' added (a new map; S4 runs are returned
   * unchanged: its 34 architectures are a census the paper ranks without them).
   *
   * @param runs the supernets' rankings by setting and seed (cells the ground truth holds)
   * @param space the run's space id
   */
  public static Map<Candidate.RunKey, List<Candidate>> addTo(
      Map<Candidate.RunKey, List<Candidate>> runs, String space) {
    if (Spaces.isS4(space) || runs.isEmpty()) {
      return runs;
    }
    Set<Long> seeds = new TreeSet<>();
    Map<String, Candidate> cells = new TreeMap<>();
    int m = 1;
    for (Map.Entry<Candidate.RunKey, List<Candidate>> e : runs.entrySet()) {
      seeds.add(e.getKey().seed());
      for (Candidate c : e.getValue()) {
        cells.putIfAbsent(c.moduleHash(), c);
        m = Math.max(m, c.maxPaths());
      }
    }
    SearchSpace<? extends Architecture> s = Spaces.byId(space);
    List<String> hashes = new ArrayList<>(cells.keySet());
    double[][] value = new double[Candidate.PREDICTORS.size()][hashes.size()];
    for (int i = 0; i < hashes.size(); i++) {
      Architecture a = s.parse(cells.get(hashes.get(i)).choice());
      double[] v = values(a.spec());
      for (int p = 0; p < v.length; p++) {
        value[p][i] = v[p];
      }
    }
    Map<Candidate.RunKey, List<Candidate>> out = new TreeMap<>(runs);
    for (int p = 0; p < Candidate.PREDICTORS.size(); p++) {
      double max = 0;
      for (double v : value[p]) {
        max = Math.max(max, v);
      }
      for (long seed : seeds) {
        List<Candidate> rows = new ArrayList<>(hashes.size());
        for (int i = 0; i < hashes.size(); i++) {
          Candidate c = cells.get(hashes.get(i));
          rows.add(
              Candidate.builder()
                  .setMethod(Candidate.PREDICTOR)
                  .setBnStrategy(Candidate.PREDICTORS.get(p))
                  .setCalibrated(false)
                  .setSeed(seed)
                  .setArchitecture(c.choice(), c.activePaths(), c.moduleHash())
                  .setOneShotAccuracy(max > 0 ? value[p][i] / max : 0)
                  .optMaxPaths(m)
                  .optSpace(space)
                  .build());
        }
        out.put(rows.get(0).runKey(), List.copyOf(rows));
      }
    }
    return out;
  }

  /**
   * The predictors' raw values of a stored cell, in {@link Candidate#PREDICTORS} order: trainable
   * parameters (count), FLOPs (multiply-adds and the per-output terms, docs/benchbridge.md) and
   * conv3x3 vertices.
   */
  public static double[] values(ModelSpec spec) {
    NetworkCost cost = NetworkCost.of(spec);
    int conv3x3 = 0;
    for (int v = 1; v < spec.vertexCount() - 1; v++) {
      conv3x3 += spec.op(v) == dev.nasrank.benchbridge.Op.CONV3X3 ? 1 : 0;
    }
    return new double[] {cost.parameters(), cost.flops(), conv3x3};
  }
}
