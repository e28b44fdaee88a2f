package dev.nasrank.harness.groundtruth;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates shared read-only test data (property {@code nasrank.data.root} or env {@code
 * NASRANK_DATA_ROOT}); skips when absent.
 */
final class SharedFiles {
  private SharedFiles() {}

  static Path require(String relative) {
    String root = System.getProperty("nasrank.data.root");
    if (root == null || root.isBlank()) {
      root = System.getenv("NASRANK_DATA_ROOT");
    }
    assumeTrue(
        root != null && !root.isBlank(),
        "shared data root not set; skipping test needing " + relative);
    Path p = Path.of(root).resolve(relative);
    assumeTrue(Files.isRegularFile(p), "shared data file " + p + " is absent; skipping");
    return p;
  }
}
