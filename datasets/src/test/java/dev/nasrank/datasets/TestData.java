package dev.nasrank.datasets;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test helper: the shared data root, skipping a test with a clear message when a file is absent.
 */
public final class TestData {

  private TestData() {}

  /** The data root the build configured (flag-less resolution). */
  public static DataRoot root() {
    return DataRoot.resolve(null);
  }

  /** The data root, after skipping the test unless {@code relativePath} exists under it. */
  public static DataRoot rootWith(String relativePath) {
    DataRoot root = root();
    Path p = root.resolvePath(relativePath);
    assumeTrue(
        Files.isRegularFile(p),
        () ->
            "SKIPPED: shared data file "
                + p
                + " is absent (data root "
                + root.describeSource()
                + "); set NASRANK_DATA_ROOT or -Dnasrank.data.root to the shared datasets");
    return root;
  }

  /** Skips unless every mini split file exists; returns the root. */
  public static DataRoot miniRoot() {
    DataRoot root = null;
    for (String f :
        new String[] {
          "data_batch_1.bin",
          "data_batch_2.bin",
          "data_batch_3.bin",
          "data_batch_4.bin",
          "data_batch_5.bin",
          "test_batch.bin"
        }) {
      root = rootWith("cifar10-partial-bin/" + f);
    }
    return root;
  }
}
