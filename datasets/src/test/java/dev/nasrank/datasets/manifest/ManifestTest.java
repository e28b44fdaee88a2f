package dev.nasrank.datasets.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nasrank.datasets.Cifar10Split;
import dev.nasrank.datasets.DataRoot;
import dev.nasrank.datasets.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestTest {

  @Test
  void bundledManifestHasTheVerifiedValues() {
    DatasetManifest m = DatasetManifest.load();
    DatasetEntry full = m.entry(DatasetManifest.CIFAR10_BIN);
    assertEquals("https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz", full.archive().url());
    assertEquals("c32a1d4ab5d03f1284b67883e8d87530", full.archive().md5());
    assertEquals("cifar-10-binary.tar.gz", full.archive().fileName());
    assertEquals(6, full.files().size());
    for (FileSpec f : full.files()) {
      assertEquals(10_000L * 3073, f.bytes());
      assertNull(f.sha256(), "no unverified checksum may be recorded");
    }
    DatasetEntry mini = m.entry(DatasetManifest.CIFAR10_MINI_BIN);
    assertEquals("cifar10-partial-bin", mini.folder());
    assertEquals(
        "ea2c7a46f23371a3f814ce8e198838201147e8e6d1f8a84baa3583ebbec03247",
        mini.file("data_batch_1.bin").orElseThrow().sha256());
    assertEquals(1017L * 3073, mini.file("test_batch.bin").orElseThrow().bytes());
    DatasetEntry jpg = m.entry(DatasetManifest.CIFAR10_JPG);
    assertEquals(
        "f7625fc6a42ead0a462a6e36eb4b53cc89da86f36a0e011313c8c9a582622870",
        jpg.file("cifar10-jpg.zip").orElseThrow().sha256());
    // Every split's files are listed by its dataset: binary batches of the split's record count,
    // the JPEG split's one zip.
    for (Cifar10Split split : Cifar10Split.values()) {
      DatasetEntry d = m.entry(split.datasetId());
      for (Cifar10Split.Part part : Cifar10Split.Part.values()) {
        for (String f : split.files(part)) {
          long expected = split.isJpeg() ? 62_190_935L : split.recordsPerFile() * 3073L;
          assertEquals(expected, d.file(f).orElseThrow().bytes(), split + " " + f);
        }
      }
    }
    assertThrows(java.util.NoSuchElementException.class, () -> m.entry("imagenet"));
  }

  @Test
  void sharedMiniFilesVerify() {
    DataRoot root = TestData.miniRoot();
    List<FileCheck> checks =
        ManifestVerifier.verify(
            root, DatasetManifest.load().entry(DatasetManifest.CIFAR10_MINI_BIN));
    assertEquals(6, checks.size());
    for (FileCheck c : checks) {
      assertEquals(FileCheck.Status.OK, c.status(), c.describe());
      assertEquals(c.expected().sha256(), c.actualSha256());
    }
  }

  @Test
  void missingAndMismatchingFilesSayWhatIsExpected(@TempDir Path dir) throws Exception {
    DatasetEntry mini = DatasetManifest.load().entry(DatasetManifest.CIFAR10_MINI_BIN);
    Files.createDirectories(dir.resolve("cifar10-partial-bin"));
    Files.write(dir.resolve("cifar10-partial-bin/data_batch_1.bin"), new byte[3073]);
    List<FileCheck> checks = ManifestVerifier.verify(DataRoot.of(dir), mini);
    FileCheck bad = checks.get(0);
    assertEquals(FileCheck.Status.MISMATCH, bad.status());
    assertEquals(3073, bad.actualBytes());
    String line = bad.describe();
    assertTrue(
        line.startsWith("MISMATCH " + dir.resolve("cifar10-partial-bin/data_batch_1.bin")), line);
    assertTrue(line.contains("expected 3125241 bytes, sha256 ea2c7a46f2"), line);
    // SHA-256 of 3,073 zero bytes, computed independently (sha256sum of head -c 3073 /dev/zero).
    assertTrue(
        line.contains(
            "actual 3073 bytes, sha256 5fbf904d9c5cb6f356cb9eb1ee1d1511051088e1f08551ccbe753e4334fa6d9f"),
        line);
    assertTrue(line.contains("data fetch"), line);
    FileCheck missing = checks.get(1);
    assertEquals(FileCheck.Status.MISSING, missing.status());
    assertTrue(
        missing
            .describe()
            .startsWith("MISSING  " + dir.resolve("cifar10-partial-bin/data_batch_2.bin")));
    assertTrue(
        missing
            .describe()
            .contains("57dc4e8db7ddc925938d1f2821ee0b499020fa077bedd98d88e6459c7cacb2ab"));
  }

  @Test
  void fileSpecRejectsMalformedChecksums() {
    assertThrows(IllegalArgumentException.class, () -> new FileSpec("x", 10, "ABC"));
    assertThrows(IllegalArgumentException.class, () -> new FileSpec("x", 0, null));
    assertThrows(IllegalArgumentException.class, () -> new ArchiveSpec("http://x/y.tgz", "zz", ""));
  }
}
