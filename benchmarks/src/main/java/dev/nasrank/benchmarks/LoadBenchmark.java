package dev.nasrank.benchmarks;

import dev.nasrank.benchbridge.NasBench;
import dev.nasrank.benchbridge.io.NasbenchLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Loading the nasbench_only108 shape (1,270,872 records): from the TFRecord with both checksums
 * verified (target: median at most 3 s on 2 cores; 2 decoding threads), and from the binary cache
 * (target: at most 0.3 s). Setup also prints the heap retained by the loaded dataset (target: under
 * 600 MB).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx3g", "-XX:+UseParallelGC"})
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class LoadBenchmark {
  private Path tfrecord;
  private Path cache;

  @Setup
  public void setup() throws IOException {
    tfrecord = BenchFiles.only108();
    cache = BenchFiles.only108Cache();
    System.err.printf(
        "%nretained heap of the loaded only108 shape: %.0f MB%n", retainedMb(tfrecord));
  }

  /** Heap in MB still used after a GC while the dataset is held, minus before. */
  static double retainedMb(Path file) throws IOException {
    Runtime rt = Runtime.getRuntime();
    gc();
    long before = rt.totalMemory() - rt.freeMemory();
    NasBench nb = NasBench.open(file);
    gc();
    long after = rt.totalMemory() - rt.freeMemory();
    if (nb.size() == 0) {
      throw new IllegalStateException("empty");
    }
    return (after - before) / 1e6;
  }

  private static void gc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
  }

  @Benchmark
  public int loadTfrecord() throws IOException {
    return NasBench.open(tfrecord, new NasbenchLoader.Options(2, false)).records();
  }

  @Benchmark
  public int loadCache() throws IOException {
    return NasBench.open(cache).records();
  }
}
