package dev.nasrank.benchbridge;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the read-only shared datasets for tests: system property {@code nasrank.data.root} (set
 * by the build to {@code ../shared/datasets}), else environment variable {@code NASRANK_DATA_ROOT}.
 * A test that needs a file that is absent is skipped with a message naming the file.
 */
public final class SharedData {
  private SharedData() {}

  /**
   * The path of {@code relative} under the data root; skips the calling test if it does not exist.
   */
  public static Path require(String relative) {
    String root = System.getProperty("nasrank.data.root");
    if (root == null || root.isBlank()) {
      root = System.getenv("NASRANK_DATA_ROOT");
    }
    assumeTrue(
        root != null && !root.isBlank(),
        "shared data root not set (-Dnasrank.data.root or NASRANK_DATA_ROOT); skipping test needing "
            + relative);
    Path p = Path.of(root).resolve(relative);
    assumeTrue(Files.isRegularFile(p), "shared data file " + p + " is absent; skipping");
    return p;
  }
}
