package dev.nasrank.harness.cli;

import dev.nasrank.harness.bench.CellEvalBenchmark;
import dev.nasrank.harness.config.Seeds;
import dev.nasrank.harness.eval.EvalPath;
import dev.nasrank.harness.setting.BnStrategy;
import dev.nasrank.harness.suite.SuiteProfile;
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

/** {@code harness bench cells}. */
@Command(
    name = "cells",
    mixinStandardHelpOptions = true,
    description = {
      "Evaluates a seeded sample of cells of a NAS-Bench-101 cell space with a cell supernet of the "
          + "profile's shape (trained for a few steps, or --checkpoint) as the suite's evaluator does, both "
          + "modes (trained BN statistics; exact BN post-calibration), and prints per phase the wall and CPU "
          + "seconds (getrusage; Linux only) and the cells evaluated per CPU-second of each mode.",
      "Run it as bin/nasrank bench cells (one torch thread: docs/performance.md)."
    })
final class BenchCellsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin DataRootOption dataRoot;

  @Option(
      names = "--profile",
      paramLabel = "NAME",
      defaultValue = "mini",
      description = "Suite profile (${COMPLETION-CANDIDATES}). Default: ${DEFAULT-VALUE}.",
      completionCandidates = BenchCommand.ProfileNames.class)
  String profile;

  @Option(
      names = "--space",
      paramLabel = "ID",
      defaultValue = "nb101",
      description = "Cell space. Default: ${DEFAULT-VALUE}.")
  String space;

  @Option(
      names = "--bn-strategy",
      paramLabel = "STRATEGY",
      defaultValue = "vanilla",
      converter = SupernetOptions.BnStrategyConverter.class,
      description = "Default: ${DEFAULT-VALUE}.")
  BnStrategy bnStrategy;

  @Option(
      names = "--cells",
      paramLabel = "N",
      defaultValue = "1000",
      description = "Cells to evaluate (a seeded sample). Default: ${DEFAULT-VALUE}.")
  int cells;

  @Option(
      names = "--seed",
      paramLabel = "SEED",
      defaultValue = Seeds.DEFAULT_TEXT,
      description = "Seed of training and the sample. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(
      names = "--train-steps",
      paramLabel = "N",
      defaultValue = "20",
      description = "Training steps before evaluating. Default: ${DEFAULT-VALUE}.")
  int trainSteps;

  @Option(
      names = "--checkpoint",
      paramLabel = "FILE",
      description = "Evaluate this trained cell supernet instead of training one.")
  Path checkpoint;

  @Option(
      names = "--path",
      paramLabel = "PATH",
      defaultValue = "shared",
      description = "Evaluation order: shared or per-choice. Default: ${DEFAULT-VALUE}.")
  String path;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "DIR",
      description =
          "Folder for the checkpoint and candidates.csv. Default: a new temporary folder.")
  Path out;

  @Override
  public Integer call() throws IOException {
    PrintStream outStream = WriterOutputStream.printStream(spec.commandLine().getOut());
    PrintStream err = WriterOutputStream.printStream(spec.commandLine().getErr());
    Path dir = out != null ? out : Files.createTempDirectory("nasrank-bench-cells");
    SuiteProfile p = SuiteProfile.of(profile);
    outStream.printf(
        "bench cells: profile %s, space %s, %s, %d cells, torch threads %s, interop %s%n",
        profile,
        space,
        bnStrategy.cliName(),
        cells,
        System.getProperty("ai.djl.pytorch.num_threads", "(unset)"),
        System.getProperty("ai.djl.pytorch.num_interop_threads", "(unset)"));
    CellEvalBenchmark.Result r =
        new CellEvalBenchmark(err)
            .run(
                new CellEvalBenchmark.Config(
                    p,
                    space,
                    bnStrategy,
                    cells,
                    seed,
                    trainSteps,
                    checkpoint,
                    EvalPath.parse(path),
                    dataRoot.resolve(),
                    dir));
    outStream.print(CellEvalBenchmark.format(r));
    outStream.println("candidates: " + r.unit().candidatesCsv());
    return Main.OK;
  }
}
