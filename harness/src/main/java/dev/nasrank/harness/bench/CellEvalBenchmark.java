package dev.nasrank.harness.bench;

import dev.nasrank.datasets.DataRoot;
import dev.nasrank.harness.eval.EvalOptions;
import dev.nasrank.harness.eval.EvalPath;
import dev.nasrank.harness.eval.EvaluateConfig;
import dev.nasrank.harness.eval.EvaluateResult;
import dev.nasrank.harness.eval.OneShotRun;
import dev.nasrank.harness.setting.BnStrategy;
import dev.nasrank.harness.setting.CalibrationMode;
import dev.nasrank.harness.space.Nb101Cell;
import dev.nasrank.harness.suite.SuiteProfile;
import dev.nasrank.harness.supernet.CellSupernetConfig;
import dev.nasrank.harness.train.Checkpoint;
import dev.nasrank.harness.train.DeviceOption;
import dev.nasrank.harness.train.SupernetData;
import dev.nasrank.harness.train.SupernetTrainer;
import dev.nasrank.harness.train.TrainConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one-shot evaluation of many cells of a NAS-Bench-101 cell space, measured phase by phase
 * (issue 22's target: 1,000 cells, both modes, in at most 10 minutes of one core at the mini
 * profile): a cell supernet of the profile's shape is trained for a few steps (its weights do not
 * change the evaluation's cost) or read from a checkpoint, then a seeded sample of cells is
 * evaluated with the profile's budget, uncalibrated and after exact BN post-calibration, through
 * the suite's evaluator ({@link OneShotRun}, {@link EvalPath#SHARED}).
 */
public final class CellEvalBenchmark {

  /**
   * What to run.
   *
   * @param profile shape, split and evaluation budget
   * @param space the cell space's id
   * @param strategy BN strategy
   * @param cells number of cells, a seeded uniform sample of the space
   * @param seed seed of training and of the sample
   * @param trainSteps training steps before the evaluation (ignored with a checkpoint)
   * @param checkpoint a trained cell supernet to evaluate, or null to train one
   * @param path evaluation order
   * @param dataRoot data root
   * @param outDir folder for the checkpoint and candidates.csv
   */
  public record Config(
      SuiteProfile profile,
      String space,
      BnStrategy strategy,
      int cells,
      long seed,
      int trainSteps,
      Path checkpoint,
      EvalPath path,
      DataRoot dataRoot,
      Path outDir) {}

  /**
   * What a run measured.
   *
   * @param unit the phases, in {@link UnitBenchmark}'s form
   * @param cells cells evaluated
   */
  public record Result(UnitBenchmark.Result unit, int cells) {

    /** Cells evaluated per CPU-second (process) in the phases named, summed. */
    public double cellsPerCpuSecond(String... phases) {
      double cpu = 0;
      for (String name : phases) {
        PhaseMeter.Phase p = unit.phases().get(name);
        cpu += p == null ? 0 : p.process().cpuSeconds();
      }
      return cells / cpu;
    }
  }

  private final PrintStream log;

  /**
   * @param log progress lines
   */
  public CellEvalBenchmark(PrintStream log) {
    this.log = log;
  }

  /** Runs it. */
  public Result run(Config cfg) throws IOException {
    if (!ResourceUsage.available()) {
      throw new UnsupportedOperationException("bench cells reads getrusage: Linux with glibc only");
    }
    String loadBefore = UnitBenchmark.loadAverage();
    Files.createDirectories(cfg.outDir());
    PhaseMeter meter = new PhaseMeter();
    CellSupernetConfig net =
        CellSupernetConfig.builder()
            .setSpace(cfg.space())
            .optBnStrategy(cfg.strategy())
            .optNetwork(cfg.profile().network())
            .build();
    Path checkpoint = cfg.checkpoint();
    if (checkpoint == null) {
      meter.enter(UnitBenchmark.LOAD);
      SupernetData train =
          SupernetData.load(
              cfg.profile().split(),
              cfg.dataRoot(),
              cfg.profile().batchSize(),
              cfg.seed(),
              SupernetData.Parts.TRAINING);
      meter.enter(UnitBenchmark.TRAIN);
      new SupernetTrainer(log)
          .train(
              TrainConfig.builder()
                  .setSupernet(net)
                  .optEpochs(1)
                  .optOptimizer(cfg.profile().optimizer())
                  .optSeed(cfg.seed())
                  .optDevice(DeviceOption.CPU)
                  .optMaxStepsPerEpoch(cfg.trainSteps())
                  .build(),
              train.train(),
              cfg.outDir());
      meter.stop();
      checkpoint = cfg.outDir().resolve(Checkpoint.FILE_NAME);
    }
    meter.enter("sample cells");
    List<Nb101Cell> cells = net.space().sample(cfg.cells(), cfg.seed(), c -> true);
    meter.enter(UnitBenchmark.LOAD);
    EvaluateConfig eval =
        EvaluateConfig.builder()
            .setCheckpoint(checkpoint)
            .setData(cfg.profile().split(), cfg.dataRoot())
            .setOutDir(cfg.outDir())
            .optBatchSize(cfg.profile().eval().batchSize())
            .optDevice(DeviceOption.CPU)
            .optOptions(EvalOptions.of(cfg.profile().eval(), CalibrationMode.EXACT))
            .optCandidates(cells)
            .build();
    EvaluateResult r =
        new OneShotRun(log, cfg.path())
            .evaluate(eval, phase -> meter.enter(UnitBenchmark.phaseName(phase)));
    meter.stop();
    int n = (int) r.candidates().stream().filter(c -> !c.calibrated()).count();
    Map<String, PhaseMeter.Phase> phases = meter.phases();
    return new Result(
        new UnitBenchmark.Result(
            phases, n, r.candidatesCsv(), loadBefore, UnitBenchmark.loadAverage()),
        n);
  }

  /** The phase table and the cells per CPU-second of each mode. */
  public static String format(Result r) {
    String uncal = UnitBenchmark.phaseName(dev.nasrank.harness.eval.EvalPhase.UNCALIBRATED);
    String calib = UnitBenchmark.phaseName(dev.nasrank.harness.eval.EvalPhase.CALIBRATION);
    String cal = UnitBenchmark.phaseName(dev.nasrank.harness.eval.EvalPhase.CALIBRATED);
    double both = r.cellsPerCpuSecond(uncal, calib, cal);
    return UnitBenchmark.format(r.unit())
        + String.format(
            Locale.ROOT,
            "cells per CPU-second (process): uncalibrated %.2f, calibrated (calibration + "
                + "evaluation) %.2f, both modes %.2f; 1,000 cells in both modes: %.0f CPU s%n",
            r.cellsPerCpuSecond(uncal),
            r.cellsPerCpuSecond(calib, cal),
            both,
            1000 / both);
  }
}
