package dev.nasrank.harness.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import ai.djl.training.dataset.Batch;
import dev.nasrank.datasets.BatchSource;
import dev.nasrank.harness.setting.CalibrationMode;
import dev.nasrank.harness.space.Architecture;
import dev.nasrank.harness.supernet.RunningBatchNorm;
import dev.nasrank.harness.supernet.SharedPrefix;
import dev.nasrank.harness.supernet.Supernet;
import dev.nasrank.harness.train.BnCalibrator;
import dev.nasrank.harness.train.CalibratedChoices;
import dev.nasrank.harness.train.SharedCalibration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * {@link EvalPath#SHARED}: batch-major evaluation. Each pass (accuracy with the trained statistics,
 * BN post-calibration, accuracy with the calibrated statistics) reads its batches once and, per
 * batch, computes what every choice shares once ({@link SharedPrefix}: for S4 the stem and the
 * first cell's candidate-op outputs); every choice then runs only the rest of its forward pass.
 * Calibration is {@link SharedCalibration}. Only one batch and its prefix are held at a time; per
 * choice the evaluator keeps a counter and the calibrated statistics of its own batch norms.
 *
 * <p>The results are bit-identical to {@link PerChoiceEvaluation}'s: every choice runs the same
 * kernels on the same values, its batch norms see the same batches with the same update weights,
 * and counts are exact integers.
 */
final class SharedWorkEvaluation {

  private SharedWorkEvaluation() {}

  /**
   * Accuracies of every choice: {@code [0]} uncalibrated (or null), {@code [1]} calibrated (or
   * null).
   */
  static <A extends Architecture> double[][] run(
      Supernet<A> net,
      List<A> choices,
      BatchSource validation,
      BatchSource calibration,
      EvalOptions opts,
      NDManager manager,
      PhaseListener phases,
      Runnable step) {
    boolean exact = opts.calibrated() && opts.mode() == CalibrationMode.EXACT;
    if (exact && calibration.batchesPerEpoch() < opts.calibrationBatches()) {
      throw new IllegalArgumentException(
          "calibration needs "
              + opts.calibrationBatches()
              + " batches, the training source has "
              + calibration.batchesPerEpoch());
    }
    ParameterStore ps = new ParameterStore(manager, false);
    int[] order = groupedOrder(net, choices);
    double[] plain = null;
    double[] calibrated = null;
    if (opts.uncalibrated()) {
      phases.enter(EvalPhase.UNCALIBRATED);
      plain =
          accuracies(
              net, choices, order, validation, opts.maxEvalBatches(), null, manager, ps, step);
    }
    if (opts.calibrated()) {
      List<RunningBatchNorm> all = allBatchNorms(net, choices);
      List<float[][]> trained = BnCalibrator.snapshot(all);
      try {
        phases.enter(EvalPhase.CALIBRATION);
        Iterable<NDArray> inputs =
            exact
                ? () -> new ClosingInputs(calibration.epoch(manager, 0), opts.calibrationBatches())
                : () -> new ClosingInputs(validation.epoch(manager, 0), opts.maxEvalBatches());
        CalibratedChoices stats =
            SharedCalibration.calibrate(net, choices, order, inputs, opts.mode(), ps, step);
        if (exact && stats.batches() < opts.calibrationBatches()) {
          throw new IllegalArgumentException(
              "calibration needs "
                  + opts.calibrationBatches()
                  + " batches, the training source has "
                  + stats.batches());
        }
        phases.enter(EvalPhase.CALIBRATED);
        stats.loadShared();
        calibrated =
            accuracies(
                net, choices, order, validation, opts.maxEvalBatches(), stats, manager, ps, step);
      } finally {
        BnCalibrator.restore(all, trained);
      }
    }
    return new double[][] {plain, calibrated};
  }

  /**
   * The choices' indices with the choices of one {@link Supernet#prefixGroup} adjacent (a stable
   * sort: for MixPath the given order).
   */
  static <A extends Architecture> int[] groupedOrder(Supernet<A> net, List<A> choices) {
    return IntStream.range(0, choices.size())
        .boxed()
        .sorted(Comparator.comparingInt(i -> net.prefixGroup(choices.get(i))))
        .mapToInt(Integer::intValue)
        .toArray();
  }

  /** Every batch norm on any of the choices' paths, once. */
  private static <A extends Architecture> List<RunningBatchNorm> allBatchNorms(
      Supernet<A> net, List<A> choices) {
    List<RunningBatchNorm> all = new ArrayList<>();
    for (A c : choices) {
      all.addAll(net.pathBatchNorms(c));
    }
    return BnCalibrator.distinct(all);
  }

  /**
   * Top-1 accuracy of every choice over the validation batches of epoch 0, in eval mode.
   *
   * @param stats calibrated statistics to load per choice (their shared part already loaded), or
   *     null for the statistics in the supernet
   * @param maxBatches cap, 0 = all
   * @return fractions in [0, 1], in choice order
   */
  private static <A extends Architecture> double[] accuracies(
      Supernet<A> net,
      List<A> choices,
      int[] order,
      BatchSource validation,
      int maxBatches,
      CalibratedChoices stats,
      NDManager manager,
      ParameterStore ps,
      Runnable step) {
    long[] correct = new long[choices.size()];
    long total = 0;
    Iterator<Batch> it = validation.epoch(manager, 0);
    int n = 0;
    while (it.hasNext() && (maxBatches == 0 || n < maxBatches)) {
      try (Batch b = it.next()) {
        NDArray x = b.getData().head();
        NDArray labels = b.getLabels().head().toType(DataType.INT64, false);
        try (SharedPrefix prefix = net.prefix(ps, x, false)) {
          for (int i : order) {
            if (stats != null) {
              stats.load(i);
            }
            try (NDManager scope = b.getManager().newSubManager()) {
              NDArray logits = net.logits(ps, prefix, choices.get(i), scope);
              correct[i] +=
                  logits.argMax(1).toType(DataType.INT64, false).eq(labels).sum().getLong();
            }
            step.run();
          }
        }
        total += x.getShape().get(0);
      }
      n++;
    }
    if (total == 0) {
      throw new IllegalArgumentException("the validation source yielded no batches");
    }
    double[] out = new double[correct.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = correct[i] / (double) total;
    }
    return out;
  }
}
