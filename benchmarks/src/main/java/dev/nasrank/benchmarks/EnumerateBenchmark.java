package dev.nasrank.benchmarks;

import dev.nasrank.benchbridge.SearchSpace;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Enumerating the whole space (1,293,208 candidates hashed, 423,624 unique) on 2 threads. Target:
 * 30 s.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class EnumerateBenchmark {

  @Benchmark
  public int enumerate() {
    SearchSpace s = SearchSpace.enumerate(2);
    if (s.size() != SearchSpace.UNIQUE_CELLS) {
      throw new IllegalStateException("enumerated " + s.size() + " cells");
    }
    return s.size();
  }
}
