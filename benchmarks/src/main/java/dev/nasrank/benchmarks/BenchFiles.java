package dev.nasrank.benchmarks;

import dev.nasrank.benchbridge.NasBench;
import dev.nasrank.benchbridge.NasBenchCache;
import dev.nasrank.benchbridge.io.SyntheticNasbench;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The synthetic {@code nasbench_only108}-shaped file the load benchmarks read (1,270,872 records,
 * about 500 MB) and its cache. They live outside the repository: {@code -Dnasrank.bench.dir}
 * (default {@code /tmp/nasrank-bench}); made on first use and reused afterwards.
 */
final class BenchFiles {
  private BenchFiles() {}

  static Path dir() {
    return Path.of(System.getProperty("nasrank.bench.dir", "/tmp/nasrank-bench"));
  }

  /** The synthetic only108 TFRecord, written with the project's writer if absent. */
  static synchronized Path only108() throws IOException {
    Path p = dir().resolve("synthetic_only108.tfrecord");
    if (!Files.isRegularFile(p)) {
      long t0 = System.nanoTime();
      long n = SyntheticNasbench.writeOnly108(p, 42L);
      System.err.printf(
          "generated %s: %,d records in %.1f s%n", p, n, (System.nanoTime() - t0) / 1e9);
    }
    return p;
  }

  /** The cache of {@link #only108()}, built if absent or stale. */
  static synchronized Path only108Cache() throws IOException {
    Path src = only108();
    Path c = dir().resolve("synthetic_only108.nbcache");
    if (Files.isRegularFile(c)) {
      try {
        NasBenchCache.loadFor(c, src);
        return c;
      } catch (IOException stale) {
        System.err.println("rebuilding cache: " + stale.getMessage());
      }
    }
    NasBenchCache.write(NasBench.open(src), src, c);
    return c;
  }
}
