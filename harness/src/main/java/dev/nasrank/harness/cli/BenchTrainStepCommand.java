package dev.nasrank.harness.cli;

import dev.nasrank.harness.bench.BenchConfig;
import dev.nasrank.harness.bench.BenchResult;
import dev.nasrank.harness.bench.TrainStepBenchmark;
import dev.nasrank.harness.config.NetworkShape;
import dev.nasrank.harness.config.Seeds;
import dev.nasrank.harness.suite.SuiteProfile;
import dev.nasrank.harness.supernet.S4SupernetConfig;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

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
final class BenchTrainStepCommand implements Callable<Integer> {

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

  @Mixin SupernetOptions supernet = SupernetOptions.shapedAs(NetworkShape.S4_MINI);

  @Option(names = "--batch-size", paramLabel = "N", description = "Default: ${DEFAULT-VALUE}.")
  int batchSize = SuiteProfile.mini().batchSize();

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
      defaultValue = Seeds.DEFAULT_TEXT,
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
    S4SupernetConfig net = supernet.config();
    BenchConfig cfg = new BenchConfig(net, batchSize, steps, warmup, soak, rssEvery, seed);
    out.printf(
        "bench train-step: %s / %s, m=%d, C=%d, %d stacks x %d cells, batch %d, %s%n",
        net.method().cliName(),
        net.bnStrategy().cliName(),
        net.maxPaths(),
        net.network().stemChannels(),
        net.network().stacks(),
        net.network().cellsPerStack(),
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
