package dev.nasrank.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nasrank.datasets.DataRoot;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DataCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  @Test
  void verifyPassesOnTheSharedMiniFiles() {
    Path shared = DataRoot.resolve(null).root();
    assumeTrue(
        Files.isRegularFile(shared.resolve("cifar10-partial-bin/test_batch.bin")),
        "SKIPPED: shared datasets absent at " + shared);
    assertEquals(
        Main.OK,
        run("data", "verify", "--data-root", shared.toString(), "--split", "mini"),
        err.toString());
    String text = out.toString();
    assertTrue(text.contains("data root: " + shared + " (from --data-root flag)"), text);
    assertTrue(
        text.contains("OK       " + shared.resolve("cifar10-partial-bin/test_batch.bin")), text);
    assertTrue(text.contains("6 of 6 files OK"), text);
  }

  @Test
  void verifyFailsOnMissingAndMismatchingFiles(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("cifar10-partial-bin"));
    Files.write(dir.resolve("cifar10-partial-bin/data_batch_1.bin"), new byte[10]);
    assertEquals(Main.FAILURE, run("data", "verify", "--data-root", dir.toString()));
    String text = out.toString();
    assertTrue(
        text.contains(
            "MISMATCH "
                + dir.resolve("cifar10-partial-bin/data_batch_1.bin")
                + ": expected 3125241 bytes, sha256 ea2c7a46"),
        text);
    assertTrue(text.contains("actual 10 bytes"), text);
    assertTrue(
        text.contains("MISSING  " + dir.resolve("cifar10-partial-bin/test_batch.bin")), text);
    assertTrue(text.contains("0 of 6 files OK"), text);
  }

  @Test
  void verifyOfTheFullSplitNamesTheOfficialArchive(@TempDir Path dir) {
    assertEquals(
        Main.FAILURE, run("data", "verify", "--data-root", dir.toString(), "--split", "full"));
    assertTrue(
        out.toString()
            .contains(
                "MISSING  "
                    + dir.resolve("cifar-10-batches-bin/data_batch_1.bin")
                    + ": expected 30730000 bytes, no SHA-256 recorded"),
        out.toString());
    assertTrue(out.toString().contains("https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz"));
  }

  @Test
  void usageErrorsExitTwo() {
    assertEquals(Main.USAGE, run("data", "verify", "--split", "tiny"));
    assertTrue(err.toString().contains("invalid value for --split: 'tiny'"), err.toString());
    assertEquals(Main.USAGE, run("data", "verify", "--no-such-option"));
    assertEquals(Main.OK, run("data", "fetch", "--help"));
    assertTrue(out.toString().contains("--[no-]mini"), out.toString());
  }

  @Test
  void fetchFromAWrongArchiveFailsAndLeavesNothing(@TempDir Path dir) throws Exception {
    Path bogus = Files.createTempFile("bogus", ".tar.gz");
    try {
      Files.write(bogus, new byte[] {1, 2, 3});
      Path root = dir.resolve("root");
      assertEquals(
          Main.FAILURE,
          run("data", "fetch", "--data-root", root.toString(), "--archive", bogus.toString()));
      assertTrue(
          err.toString().contains("published with MD5 c32a1d4ab5d03f1284b67883e8d87530"),
          err.toString());
      try (Stream<Path> files = Files.walk(dir)) {
        assertEquals(0, files.filter(Files::isRegularFile).count());
      }
    } finally {
      Files.delete(bogus);
    }
  }
}
