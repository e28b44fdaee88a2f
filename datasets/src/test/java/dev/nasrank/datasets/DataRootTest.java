package dev.nasrank.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataRootTest {

  private static Properties props(String root) {
    Properties p = new Properties();
    p.setProperty("user.home", "/home/someone");
    if (root != null) {
      p.setProperty(DataRoot.SYSTEM_PROPERTY, root);
    }
    return p;
  }

  @Test
  void flagBeatsEnvironmentBeatsPropertyBeatsDefault() {
    Map<String, String> env = Map.of(DataRoot.ENV_VARIABLE, "/from/env");
    DataRoot flag = DataRoot.resolve(Path.of("/from/flag"), env, props("/from/prop"));
    assertEquals(Path.of("/from/flag"), flag.root());
    assertEquals(DataRoot.Source.FLAG, flag.source());
    DataRoot fromEnv = DataRoot.resolve(null, env, props("/from/prop"));
    assertEquals(Path.of("/from/env"), fromEnv.root());
    assertEquals(
        "/from/env (from environment variable NASRANK_DATA_ROOT)", fromEnv.describeSource());
    DataRoot fromProp = DataRoot.resolve(null, Map.of(), props("/from/prop"));
    assertEquals(Path.of("/from/prop"), fromProp.root());
    assertEquals(DataRoot.Source.SYSTEM_PROPERTY, fromProp.source());
    DataRoot dflt = DataRoot.resolve(null, Map.of(DataRoot.ENV_VARIABLE, " "), props(null));
    assertEquals(Path.of("/home/someone/.cache/nasrank/datasets"), dflt.root());
    assertEquals(DataRoot.Source.DEFAULT, dflt.source());
  }

  @Test
  void relativeRootsBecomeAbsolute() {
    DataRoot r =
        DataRoot.resolve(null, Map.of(DataRoot.ENV_VARIABLE, "../shared/datasets"), props(null));
    assertTrue(r.root().isAbsolute());
    assertEquals(Path.of("").toAbsolutePath().getParent().resolve("shared/datasets"), r.root());
  }

  @Test
  void requireReturnsExistingFilesAndExplainsMissingOnes(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("x.txt"), "x");
    DataRoot root = DataRoot.of(dir);
    assertEquals(dir.resolve("x.txt"), root.require("x.txt"));
    MissingDataException unknown =
        assertThrows(MissingDataException.class, () -> root.require("y.txt"));
    assertTrue(
        unknown.getMessage().startsWith("missing data file " + dir.resolve("y.txt")),
        unknown.getMessage());
    MissingDataException known =
        assertThrows(
            MissingDataException.class,
            () -> root.require("cifar-10-batches-bin/data_batch_3.bin"));
    String msg = known.getMessage();
    assertTrue(msg.contains("30730000 bytes"), msg);
    assertTrue(msg.contains("https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz"), msg);
    assertTrue(msg.contains("NASRANK_DATA_ROOT"), msg);
  }

  // issue 11, defect 15: a directory or a device is "missing"
  @Test
  void aDirectoryOrADeviceIsNamedForWhatItIs(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("cifar10-partial-bin/test_batch.bin"));
    DataRoot root = DataRoot.of(dir);
    MissingDataException e =
        assertThrows(
            MissingDataException.class, () -> root.require("cifar10-partial-bin/test_batch.bin"));
    assertTrue(
        e.getMessage()
            .startsWith(
                dir.resolve("cifar10-partial-bin/test_batch.bin")
                    + " is a directory, "
                    + "not a data file"),
        e.getMessage());
    if (Files.exists(Path.of("/dev/null"))) {
      e =
          assertThrows(
              MissingDataException.class, () -> DataRoot.of(Path.of("/dev")).require("null"));
      assertTrue(e.getMessage().startsWith("/dev/null is not a regular file"), e.getMessage());
    }
    assertTrue(root.verifies());
    assertTrue(!root.withVerification(false).verifies());
  }

  @Test
  void theBuildPointsTestsAtTheSharedData() {
    // Surefire sets -Dnasrank.data.root; if CI also sets NASRANK_DATA_ROOT that wins, which is
    // fine.
    DataRoot r = DataRoot.resolve(null);
    assertTrue(
        r.source() == DataRoot.Source.SYSTEM_PROPERTY || r.source() == DataRoot.Source.ENVIRONMENT,
        r.describeSource());
  }
}
