package dev.nasrank.harness.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nasrank.datasets.Cifar10Split;
import dev.nasrank.datasets.DataRoot;
import dev.nasrank.datasets.manifest.ChecksumMismatchException;
import dev.nasrank.harness.cli.Main;
import dev.nasrank.harness.config.DataSplit;
import dev.nasrank.harness.train.SupernetData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, defect 6: data files are checked against the manifest before a run, once, cheaply on
 * reruns.
 */
class DataVerificationTest {
  private static final String[] FILES = {
    "data_batch_1.bin",
    "data_batch_2.bin",
    "data_batch_3.bin",
    "data_batch_4.bin",
    "data_batch_5.bin",
    "test_batch.bin"
  };

  @TempDir Path dir;

  @BeforeEach
  @AfterEach
  void forget() {
    DataVerification.forgetThisRun();
  }

  /** A copy of the shared mini split with one bit of {@code damaged} flipped (null: none). */
  private DataRoot miniCopy(String damaged) throws IOException {
    Path shared = DataRoot.resolve(null).resolvePath("cifar10-partial-bin");
    assumeTrue(
        Files.isRegularFile(shared.resolve("test_batch.bin")),
        "shared mini CIFAR-10 absent; skipping");
    Path folder = Files.createDirectories(dir.resolve("root/cifar10-partial-bin"));
    for (String f : FILES) {
      byte[] b = Files.readAllBytes(shared.resolve(f));
      if (f.equals(damaged)) {
        b[2_000_000] ^= 0x01;
      }
      Files.write(folder.resolve(f), b);
    }
    return DataRoot.of(dir.resolve("root"));
  }

  @Test
  void aDamagedValidationFileStopsTrainingBeforeItStarts() throws IOException {
    DataRoot root = miniCopy("data_batch_5.bin");
    // train loads only the training part, but the whole split is checked first
    ChecksumMismatchException e =
        assertThrows(
            ChecksumMismatchException.class,
            () -> SupernetData.load(DataSplit.MINI, root, 32, 1, SupernetData.Parts.TRAINING));
    assertTrue(
        e.getMessage()
                .startsWith(dir.resolve("root/cifar10-partial-bin/data_batch_5.bin").toString())
            && e.getMessage()
                .contains("e04d47eac99eb22c5406c696680423d9d7ff080be029363b6c6b947c5165f985")
            && e.getMessage().contains("--no-verify"),
        e.getMessage());
    assertEquals(
        4068,
        SupernetData.load(
                DataSplit.MINI, root.withVerification(false), 32, 1, SupernetData.Parts.TRAINING)
            .train()
            .size());
  }

  @Test
  void digestsAreRememberedBySizeAndModificationTime() throws IOException {
    DataRoot root = miniCopy(null);
    Path cache = dir.resolve("cache/verified.json");
    assertEquals(
        new DataVerification.Result(6, 6, 0),
        DataVerification.verifySplit(root, Cifar10Split.MINI, cache));
    assertTrue(Files.isRegularFile(cache));
    // the same process: nothing is read again, not even the cache
    assertEquals(
        new DataVerification.Result(6, 0, 6),
        DataVerification.verifySplit(root, Cifar10Split.MINI, cache));
    // a new process (rerun): the cache file answers
    DataVerification.forgetThisRun();
    assertEquals(
        new DataVerification.Result(6, 0, 6),
        DataVerification.verifySplit(root, Cifar10Split.MINI, cache));
    // a file with a new modification time is hashed again; damage with the time restored is caught
    // on load
    Path f = root.resolvePath("cifar10-partial-bin/data_batch_3.bin");
    Files.setLastModifiedTime(f, FileTime.from(Instant.now().plusSeconds(5)));
    DataVerification.forgetThisRun();
    assertEquals(
        new DataVerification.Result(6, 1, 5),
        DataVerification.verifySplit(root, Cifar10Split.MINI, cache));
    // damage with size and time restored passes the remembered digest, but the loader's own digest
    // catches it
    FileTime verified = Files.getLastModifiedTime(f);
    byte[] b = Files.readAllBytes(f);
    b[12345] ^= 0x02;
    Files.write(f, b);
    Files.setLastModifiedTime(f, verified);
    DataVerification.forgetThisRun();
    assertEquals(
        new DataVerification.Result(6, 0, 6),
        DataVerification.verifySplit(root, Cifar10Split.MINI, cache));
    assertThrows(
        ChecksumMismatchException.class,
        () -> dev.nasrank.datasets.Cifar10.load(root, Cifar10Split.MINI, Cifar10Split.Part.TRAIN));
    // a garbage cache file is ignored, not trusted
    Files.writeString(cache, "{not json");
    DataVerification.forgetThisRun();
    ChecksumMismatchException e =
        assertThrows(
            ChecksumMismatchException.class,
            () -> DataVerification.verifySplit(root, Cifar10Split.MINI, cache));
    assertTrue(e.getMessage().contains("data_batch_3.bin"), e.getMessage());
  }

  @Test
  void trainRefusesDamagedDataAndNoVerifyUsesItAnyway() throws IOException {
    DataRoot root = miniCopy("data_batch_1.bin");
    PrintStream errBefore = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      String[] common = {
        "train",
        "--split",
        "mini",
        "--data-root",
        root.root().toString(),
        "--stem-channels",
        "4",
        "--cells-per-stack",
        "1",
        "--batch-size",
        "16",
        "--epochs",
        "1",
        "--max-steps-per-epoch",
        "1",
        "--no-progress",
        "-o"
      };
      assertEquals(Main.FAILURE, Main.run(concat(common, dir.resolve("run1").toString())));
      String e = err.toString(StandardCharsets.UTF_8);
      assertTrue(
          e.startsWith("error: " + root.root().resolve("cifar10-partial-bin/data_batch_1.bin"))
              && e.contains("--no-verify"),
          e);
      assertTrue(!Files.exists(dir.resolve("run1/checkpoint.bin")));
      assertEquals(
          Main.OK, Main.run(concat(common, dir.resolve("run2").toString(), "--no-verify")));
      assertTrue(Files.exists(dir.resolve("run2/checkpoint.bin")));
    } finally {
      System.setErr(errBefore);
    }
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
