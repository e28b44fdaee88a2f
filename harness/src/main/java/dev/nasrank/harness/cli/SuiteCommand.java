package dev.nasrank.harness.cli;

import dev.nasrank.harness.exec.JvmLauncher;
import dev.nasrank.harness.report.RankingRow;
import dev.nasrank.harness.suite.GroundTruthChoice;
import dev.nasrank.harness.suite.SuiteRunner;
import dev.nasrank.harness.suite.UnitState;
import dev.nasrank.harness.suite.WorkerPool;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code harness suite}: trains and evaluates every supernet of the study and writes the ranking
 * report; its subcommands split that into steps any executor can drive (plan, unit, merge, status,
 * slurm).
 */
@Command(
    name = "suite",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the whole study, the MixPath paper's (setting.Study.mixpath: at the largest m MixPath under "
          + "none, vanilla, linear_sbn, exponential_sbn and simple_scaling, and SPOS with vanilla sum BN; "
          + "MixPath with linear_sbn at each smaller m), each evaluated on every S4 choice without and with BN "
          + "post-calibration; ranks them against the ground truth (Kendall tau-b, Spearman, bootstrap interval, "
          + "noise ceiling).",
      "Writes OUT/candidates.csv, ranking.csv, variants.csv, summary.csv, diagnostics.json, run.json, report.md, "
          + "report.html and OUT/units/<unit>/ (checkpoint, evaluation). Rerunning the same command resumes: "
          + "finished units are skipped, an interrupted one continues from its last epoch.",
      "The plain command is 'suite plan' + 'suite unit' for every unit + 'suite merge'; the subcommands run those "
          + "steps separately (e.g. as a Slurm array: 'suite slurm'). --workers N runs N units at once, each in "
          + "its own JVM.",
      "Exit 0 when the report is written (or, with --no-groundtruth, candidates.csv); 1 when there is no ground "
          + "truth (nothing is trained), a unit failed, or on failure; 2 for usage errors. Profiles and timings: docs/suite.md; clusters: "
          + "docs/scaling.md."
    },
    subcommands = {
      SuitePlanCommand.class,
      SuiteUnitCommand.class,
      SuiteMergeCommand.class,
      SuiteStatusCommand.class,
      SuiteSlurmCommand.class
    })
public final class SuiteCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin SuiteRunOptions run;

  @Mixin SuitePlanOptions plan;

  @Option(
      names = "--workers",
      paramLabel = "N",
      defaultValue = "1",
      description = {
        "Units run at once. 1 (default) runs them one after another in this JVM; N > 1 starts N "
            + "worker JVMs at a time ('suite unit', same java and classpath, logs in OUT/logs/), each with "
            + "--worker-threads torch threads, passive OpenMP waiting and GLIBC_TUNABLES (your own "
            + "OMP_WAIT_POLICY / GLIBC_TUNABLES are kept). Default: ${DEFAULT-VALUE}."
      })
  int workers;

  @Option(
      names = "--worker-threads",
      paramLabel = "T",
      defaultValue = "1",
      description =
          "Torch threads, processors (-XX:ActiveProcessorCount) and OMP_NUM_THREADS of each worker JVM "
              + "(with --workers > 1). One thread is deterministic. Default: ${DEFAULT-VALUE}.")
  int workerThreads;

  @Option(
      names = "--worker-jvm-option",
      paramLabel = "OPT",
      description =
          "Extra option for each worker JVM, after the defaults (repeatable), e.g. -Xmx2g or "
              + "-Dai.djl.pytorch.num_threads=2.")
  List<String> workerJvmOptions = new ArrayList<>();

  @Override
  public Integer call() throws IOException {
    PrintStream o = WriterOutputStream.printStream(spec.commandLine().getOut());
    PrintStream e = WriterOutputStream.printStream(spec.commandLine().getErr());
    SuiteRunner.Settings settings =
        plan.settings(
            spec.commandLine(),
            run.out(spec.commandLine()),
            run.dataRoot(),
            run.device,
            run.progress.enabled());
    if (workers < 1 || workerThreads < 1) {
      throw new ParameterException(
          spec.commandLine(), "--workers and --worker-threads must be >= 1");
    }
    GroundTruthChoice gt = plan.groundTruth(spec.commandLine(), o);
    if (gt == null) {
      return Main.FAILURE;
    }
    WorkerPool pool =
        workers == 1
            ? null
            : new WorkerPool(workers, JvmLauncher.forWorkers(workerThreads, workerJvmOptions), e);
    SuiteRunner.Outcome r = new SuiteRunner(o, e).run(settings, gt, pool);
    o.printf(
        "%d units: %d run now, %d finished earlier -> %s%n",
        r.units().size(), r.trainedOrEvaluated(), r.skipped(), settings.out());
    if (!r.notDone().isEmpty()) {
      printNotDone(o, r.notDone(), settings.out().toString());
      return Main.FAILURE;
    }
    return printRanking(o, r.groundTruth(), r.report(), settings.out());
  }

  /** Lists the units not done and how to continue. */
  static void printNotDone(PrintStream o, List<UnitState> notDone, String out) {
    o.printf("not merged: %d unit(s) not done:%n", notDone.size());
    for (UnitState u : notDone) {
      o.println("  " + u.line());
    }
    o.println(
        "nothing was written to the run folder's combined files. Run the missing or failed units "
            + "('harness suite unit --out "
            + out
            + " --index I', or the plain 'suite' command again), then 'harness "
            + "suite merge --out "
            + out
            + "'.");
  }

  /** Prints the coverage and ranking table (or why there is none); the exit code. */
  static int printRanking(
      PrintStream o,
      GroundTruthChoice gt,
      dev.nasrank.harness.report.ReportResult report,
      java.nio.file.Path out) {
    if (gt.declined()) {
      o.println(
          "not ranked (--no-groundtruth): candidates.csv, diagnostics.json and run.json are written;"
              + " rank them with 'harness report --run "
              + out
              + " --groundtruth FILE'.");
      return Main.OK;
    }
    o.println(gt.coverageLine());
    if (report == null) {
      o.println("no ranking: " + gt.problem());
      o.println(
          "candidates.csv, diagnostics.json and run.json are written. To rank: "
              + SuitePlanOptions.HOW_TO_GET_GROUND_TRUTH
              + " Then rerun the same command: finished units are reused (a "
              + "folder without a ranking accepts a new ground truth).");
      return Main.FAILURE;
    }
    int n = report.ranking().isEmpty() ? 0 : report.ranking().get(0).n();
    if (dev.nasrank.harness.space.Spaces.isS4(gt.space())) {
      o.printf(
          "ranked n = %d unique architectures per setting (mean over repeats of the final validation "
              + "accuracy)%n",
          n);
    } else {
      o.printf(
          "ranked n = %d cells of %s per setting and the trivial predictors (ground truth: %s)%n",
          n, gt.space(), gt.groundTruth().description());
    }
    o.println(
        "method    bn_strategy      calibrated  seed   n  kendall_tau [95% interval]   spearman  ceiling");
    for (RankingRow row : report.ranking()) {
      o.printf(
          Locale.ROOT,
          "%-9s %-16s %-11s %-6d %-3d %6.3f [%6.3f, %6.3f]  %8.3f  %7.3f%n",
          row.method(),
          row.bnStrategy(),
          row.calibrated(),
          row.seed(),
          row.n(),
          row.kendallTau(),
          row.kendallTauLow(),
          row.kendallTauHigh(),
          row.spearman(),
          row.noiseCeiling());
    }
    o.println("report: " + out.resolve("report.md") + " and report.html");
    report.headline().forEach(o::println);
    return Main.OK;
  }
}
