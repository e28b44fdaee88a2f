package dev.nasrank.datasets;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * The one test helper that finds the shared data, for the tests of every module (datasets'
 * test-jar): the data root as {@link DataRoot#resolve} chooses it, so tests follow the precedence
 * the commands document (the environment variable {@value DataRoot#ENV_VARIABLE} before the system
 * property {@value DataRoot#SYSTEM_PROPERTY} that the build always sets, then the default). A test
 * whose file is absent is skipped with a message naming the file and where the root came from.
 */
public final class TestData {

  private TestData() {}

  /** The data root the commands would use (no flag). */
  public static DataRoot root() {
    return rootFrom(System.getenv(), System.getProperties());
  }

  /** {@link #root()} with explicit environment and properties (for its own test). */
  static DataRoot rootFrom(Map<String, String> env, Properties properties) {
    return DataRoot.resolve(null, env, properties);
  }

  /**
   * The path of {@code relativePath} under the data root; skips the calling test when it is not a
   * file there.
   */
  public static Path require(String relativePath) {
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
    return p;
  }

  /** The data root, after skipping the test unless {@code relativePath} exists under it. */
  public static DataRoot rootWith(String relativePath) {
    require(relativePath);
    return root();
  }

  /** Skips unless every mini split file exists; returns the root. */
  public static DataRoot miniRoot() {
    for (String f :
        new String[] {
          "data_batch_1.bin",
          "data_batch_2.bin",
          "data_batch_3.bin",
          "data_batch_4.bin",
          "data_batch_5.bin",
          "test_batch.bin"
        }) {
      require("cifar10-partial-bin/" + f);
    }
    return root();
  }
}
