package dev.nasrank.harness.bench;

import dev.nasrank.harness.eval.EvalPhase;
import dev.nasrank.harness.eval.EvaluateConfig;
import dev.nasrank.harness.eval.EvaluateResult;
import dev.nasrank.harness.eval.OneShotRun;
import dev.nasrank.harness.setting.Study;
import dev.nasrank.harness.suite.SuiteRunner;
import dev.nasrank.harness.suite.UnitRunner;
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
 * One suite unit measured phase by phase: training (as the suite trains it), then the suite's
 * evaluation split into accuracy with the trained BN statistics, BN post-calibration and accuracy
 * after calibration. Each phase gets the kernel's accounting ({@link ResourceUsage}) of the process
 * and of the calling thread, which with one torch thread runs every kernel. CPU seconds, the
 * kernel's share and page faults are what a loaded machine distorts least; wall time is printed
 * too.
 */
public final class UnitBenchmark {

  /** Phase name of training. */
  public static final String TRAIN = "train";

  /** Phase name of loading the data and the checkpoint. */
  public static final String LOAD = "load data + checkpoint";

  /**
   * What a run measured.
   *
   * @param phases per phase, in order
   * @param choices choices evaluated
   * @param candidatesCsv the evaluation's {@code candidates.csv}
   * @param loadBefore {@code /proc/loadavg} at the start
   * @param loadAfter {@code /proc/loadavg} at the end
   */
  public record Result(
      Map<String, PhaseMeter.Phase> phases,
      int choices,
      Path candidatesCsv,
      String loadBefore,
      String loadAfter) {}

  private final PrintStream log;

  /**
   * @param log progress lines (the trainer's epoch lines)
   */
  public UnitBenchmark(PrintStream log) {
    this.log = log;
  }

  /** Phase name of an evaluation phase. */
  public static String phaseName(EvalPhase p) {
    return switch (p) {
      case UNCALIBRATED -> "evaluate, trained BN";
      case CALIBRATION -> "calibrate";
      case CALIBRATED -> "evaluate, calibrated BN";
    };
  }

  /** Runs it. */
  public Result run(UnitBenchConfig cfg) throws IOException {
    if (!ResourceUsage.available()) {
      throw new UnsupportedOperationException("bench unit reads getrusage: Linux with glibc only");
    }
    String loadBefore = loadAverage();
    Files.createDirectories(cfg.outDir());
    PhaseMeter meter = new PhaseMeter();
    Path checkpoint = cfg.checkpoint();
    if (checkpoint == null) {
      SuiteRunner.Settings s = settings(cfg);
      TrainConfig.Builder tc = UnitRunner.trainConfig(s, cfg.unit()).toBuilder().optResume(false);
      if (cfg.epochs() > 0) {
        tc.optEpochs(cfg.epochs());
      }
      meter.enter(LOAD);
      SupernetData train = UnitRunner.trainingData(s, cfg.unit());
      meter.enter(TRAIN);
      new SupernetTrainer(log, UnitRunner.progress(s))
          .train(tc.build(), train.train(), cfg.outDir());
      meter.stop();
      checkpoint = cfg.outDir().resolve(Checkpoint.FILE_NAME);
    }
    // the unit's own evaluation (UnitRunner.evaluateConfig), with the benchmark's cap and path
    meter.enter(LOAD);
    EvaluateConfig.Builder eval =
        UnitRunner.evaluateConfig(settings(cfg), cfg.unit(), checkpoint, cfg.outDir()).toBuilder();
    if (cfg.maxChoices() > 0) {
      eval.optMaxChoices(cfg.maxChoices());
    }
    EvaluateResult r =
        new OneShotRun(log, cfg.path())
            .evaluate(eval.build(), phase -> meter.enter(phaseName(phase)));
    meter.stop();
    int choices = (int) r.candidates().stream().filter(c -> !c.calibrated()).count();
    return new Result(meter.phases(), choices, r.candidatesCsv(), loadBefore, loadAverage());
  }

  /** The suite settings of a benchmarked unit: its profile, m and seed, on the CPU. */
  private static SuiteRunner.Settings settings(UnitBenchConfig cfg) {
    return SuiteRunner.Settings.builder()
        .setProfile(cfg.profile())
        .setStudy(new Study(List.of(cfg.unit().setting())))
        .setSeeds(List.of(cfg.unit().seed()))
        .setOut(cfg.outDir())
        .optDataRoot(cfg.dataRoot())
        .optDevice(DeviceOption.CPU)
        .optProgress(cfg.progress())
        .build();
  }

  /** The result as a table: one row per phase, then the evaluation's and the unit's totals. */
  public static String format(Result r) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "%-24s %8s %8s %7s %9s %7s %11s %9s %9s %8s%n",
            "phase",
            "wall s",
            "CPU s",
            "kernel",
            "thread s",
            "kernel",
            "minor flt",
            "flt/ch",
            "ms/ch",
            "preempt"));
    ResourceUsage evalP = ResourceUsage.zero();
    ResourceUsage evalT = ResourceUsage.zero();
    ResourceUsage allP = ResourceUsage.zero();
    ResourceUsage allT = ResourceUsage.zero();
    for (PhaseMeter.Phase ph : r.phases().values()) {
      boolean eval = !ph.name().equals(TRAIN) && !ph.name().equals(LOAD);
      row(sb, ph.name(), ph.process(), ph.thread(), eval ? r.choices() : 0);
      if (eval) {
        evalP = evalP.plus(ph.process());
        evalT = evalT.plus(ph.thread());
      }
      allP = allP.plus(ph.process());
      allT = allT.plus(ph.thread());
    }
    row(sb, "evaluate, all", evalP, evalT, r.choices());
    row(sb, "unit (all phases)", allP, allT, 0);
    sb.append(
        String.format(
            Locale.ROOT,
            "(%d choices; CPU and minor faults: whole process, getrusage; thread: the "
                + "calling thread, which runs the torch kernels with one torch thread; flt/ch and ms/ch: process faults and "
                + "thread CPU ms per choice; preempt: involuntary context switches of the thread)%n",
            r.choices()));
    sb.append("load average before: ")
        .append(r.loadBefore())
        .append("; after: ")
        .append(r.loadAfter())
        .append(System.lineSeparator());
    return sb.toString();
  }

  private static void row(
      StringBuilder sb, String name, ResourceUsage p, ResourceUsage t, int choices) {
    sb.append(
        String.format(
            Locale.ROOT,
            "%-24s %8.1f %8.1f %6.1f%% %9.1f %6.1f%% %11d %9s %9s %8d%n",
            name,
            p.wallSeconds(),
            p.cpuSeconds(),
            100 * p.kernelShare(),
            t.cpuSeconds(),
            100 * t.kernelShare(),
            p.minorFaults(),
            choices > 0
                ? String.format(Locale.ROOT, "%.0f", p.minorFaults() / (double) choices)
                : "",
            choices > 0 ? String.format(Locale.ROOT, "%.1f", 1000 * t.cpuSeconds() / choices) : "",
            t.involuntarySwitches()));
  }

  /** The first three fields of {@code /proc/loadavg}, or "n/a". */
  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | RuntimeException e) {
      return "n/a";
    }
  }
}
