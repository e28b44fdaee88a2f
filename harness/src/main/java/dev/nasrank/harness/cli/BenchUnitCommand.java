package dev.nasrank.harness.cli;

import dev.nasrank.harness.bench.UnitBenchConfig;
import dev.nasrank.harness.bench.UnitBenchmark;
import dev.nasrank.harness.config.Seeds;
import dev.nasrank.harness.eval.EvalPath;
import dev.nasrank.harness.setting.BnStrategy;
import dev.nasrank.harness.setting.Method;
import dev.nasrank.harness.suite.SuiteProfile;
import dev.nasrank.harness.suite.SuiteUnit;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code harness bench unit}. */
@Command(
    name = "unit",
    mixinStandardHelpOptions = true,
    description = {
      "Trains and evaluates one suite unit as the suite does (profile mini by default) and prints, per "
          + "phase (train, evaluate with the trained BN statistics, BN post-calibration, evaluate after it), wall "
          + "and CPU seconds, the kernel's share of the CPU time and minor page faults, for the whole process and "
          + "for the calling thread (getrusage; Linux only), plus faults and thread CPU ms per choice.",
      "--checkpoint skips training and measures the evaluation of a trained unit; --path per-choice runs the "
          + "choice-by-choice evaluator of before issue 14 (same results), for before/after comparisons in one "
          + "build. The candidates.csv written to -o is what the suite would write for the unit.",
      "Run it as bin/nasrank bench unit (one torch thread, passive OpenMP, tuned malloc: docs/performance.md)."
    })
final class BenchUnitCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin DataRootOption dataRoot;

  @Mixin ProgressOption progress;

  @Option(
      names = "--profile",
      paramLabel = "NAME",
      defaultValue = "mini",
      description = "Suite profile (${COMPLETION-CANDIDATES}). Default: ${DEFAULT-VALUE}.",
      completionCandidates = BenchCommand.ProfileNames.class)
  String profile;

  @Option(
      names = "--method",
      paramLabel = "METHOD",
      defaultValue = "mixpath",
      converter = SupernetOptions.MethodConverter.class,
      description = "Default: ${DEFAULT-VALUE}.")
  Method method;

  @Option(
      names = "--bn-strategy",
      paramLabel = "STRATEGY",
      defaultValue = "none",
      converter = SupernetOptions.BnStrategyConverter.class,
      description = "Default: ${DEFAULT-VALUE} (the suite's first unit).")
  BnStrategy bnStrategy;

  @Option(
      names = "--max-paths",
      paramLabel = "M",
      defaultValue = "4",
      description = "Default: ${DEFAULT-VALUE}.")
  int maxPaths;

  @Option(
      names = "--seed",
      paramLabel = "SEED",
      defaultValue = Seeds.DEFAULT_TEXT,
      description = "Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(
      names = "--epochs",
      paramLabel = "N",
      defaultValue = "0",
      description = "Training epochs; 0 = the profile's (20 for mini). Default: ${DEFAULT-VALUE}.")
  int epochs;

  @Option(
      names = "--checkpoint",
      paramLabel = "FILE",
      description = "Evaluate this trained checkpoint instead of training one.")
  Path checkpoint;

  @Option(
      names = "--path",
      paramLabel = "PATH",
      defaultValue = "shared",
      description =
          "Evaluation order: shared (default) or per-choice (before issue 14). Default: ${DEFAULT-VALUE}.")
  String path;

  @Option(
      names = "--max-choices",
      paramLabel = "N",
      defaultValue = "0",
      description =
          "Evaluate only the first N choices; 0 = the profile's (all 255 for mini). "
              + "Default: ${DEFAULT-VALUE}.")
  int maxChoices;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "DIR",
      description =
          "Folder for the checkpoint and candidates.csv; must not hold a checkpoint when training. "
              + "Default: a new temporary folder.")
  Path out;

  @Override
  public Integer call() throws IOException {
    PrintStream outStream = WriterOutputStream.printStream(spec.commandLine().getOut());
    PrintStream err = WriterOutputStream.printStream(spec.commandLine().getErr());
    Path dir = out != null ? out : Files.createTempDirectory("nasrank-bench-unit");
    UnitBenchConfig cfg =
        new UnitBenchConfig(
            SuiteProfile.of(profile),
            SuiteUnit.s4(method, bnStrategy, maxPaths, seed),
            epochs,
            checkpoint,
            EvalPath.parse(path),
            maxChoices,
            dataRoot.resolve(),
            dir,
            progress.enabled());
    outStream.printf(
        "bench unit: profile %s, %s, %s, evaluation path %s; torch threads %s, interop %s, "
            + "OMP_WAIT_POLICY=%s, malloc: %s%n",
        profile,
        cfg.unit().id(),
        checkpoint == null
            ? "train " + (epochs > 0 ? epochs + " epochs" : "the profile's epochs") + " into " + dir
            : "checkpoint " + checkpoint,
        cfg.path().cliName(),
        System.getProperty("ai.djl.pytorch.num_threads", "(unset)"),
        System.getProperty("ai.djl.pytorch.num_interop_threads", "(unset)"),
        System.getProperty(
            "nasrank.env.OMP_WAIT_POLICY",
            System.getenv().getOrDefault("OMP_WAIT_POLICY", "(unset)")),
        System.getProperty(
            "nasrank.env.malloc",
            System.getenv().containsKey("GLIBC_TUNABLES")
                ? "GLIBC_TUNABLES=" + System.getenv("GLIBC_TUNABLES")
                : "glibc defaults"));
    UnitBenchmark.Result r = new UnitBenchmark(err).run(cfg);
    outStream.print(UnitBenchmark.format(r));
    outStream.println("candidates: " + r.candidatesCsv());
    return Main.OK;
  }
}
