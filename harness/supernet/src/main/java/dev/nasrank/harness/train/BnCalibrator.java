package dev.nasrank.harness.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.nasrank.harness.setting.CalibrationMode;
import dev.nasrank.harness.space.Architecture;
import dev.nasrank.harness.supernet.RunningBatchNorm;
import dev.nasrank.harness.supernet.Supernet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * BN post-calibration of one candidate: training-mode forward passes (no gradients) that recompute
 * the running statistics of the batch norms on the candidate's path. Only those batch norms change;
 * callers that evaluate many candidates snapshot and restore the trained statistics around each one
 * ({@link #snapshot}, {@link #restore}).
 */
public final class BnCalibrator {

  private BnCalibrator() {}

  /**
   * Calibrates the path of {@code choice}.
   *
   * <p>{@link CalibrationMode#EXACT}: reset (mean 0, variance 1), then at batch i (1-based) update
   * weight 1/i, so after K batches the running mean is the mean of the K batch means (and the
   * running variance the mean of the K unbiased batch variances). {@link
   * CalibrationMode#REFERENCE}: no reset, update weight 0.1.
   *
   * @param inputs image batches {@code (N, 3, 32, 32)}; each forward's arrays live in a temporary
   *     manager
   * @return number of batches used
   */
  public static <A extends Architecture> int calibrate(
      Supernet<A> net,
      A choice,
      Iterable<NDArray> inputs,
      CalibrationMode mode,
      ParameterStore ps) {
    List<RunningBatchNorm> norms = distinct(net.pathBatchNorms(choice));
    if (mode == CalibrationMode.EXACT) {
      norms.forEach(RunningBatchNorm::resetRunningStats);
    }
    int i = 0;
    try {
      for (NDArray x : inputs) {
        i++;
        double w = mode == CalibrationMode.EXACT ? 1.0 / i : RunningBatchNorm.DEFAULT_UPDATE_WEIGHT;
        for (RunningBatchNorm bn : norms) {
          bn.setUpdateWeight(w);
        }
        try (NDManager tmp = x.getManager().newSubManager()) {
          NDArray xs = x.duplicate();
          xs.attach(tmp);
          net.logits(ps, xs, choice, true);
        }
      }
    } finally {
      for (RunningBatchNorm bn : norms) {
        bn.setUpdateWeight(RunningBatchNorm.DEFAULT_UPDATE_WEIGHT);
      }
    }
    return i;
  }

  /** Copies of the running statistics of every batch norm on {@code choice}'s path. */
  public static List<float[][]> snapshot(List<RunningBatchNorm> norms) {
    List<float[][]> out = new ArrayList<>(norms.size());
    for (RunningBatchNorm bn : norms) {
      out.add(bn.snapshotRunningStats());
    }
    return out;
  }

  /** Restores statistics taken by {@link #snapshot} for the same list of batch norms. */
  public static void restore(List<RunningBatchNorm> norms, List<float[][]> stats) {
    for (int i = 0; i < norms.size(); i++) {
      norms.get(i).restoreRunningStats(stats.get(i));
    }
  }

  /** The batch norms of a path without repeats, in order. */
  public static List<RunningBatchNorm> distinct(List<RunningBatchNorm> norms) {
    Set<RunningBatchNorm> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<RunningBatchNorm> out = new ArrayList<>();
    for (RunningBatchNorm bn : norms) {
      if (seen.add(bn)) {
        out.add(bn);
      }
    }
    return out;
  }
}
