package dev.nasrank.harness.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import ai.djl.training.dataset.Batch;
import dev.nasrank.datasets.BatchSource;
import dev.nasrank.harness.space.S4Choice;
import dev.nasrank.harness.space.S4Space;
import dev.nasrank.harness.supernet.ChoiceParams;
import dev.nasrank.harness.supernet.RunningBatchNorm;
import dev.nasrank.harness.supernet.Supernet;
import dev.nasrank.harness.train.BnCalibrator;
import dev.nasrank.harness.train.CalibrationMode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * Evaluates S4 choices with inherited supernet weights: top-1 accuracy on the validation batches in eval mode,
 * with the trained BN statistics and/or after BN post-calibration ({@link BnCalibrator}). The trained statistics
 * are restored after every calibrated candidate, so candidates do not influence each other.
 */
public final class OneShotEvaluator {

  private final PrintStream log;

  /** @param log where the summary line goes */
  public OneShotEvaluator(PrintStream log) {
    this.log = log;
  }

  /**
   * Evaluates every choice.
   *
   * @param net trained supernet (its parameters on {@code manager}'s device)
   * @param seed the supernet's training seed (recorded in the results)
   * @param choices candidates to evaluate
   * @param validation evaluation batches (epoch 0 is used; it should not augment)
   * @param calibration training batches for {@link CalibrationMode#EXACT} (the first K of epoch 0); may be null
   *     when no exact calibration runs
   * @param opts what to run
   * @param manager parent manager for batches
   * @return uncalibrated results in choice order, then calibrated ones
   */
  public List<CandidateResult> evaluate(Supernet net, long seed, List<S4Choice> choices, BatchSource validation,
      BatchSource calibration, EvalOptions opts, NDManager manager) {
    boolean exact = opts.calibrated() && opts.mode() == CalibrationMode.EXACT;
    if (exact && calibration == null) {
      throw new IllegalArgumentException("exact BN calibration needs a training batch source");
    }
    List<CandidateResult> plain = new ArrayList<>();
    List<CandidateResult> calibrated = new ArrayList<>();
    ParameterStore ps = new ParameterStore(manager, false);
    List<Batch> calibrationBatches = new ArrayList<>();
    try (ProgressBar bar = opts.progress() ? new ProgressBarBuilder().setTaskName("one-shot eval")
        .setInitialMax(choices.size()).setConsumer(new ConsoleProgressBarConsumer(System.err)).build() : null) {
      if (exact) {
        Iterator<Batch> it = calibration.epoch(manager, 0);
        while (calibrationBatches.size() < opts.calibrationBatches() && it.hasNext()) {
          calibrationBatches.add(it.next());
        }
        if (calibrationBatches.size() < opts.calibrationBatches()) {
          throw new IllegalArgumentException("calibration needs " + opts.calibrationBatches()
              + " batches, the training source has " + calibrationBatches.size());
        }
      }
      List<NDArray> calibrationInputs = calibrationBatches.stream().map(b -> b.getData().head()).toList();
      for (S4Choice choice : choices) {
        String hash = S4Space.toSpec(choice).hash();
        var cfg = net.config();
        if (opts.uncalibrated()) {
          plain.add(new CandidateResult(cfg.method(), cfg.bnStrategy(), false, seed, choice, choice.activePaths(),
              hash, accuracy(net, choice, validation, opts.maxEvalBatches(), manager, ps)));
        }
        if (opts.calibrated()) {
          List<RunningBatchNorm> norms = BnCalibrator.distinct(net.pathBatchNorms(choice));
          List<float[][]> trained = BnCalibrator.snapshot(norms);
          try {
            Iterable<NDArray> inputs = exact ? calibrationInputs
                : () -> new ClosingInputs(validation.epoch(manager, 0), opts.maxEvalBatches());
            BnCalibrator.calibrate(net, choice, inputs, opts.mode(), ps);
            calibrated.add(new CandidateResult(cfg.method(), cfg.bnStrategy(), true, seed, choice,
                choice.activePaths(), hash, accuracy(net, choice, validation, opts.maxEvalBatches(), manager, ps)));
          } finally {
            BnCalibrator.restore(norms, trained);
          }
        }
        if (bar != null) {
          bar.step();
        }
      }
    } finally {
      calibrationBatches.forEach(Batch::close);
    }
    List<CandidateResult> out = new ArrayList<>(plain);
    out.addAll(calibrated);
    log.printf("evaluated %d choices (%s%s)%n", choices.size(), opts.uncalibrated() ? "uncalibrated " : "",
        opts.calibrated() ? "calibrated " + opts.mode().cliName() : "");
    return out;
  }

  /**
   * Top-1 accuracy of {@code choice} over the validation batches of epoch 0, in eval mode.
   *
   * @param maxBatches cap, 0 = all
   * @return a fraction in [0, 1]
   */
  public static double accuracy(Supernet net, S4Choice choice, BatchSource validation, int maxBatches,
      NDManager manager, ParameterStore ps) {
    long correct = 0;
    long total = 0;
    Iterator<Batch> it = validation.epoch(manager, 0);
    int n = 0;
    while (it.hasNext() && (maxBatches == 0 || n < maxBatches)) {
      try (Batch b = it.next()) {
        NDArray x = b.getData().head();
        NDArray logits = net.forward(ps, new NDList(x), false, ChoiceParams.of(choice)).singletonOrThrow();
        correct += logits.argMax(1).toType(DataType.INT64, false)
            .eq(b.getLabels().head().toType(DataType.INT64, false)).sum().getLong();
        total += x.getShape().get(0);
      }
      n++;
    }
    if (total == 0) {
      throw new IllegalArgumentException("the validation source yielded no batches");
    }
    return correct / (double) total;
  }

  /** Image batches of an iterator, each batch closed when the next is requested or the iteration ends. */
  private static final class ClosingInputs implements Iterator<NDArray> {
    private final Iterator<Batch> batches;
    private final int max;
    private Batch current;
    private int taken;

    ClosingInputs(Iterator<Batch> batches, int max) {
      this.batches = batches;
      this.max = max;
    }

    @Override
    public boolean hasNext() {
      closeCurrent();
      boolean more = batches.hasNext() && (max == 0 || taken < max);
      return more;
    }

    @Override
    public NDArray next() {
      closeCurrent();
      if (!batches.hasNext() || (max != 0 && taken >= max)) {
        throw new NoSuchElementException();
      }
      current = batches.next();
      taken++;
      return current.getData().head();
    }

    private void closeCurrent() {
      if (current != null) {
        current.close();
        current = null;
      }
    }
  }
}
