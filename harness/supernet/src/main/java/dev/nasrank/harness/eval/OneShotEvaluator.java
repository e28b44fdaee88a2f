package dev.nasrank.harness.eval;

import ai.djl.ndarray.NDManager;
import dev.nasrank.datasets.BatchSource;
import dev.nasrank.harness.setting.CalibrationMode;
import dev.nasrank.harness.space.Architecture;
import dev.nasrank.harness.supernet.Supernet;
import dev.nasrank.harness.train.BnCalibrator;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * Evaluates the candidates of a supernet's space with inherited supernet weights: top-1 accuracy on
 * the validation batches in eval mode, with the trained BN statistics and/or after BN
 * post-calibration ({@link BnCalibrator}). Candidates do not influence each other: each is
 * calibrated from the same state, and the trained statistics are in place again when evaluation
 * returns.
 *
 * <p>By default the work is done batch by batch with what every choice shares computed once ({@link
 * EvalPath#SHARED}); {@link EvalPath#PER_CHOICE} is the choice-by-choice reference. Both give
 * identical results.
 */
public final class OneShotEvaluator {

  private final PrintStream log;
  private final EvalPath path;

  /**
   * @param log where the summary line goes
   */
  public OneShotEvaluator(PrintStream log) {
    this(log, EvalPath.SHARED);
  }

  /**
   * @param log where the summary line goes
   * @param path how to order the work
   */
  public OneShotEvaluator(PrintStream log, EvalPath path) {
    this.log = log;
    this.path = path;
  }

  /**
   * Evaluates every choice.
   *
   * @param net trained supernet (its parameters on {@code manager}'s device)
   * @param seed the supernet's training seed (recorded in the results)
   * @param choices candidates to evaluate
   * @param validation evaluation batches (epoch 0 is used; it should not augment)
   * @param calibration training batches for {@link CalibrationMode#EXACT} (the first K of epoch 0);
   *     may be null when no exact calibration runs
   * @param opts what to run
   * @param manager parent manager for batches
   * @return uncalibrated results in choice order, then calibrated ones
   */
  public <A extends Architecture> List<CandidateResult> evaluate(
      Supernet<A> net,
      long seed,
      List<A> choices,
      BatchSource validation,
      BatchSource calibration,
      EvalOptions opts,
      NDManager manager) {
    return evaluate(net, seed, choices, validation, calibration, opts, manager, PhaseListener.NONE);
  }

  /**
   * As {@link #evaluate(Supernet, long, List, BatchSource, BatchSource, EvalOptions, NDManager)},
   * telling {@code phases} when each part of the work starts (benchmarks).
   */
  public <A extends Architecture> List<CandidateResult> evaluate(
      Supernet<A> net,
      long seed,
      List<A> choices,
      BatchSource validation,
      BatchSource calibration,
      EvalOptions opts,
      NDManager manager,
      PhaseListener phases) {
    boolean exact = opts.calibrated() && opts.mode() == CalibrationMode.EXACT;
    if (exact && calibration == null) {
      throw new IllegalArgumentException("exact BN calibration needs a training batch source");
    }
    double[][] acc;
    try (ProgressBar bar =
        opts.progress()
            ? new ProgressBarBuilder()
                .setTaskName("one-shot eval")
                .setInitialMax(progressSteps(choices.size(), validation, opts))
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .build()
            : null) {
      Runnable step = bar == null ? () -> {} : bar::step;
      acc =
          path == EvalPath.SHARED
              ? SharedWorkEvaluation.run(
                  net, choices, validation, calibration, opts, manager, phases, step)
              : PerChoiceEvaluation.run(
                  net, choices, validation, calibration, opts, manager, phases, step);
    }
    var cfg = net.config();
    List<CandidateResult> out = new ArrayList<>();
    for (int k = 0; k < 2; k++) {
      if (acc[k] == null) {
        continue;
      }
      for (int i = 0; i < choices.size(); i++) {
        A choice = choices.get(i);
        out.add(
            new CandidateResult(
                cfg.space().id(), cfg.method(), cfg.bnStrategy(), k == 1, seed, choice, acc[k][i]));
      }
    }
    log.printf(
        "evaluated %d choices (%s%s)%n",
        choices.size(),
        opts.uncalibrated() ? "uncalibrated " : "",
        opts.calibrated() ? "calibrated " + opts.mode().cliName() : "");
    return out;
  }

  /**
   * Progress-bar steps: one per choice, or for the shared path one per choice and batch of each
   * pass.
   */
  private long progressSteps(int choices, BatchSource validation, EvalOptions opts) {
    if (path == EvalPath.PER_CHOICE) {
      return choices;
    }
    int perEpoch = validation.batchesPerEpoch();
    long evalBatches =
        opts.maxEvalBatches() == 0 ? perEpoch : Math.min(opts.maxEvalBatches(), perEpoch);
    long passes = 0;
    if (opts.uncalibrated()) {
      passes += evalBatches;
    }
    if (opts.calibrated()) {
      passes +=
          evalBatches
              + (opts.mode() == CalibrationMode.EXACT ? opts.calibrationBatches() : evalBatches);
    }
    return choices * passes;
  }
}
