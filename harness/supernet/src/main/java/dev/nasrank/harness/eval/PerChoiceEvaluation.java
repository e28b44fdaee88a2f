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
import dev.nasrank.harness.supernet.Supernet;
import dev.nasrank.harness.train.BnCalibrator;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * {@link EvalPath#PER_CHOICE}, the evaluator as it was before issue 14: choice by choice, the whole
 * forward pass on every validation batch (read again for every choice), then {@link
 * BnCalibrator#calibrate} on the K calibration batches and the whole pass again, the trained
 * statistics restored after each choice. The reference the shared path is tested against, and the
 * "before" of the benchmarks.
 */
final class PerChoiceEvaluation {

  private PerChoiceEvaluation() {}

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
    double[] plain = opts.uncalibrated() ? new double[choices.size()] : null;
    double[] calibrated = opts.calibrated() ? new double[choices.size()] : null;
    ParameterStore ps = new ParameterStore(manager, false);
    List<Batch> calibrationBatches = new ArrayList<>();
    try {
      if (exact) {
        phases.enter(EvalPhase.CALIBRATION);
        Iterator<Batch> it = calibration.epoch(manager, 0);
        while (calibrationBatches.size() < opts.calibrationBatches() && it.hasNext()) {
          calibrationBatches.add(it.next());
        }
        if (calibrationBatches.size() < opts.calibrationBatches()) {
          throw new IllegalArgumentException(
              "calibration needs "
                  + opts.calibrationBatches()
                  + " batches, the training source has "
                  + calibrationBatches.size());
        }
      }
      List<NDArray> calibrationInputs =
          calibrationBatches.stream().map(b -> b.getData().head()).toList();
      for (int c = 0; c < choices.size(); c++) {
        A choice = choices.get(c);
        if (plain != null) {
          phases.enter(EvalPhase.UNCALIBRATED);
          plain[c] = accuracy(net, choice, validation, opts.maxEvalBatches(), manager, ps);
        }
        if (calibrated != null) {
          phases.enter(EvalPhase.CALIBRATION);
          List<RunningBatchNorm> norms = BnCalibrator.distinct(net.pathBatchNorms(choice));
          List<float[][]> trained = BnCalibrator.snapshot(norms);
          try {
            Iterable<NDArray> inputs =
                exact
                    ? calibrationInputs
                    : () -> new ClosingInputs(validation.epoch(manager, 0), opts.maxEvalBatches());
            BnCalibrator.calibrate(net, choice, inputs, opts.mode(), ps);
            phases.enter(EvalPhase.CALIBRATED);
            calibrated[c] = accuracy(net, choice, validation, opts.maxEvalBatches(), manager, ps);
          } finally {
            BnCalibrator.restore(norms, trained);
          }
        }
        step.run();
      }
    } finally {
      calibrationBatches.forEach(Batch::close);
    }
    return new double[][] {plain, calibrated};
  }

  /**
   * Top-1 accuracy of {@code choice} over the validation batches of epoch 0, in eval mode.
   *
   * @param maxBatches cap, 0 = all
   * @return a fraction in [0, 1]
   */
  static <A extends Architecture> double accuracy(
      Supernet<A> net,
      A choice,
      BatchSource validation,
      int maxBatches,
      NDManager manager,
      ParameterStore ps) {
    long correct = 0;
    long total = 0;
    Iterator<Batch> it = validation.epoch(manager, 0);
    int n = 0;
    while (it.hasNext() && (maxBatches == 0 || n < maxBatches)) {
      try (Batch b = it.next()) {
        NDArray x = b.getData().head();
        NDArray logits = net.logits(ps, x, choice, false);
        correct +=
            logits
                .argMax(1)
                .toType(DataType.INT64, false)
                .eq(b.getLabels().head().toType(DataType.INT64, false))
                .sum()
                .getLong();
        total += x.getShape().get(0);
      }
      n++;
    }
    if (total == 0) {
      throw new IllegalArgumentException("the validation source yielded no batches");
    }
    return correct / (double) total;
  }
}
