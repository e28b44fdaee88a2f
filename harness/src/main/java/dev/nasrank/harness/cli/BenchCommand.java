package dev.nasrank.harness.cli;

import dev.nasrank.harness.bench.BenchConfig;
import dev.nasrank.harness.bench.BenchResult;
import dev.nasrank.harness.bench.TrainStepBenchmark;
import dev.nasrank.harness.bench.UnitBenchConfig;
import dev.nasrank.harness.bench.UnitBenchmark;
import dev.nasrank.harness.config.NetworkShape;
import dev.nasrank.harness.eval.EvalPath;
import dev.nasrank.harness.space.SamplerMode;
import dev.nasrank.harness.suite.SuiteProfile;
import dev.nasrank.harness.suite.SuiteUnit;
import dev.nasrank.harness.supernet.BnStrategy;
import dev.nasrank.harness.supernet.Method;
import dev.nasrank.harness.supernet.SupernetConfig;
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

/** {@code harness bench}: timed reports of the harness's hot paths. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Timed reports (not tests): run a subcommand with --help.",
    subcommands = {BenchCommand.TrainStepBench.class, BenchCommand.UnitBench.class})
public final class BenchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return Main.USAGE;
  }

  /** {@code harness bench train-step}. */
  @Command(
      name = "train-step",
      mixinStandardHelpOptions = true,
      description = {
        "Times the supernet training step (sampled choice, forward, backward, path-exact SGD) on CPU "
            + "with synthetic batches and prints the median and p90 ms per step.",
        "With --soak N it runs N steps instead and samples VmRSS from /proc/self/status, printing the growth after "
            + "the warm-up. Set threads with --threads (before the engine starts) or -Dai.djl.pytorch.num_threads.",
        "It also prints CPU ms per step (process and stepping thread), which a loaded machine distorts far less "
            + "than wall time. On a shared machine set OMP_WAIT_POLICY=PASSIVE: spinning OpenMP workers cost "
            + "several times the step's CPU there."
      })
  static final class TrainStepBench implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(
        names = "--steps",
        paramLabel = "N",
        defaultValue = "200",
        description = "Timed steps. Default: ${DEFAULT-VALUE}.")
    int steps;

    @Option(
        names = "--warmup",
        paramLabel = "N",
        defaultValue = "20",
        description =
            "Untimed steps first; for a soak, steps before the RSS baseline (use ~500). "
                + "Default: ${DEFAULT-VALUE}.")
    int warmup;

    @Option(
        names = "--soak",
        paramLabel = "N",
        defaultValue = "0",
        description = "Run a memory soak of N steps (0 = timing run). Default: ${DEFAULT-VALUE}.")
    int soak;

    @Option(
        names = "--rss-every",
        paramLabel = "N",
        defaultValue = "250",
        description = "Soak: sample VmRSS every N steps. Default: ${DEFAULT-VALUE}.")
    int rssEvery;

    @Option(
        names = "--stem-channels",
        paramLabel = "C",
        defaultValue = "16",
        description = "Default: ${DEFAULT-VALUE}.")
    int stemChannels;

    @Option(
        names = "--stacks",
        paramLabel = "N",
        defaultValue = "3",
        description = "Default: ${DEFAULT-VALUE}.")
    int stacks;

    @Option(
        names = "--cells-per-stack",
        paramLabel = "N",
        defaultValue = "1",
        description = "Default: ${DEFAULT-VALUE}.")
    int cellsPerStack;

    @Option(
        names = "--batch-size",
        paramLabel = "N",
        defaultValue = "64",
        description = "Default: ${DEFAULT-VALUE}.")
    int batchSize;

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
        defaultValue = "linear_sbn",
        converter = SupernetOptions.BnStrategyConverter.class,
        description = "Default: ${DEFAULT-VALUE}.")
    BnStrategy bnStrategy;

    @Option(
        names = "--threads",
        paramLabel = "N",
        defaultValue = "2",
        description =
            "Torch intra-op threads, applied unless -Dai.djl.pytorch.num_threads is set. "
                + "Default: ${DEFAULT-VALUE}.")
    int threads;

    @Option(
        names = "--seed",
        paramLabel = "SEED",
        defaultValue = "2020",
        description = "Default: ${DEFAULT-VALUE}.")
    long seed;

    @Override
    public Integer call() {
      PrintStream out = WriterOutputStream.printStream(spec.commandLine().getOut());
      if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
      }
      if (System.getProperty("ai.djl.pytorch.num_interop_threads") == null) {
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
      }
      SupernetConfig net =
          new SupernetConfig(
              method,
              bnStrategy,
              4,
              SamplerMode.CORRECTED,
              NetworkShape.cifar10(stemChannels, stacks, cellsPerStack));
      BenchConfig cfg = new BenchConfig(net, batchSize, steps, warmup, soak, rssEvery, seed);
      out.printf(
          "bench train-step: %s / %s, C=%d, %d stacks x %d cells, batch %d, %s%n",
          method.cliName(),
          bnStrategy.cliName(),
          stemChannels,
          stacks,
          cellsPerStack,
          batchSize,
          soak > 0
              ? "soak " + soak + " steps (warm-up " + warmup + ")"
              : steps + " timed steps after " + warmup);
      BenchResult r = new TrainStepBenchmark(out).run(cfg);
      out.println("threads: " + r.threads());
      out.printf(
          "ms/step over %d steps: median %.1f  p90 %.1f  mean %.1f%n",
          r.steps(), r.medianMs(), r.p90Ms(), r.meanMs());
      out.printf(
          "CPU ms/step: process (all threads) median %.1f  mean %.1f; stepping thread median %.1f%n",
          r.cpuMedianMs(), r.cpuMeanMs(), r.mainThreadCpuMedianMs());
      if (soak > 0) {
        out.printf(
            "VmRSS after warm-up %.1f MiB; growth to the end %+.1f MiB (max %+.1f MiB)%n",
            r.rssBaselineKb() / 1024.0, r.rssGrowthKb() / 1024.0, r.rssMaxGrowthKb() / 1024.0);
      }
      return Main.OK;
    }
  }

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
  static final class UnitBench implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Mixin DataRootOption dataRoot;

    @Mixin ProgressOption progress;

    @Option(
        names = "--profile",
        paramLabel = "NAME",
        defaultValue = "mini",
        description = "Suite profile (${COMPLETION-CANDIDATES}). Default: ${DEFAULT-VALUE}.",
        completionCandidates = ProfileNames.class)
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
        defaultValue = "2020",
        description = "Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(
        names = "--epochs",
        paramLabel = "N",
        defaultValue = "0",
        description =
            "Training epochs; 0 = the profile's (20 for mini). Default: ${DEFAULT-VALUE}.")
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
              new SuiteUnit(method, bnStrategy, maxPaths, seed),
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
              ? "train "
                  + (epochs > 0 ? epochs + " epochs" : "the profile's epochs")
                  + " into "
                  + dir
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

  /** Profile names for picocli's completion candidates. */
  static final class ProfileNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return SuiteProfile.NAMES.iterator();
    }
  }
}
