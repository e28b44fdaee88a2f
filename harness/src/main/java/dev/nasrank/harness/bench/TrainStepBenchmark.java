package dev.nasrank.harness.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.training.dataset.Batch;
import dev.nasrank.datasets.djl.SyntheticBatches;
import dev.nasrank.harness.config.Optimizer;
import dev.nasrank.harness.config.Seeds;
import dev.nasrank.harness.space.ArchitectureSampler;
import dev.nasrank.harness.space.S4Choice;
import dev.nasrank.harness.supernet.S4Supernet;
import dev.nasrank.harness.train.PathSgd;
import dev.nasrank.harness.train.TrainStep;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * Times the real training step ({@link TrainStep}: sampled choice, forward, backward, path-exact
 * SGD) on CPU with synthetic batches, or runs it for a long soak while sampling the resident set
 * size from {@code /proc/self/status} (VmRSS). Batch pixels are rendered once and copied into a
 * fresh per-step manager, as the real pipeline creates each batch's arrays, so data generation
 * stays out of the timing.
 */
public final class TrainStepBenchmark {
  /** The optimizer every timed step uses: the reference one, at its initial learning rate. */
  private static final Optimizer REF = Optimizer.MIXPATH_REFERENCE;

  private static final int POOL = 8;
  private final PrintStream log;

  /**
   * @param log progress lines
   */
  public TrainStepBenchmark(PrintStream log) {
    this.log = log;
  }

  /** Runs the benchmark described by {@code cfg}. */
  public BenchResult run(BenchConfig cfg) {
    Engine.getInstance().setRandomSeed(Seeds.torchSeed(cfg.seed()));
    String threads =
        "ai.djl.pytorch.num_threads="
            + System.getProperty("ai.djl.pytorch.num_threads", "(unset)")
            + ", num_interop_threads="
            + System.getProperty("ai.djl.pytorch.num_interop_threads", "(unset)")
            + ", OMP_NUM_THREADS="
            + System.getenv().getOrDefault("OMP_NUM_THREADS", "(unset)")
            + ", OMP_WAIT_POLICY="
            + System.getenv().getOrDefault("OMP_WAIT_POLICY", "(unset)");
    SyntheticBatches source =
        new SyntheticBatches(POOL * cfg.batchSize(), cfg.batchSize(), 10, cfg.seed());
    List<float[]> data = new ArrayList<>();
    List<float[]> labels = new ArrayList<>();
    try (NDManager manager = NDManager.newBaseManager()) {
      Iterator<Batch> it = source.epoch(manager, 0);
      while (it.hasNext()) {
        try (Batch b = it.next()) {
          data.add(b.getData().head().toFloatArray());
          labels.add(b.getLabels().head().toFloatArray());
        }
      }
      S4Supernet net = cfg.supernet().newSupernet();
      net.initialize(manager);
      ArchitectureSampler<S4Choice> sampler = cfg.supernet().space().sampler(cfg.seed());
      try (PathSgd sgd = new PathSgd(manager, REF.momentum(), REF.weightDecay(), REF.clipNorm())) {
        TrainStep<S4Choice> step = new TrainStep<>(net, sgd, new ParameterStore(manager, false));
        Shape shape = new Shape(cfg.batchSize(), 3, 32, 32);
        int total = cfg.soak() > 0 ? cfg.soak() : cfg.warmup() + cfg.steps();
        int timedFrom = cfg.soak() > 0 ? 0 : cfg.warmup();
        double[] ms = new double[total - timedFrom];
        double[] cpu = new double[total - timedFrom];
        double[] mainCpu = new double[total - timedFrom];
        ThreadMXBean threadBean = ManagementFactory.getThreadMXBean();
        List<long[]> rss = new ArrayList<>();
        long baseline = 0;
        for (int i = 0; i < total; i++) {
          long c0 = processCpuNanos();
          long m0 = threadBean.getCurrentThreadCpuTime();
          long t0 = System.nanoTime();
          try (NDManager stepManager = manager.newSubManager()) {
            NDArray x = stepManager.create(data.get(i % POOL), shape);
            NDArray y = stepManager.create(labels.get(i % POOL), new Shape(cfg.batchSize()));
            TrainStep.Outcome o = step.run(sampler.next(), x, y, REF.lr());
            if (!o.finite()) {
              throw new IllegalStateException(
                  "non-finite loss " + o.loss() + " at benchmark step " + i);
            }
          }
          if (i >= timedFrom) {
            ms[i - timedFrom] = (System.nanoTime() - t0) / 1e6;
            cpu[i - timedFrom] = (processCpuNanos() - c0) / 1e6;
            mainCpu[i - timedFrom] = (threadBean.getCurrentThreadCpuTime() - m0) / 1e6;
          }
          if (cfg.soak() > 0) {
            if (i + 1 == cfg.warmup()) {
              baseline = vmRssKb();
              rss.add(new long[] {i + 1, baseline});
              log.printf("warm-up done at step %d: VmRSS %.1f MiB%n", i + 1, baseline / 1024.0);
            } else if (i + 1 > cfg.warmup() && ((i + 1) % cfg.rssEvery() == 0 || i + 1 == total)) {
              long kb = vmRssKb();
              rss.add(new long[] {i + 1, kb});
              Runtime rt = Runtime.getRuntime();
              log.printf(
                  "step %d: VmRSS %.1f MiB (%+.1f MiB since warm-up; Java heap committed %.1f MiB, used "
                      + "%.1f MiB), median %.1f ms/step so far%n",
                  i + 1,
                  kb / 1024.0,
                  (kb - baseline) / 1024.0,
                  rt.totalMemory() / 1048576.0,
                  (rt.totalMemory() - rt.freeMemory()) / 1048576.0,
                  percentile(Arrays.copyOf(ms, i + 1), 0.5));
            }
          }
        }
        long last = rss.isEmpty() ? 0 : rss.get(rss.size() - 1)[1];
        long max = rss.stream().mapToLong(r -> r[1]).max().orElse(0);
        return new BenchResult(
            ms.length,
            percentile(ms, 0.5),
            percentile(ms, 0.9),
            Arrays.stream(ms).average().orElse(Double.NaN),
            List.copyOf(rss),
            baseline,
            cfg.soak() > 0 ? last - baseline : 0,
            cfg.soak() > 0 ? max - baseline : 0,
            threads,
            percentile(cpu, 0.5),
            Arrays.stream(cpu).average().orElse(Double.NaN),
            percentile(mainCpu, 0.5));
      }
    }
  }

  /** Nearest-rank percentile of {@code values} (q in (0, 1]). */
  static double percentile(double[] values, double q) {
    double[] s = values.clone();
    Arrays.sort(s);
    int rank = (int) Math.ceil(q * s.length);
    return s[Math.max(0, rank - 1)];
  }

  /**
   * CPU time of the whole process (all threads, user + system) in nanoseconds, or 0 if the JVM
   * cannot tell.
   */
  static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return Math.max(0, os.getProcessCpuTime());
    }
    return 0;
  }

  /** VmRSS of this process in KiB, from /proc/self/status. */
  static long vmRssKb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
        }
      }
      throw new IllegalStateException("no VmRSS line in /proc/self/status");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read /proc/self/status (Linux only)", e);
    }
  }
}
