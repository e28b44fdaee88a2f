package dev.nasrank.benchmarks;

import java.io.IOException;

/**
 * Writes the synthetic only108 file and its cache into {@code -Dnasrank.bench.dir} (default {@code
 * /tmp/nasrank-bench}) ahead of the load benchmarks: {@code java -cp
 * benchmarks/target/benchmarks.jar dev.nasrank.benchmarks.GenerateOnly108}.
 */
public final class GenerateOnly108 {
  private GenerateOnly108() {}

  public static void main(String[] args) throws IOException {
    System.out.println("tfrecord: " + BenchFiles.only108());
    System.out.println("cache:    " + BenchFiles.only108Cache());
  }
}
