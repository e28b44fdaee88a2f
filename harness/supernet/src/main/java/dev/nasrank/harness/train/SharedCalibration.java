package dev.nasrank.harness.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.nasrank.harness.setting.CalibrationMode;
import dev.nasrank.harness.space.Architecture;
import dev.nasrank.harness.supernet.RunningBatchNorm;
import dev.nasrank.harness.supernet.SharedPrefix;
import dev.nasrank.harness.supernet.Supernet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * BN post-calibration of many choices in one pass over the calibration batches, bit-identical to
 * calibrating each choice alone with {@link BnCalibrator#calibrate} (the same update weights, the
 * same forward passes, the same order of updates per batch norm).
 *
 * <p>The batch norms of the shared prefix ({@link Supernet#prefixBatchNorms}: for S4 the stem's and
 * the first cell's candidate ops') see the same batches for every choice and are reset to the same
 * values, so their calibrated statistics do not depend on the choice: they are updated once per
 * batch, by the {@link SharedPrefix} that every choice then borrows. Every other batch norm on a
 * choice's path is loaded with that choice's statistics so far before the choice's pass and saved
 * after it.
 */
public final class SharedCalibration {

  private SharedCalibration() {}

  /**
   * Calibrates every choice.
   *
   * @param choices the choices
   * @param order the order in which to run them on each batch: a permutation of their indices in
   *     which the choices of one {@link Supernet#prefixGroup} are adjacent
   * @param inputs image batches {@code (N, 3, 32, 32)}: for {@link CalibrationMode#EXACT} the same
   *     K batches {@link BnCalibrator#calibrate} would get, for {@link CalibrationMode#REFERENCE}
   *     the evaluation batches
   * @param step called after each choice's pass on each batch (progress)
   * @return the calibrated statistics; the supernet's running statistics are left as calibrated for
   *     the last choice run, so callers snapshot the trained ones before and restore them after
   */
  public static <A extends Architecture> CalibratedChoices calibrate(
      Supernet<A> net,
      List<A> choices,
      int[] order,
      Iterable<NDArray> inputs,
      CalibrationMode mode,
      ParameterStore ps,
      Runnable step) {
    List<RunningBatchNorm> shared = new ArrayList<>();
    Set<RunningBatchNorm> sharedSet = Collections.newSetFromMap(new IdentityHashMap<>());
    for (A c : choices) {
      for (RunningBatchNorm bn : net.prefixBatchNorms(c)) {
        if (sharedSet.add(bn)) {
          shared.add(bn);
        }
      }
    }
    List<List<RunningBatchNorm>> own = new ArrayList<>(choices.size());
    List<List<float[][]>> initial = new ArrayList<>(choices.size());
    for (A c : choices) {
      List<RunningBatchNorm> mine = new ArrayList<>();
      for (RunningBatchNorm bn : BnCalibrator.distinct(net.pathBatchNorms(c))) {
        if (!sharedSet.contains(bn)) {
          mine.add(bn);
        }
      }
      own.add(mine);
      initial.add(
          mode == CalibrationMode.EXACT
              ? CalibratedChoices.resetStats(mine)
              : BnCalibrator.snapshot(mine));
    }
    CalibratedChoices out = new CalibratedChoices(shared, own, initial);
    if (mode == CalibrationMode.EXACT) {
      shared.forEach(RunningBatchNorm::resetRunningStats);
    }
    int b = 0;
    try {
      for (NDArray x : inputs) {
        b++;
        double w = mode == CalibrationMode.EXACT ? 1.0 / b : RunningBatchNorm.DEFAULT_UPDATE_WEIGHT;
        setWeight(shared, w);
        try (SharedPrefix prefix = net.prefix(ps, x, true)) {
          for (int i : order) {
            out.load(i);
            setWeight(own.get(i), w);
            try (NDManager scope = x.getManager().newSubManager()) {
              net.logits(ps, prefix, choices.get(i), scope);
            }
            out.save(i);
            step.run();
          }
        }
      }
    } finally {
      setWeight(shared, RunningBatchNorm.DEFAULT_UPDATE_WEIGHT);
      for (List<RunningBatchNorm> mine : own) {
        setWeight(mine, RunningBatchNorm.DEFAULT_UPDATE_WEIGHT);
      }
    }
    out.finish(b);
    return out;
  }

  private static void setWeight(List<RunningBatchNorm> norms, double w) {
    for (RunningBatchNorm bn : norms) {
      bn.setUpdateWeight(w);
    }
  }
}
