package dev.nasrank.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nasrank.datasets.Cifar10Split.Part;
import dev.nasrank.datasets.manifest.ChecksumMismatchException;
import dev.nasrank.datasets.manifest.DatasetManifest;
import dev.nasrank.datasets.manifest.FileSpec;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Cifar10Test {

  @Test
  void miniSplitHasTheDocumentedSizes() {
    DataRoot root = TestData.miniRoot();
    assertEquals(4068, Cifar10.load(root, Cifar10Split.MINI, Part.TRAIN).count());
    assertEquals(1017, Cifar10.load(root, Cifar10Split.MINI, Part.VALIDATION).count());
    assertEquals(1017, Cifar10.load(root, Cifar10Split.MINI, Part.TEST).count());
    assertEquals(4068, Cifar10Split.MINI.size(Part.TRAIN));
    assertEquals(40_000, Cifar10Split.NB101.size(Part.TRAIN));
    assertEquals(10_000, Cifar10Split.NB101.size(Part.VALIDATION));
    assertEquals(50_000, Cifar10Split.REFERENCE.size(Part.TRAIN));
    assertEquals(10_000, Cifar10Split.REFERENCE.size(Part.TEST));
  }

  @Test
  void testBatchStartsWithTheKnownLabels() {
    CifarImages test = Cifar10.load(TestData.miniRoot(), Cifar10Split.MINI, Part.TEST);
    // Published fact about the official test batch: cat, ship, ship, airplane, frog, frog,
    // automobile, frog, cat,
    // automobile.
    assertArrayEquals(new byte[] {3, 8, 8, 0, 6, 6, 1, 6, 3, 1}, Arrays.copyOf(test.labels(), 10));
  }

  @Test
  void firstTrainingImageIsTheKnownFrog() {
    CifarImages train = Cifar10.load(TestData.miniRoot(), Cifar10Split.MINI, Part.TRAIN);
    // The well-known first images of data_batch_1: frog, truck, truck, deer, automobile,
    // automobile, bird,
    // horse, ship, cat; the first red pixels of image 0 are 59, 43, 50.
    assertArrayEquals(new byte[] {6, 9, 9, 4, 1, 1, 2, 7, 8, 3}, Arrays.copyOf(train.labels(), 10));
    assertEquals(59, train.pixel(0, 0, 0, 0));
    assertEquals(43, train.pixel(0, 0, 0, 1));
    assertEquals(50, train.pixel(0, 0, 0, 2));
    // Train = batches 1..4 in order: image 1017 is data_batch_2's first, a automobile (label 1).
    assertEquals(1, train.label(1017));
  }

  @Test
  void classCountsMatchAnIndependentCount() {
    // Counted from the raw files with numpy (np.bincount of every 3,073rd byte), not with this
    // code.
    DataRoot root = TestData.miniRoot();
    assertArrayEquals(
        new int[] {413, 427, 394, 402, 428, 379, 401, 411, 423, 390},
        Cifar10.load(root, Cifar10Split.MINI, Part.TRAIN).classCounts());
    assertArrayEquals(
        new int[] {104, 97, 96, 91, 109, 96, 102, 105, 106, 111},
        Cifar10.load(root, Cifar10Split.MINI, Part.VALIDATION).classCounts());
    assertArrayEquals(
        new int[] {105, 93, 100, 104, 92, 87, 114, 102, 110, 110},
        Cifar10.load(root, Cifar10Split.MINI, Part.TEST).classCounts());
  }

  @Test
  void sourcesCarryTheManifestChecksums() {
    CifarImages train = Cifar10.load(TestData.miniRoot(), Cifar10Split.MINI, Part.TRAIN);
    var entry = DatasetManifest.load().entry(DatasetManifest.CIFAR10_MINI_BIN);
    assertEquals(4, train.sources().size());
    for (int i = 0; i < 4; i++) {
      SourceFile s = train.sources().get(i);
      FileSpec spec = entry.file("data_batch_" + (i + 1) + ".bin").orElseThrow();
      assertTrue(s.path().endsWith("data_batch_" + (i + 1) + ".bin"), s.path());
      assertEquals(spec.sha256(), s.sha256());
      assertEquals(spec.bytes(), s.bytes());
      assertEquals(1017, s.records());
    }
  }

  @Test
  void missingFileSaysWhereAndHowToObtainIt(@TempDir Path empty) {
    MissingDataException e =
        assertThrows(
            MissingDataException.class,
            () -> Cifar10.load(DataRoot.of(empty), Cifar10Split.MINI, Part.TEST));
    String msg = e.getMessage();
    assertTrue(msg.contains(empty.resolve("cifar10-partial-bin/test_batch.bin").toString()), msg);
    assertTrue(msg.contains("3125241 bytes"), msg);
    assertTrue(
        msg.contains("c77ad46116beb3508f55d38aa34893560beae9515f9aca4a4dd0ea3617ac289e"), msg);
    assertTrue(msg.contains("data fetch"), msg);
    assertTrue(msg.contains("--data-root flag"), msg);
  }

  @Test
  void aFileWithTheWrongRecordCountForTheSplitIsRejected(@TempDir Path dir) throws Exception {
    java.nio.file.Files.createDirectories(dir.resolve("cifar-10-batches-bin"));
    Path test = dir.resolve("cifar-10-batches-bin/test_batch.bin");
    java.nio.file.Files.write(test, new byte[2 * 3073]);
    CifarFormatException e =
        assertThrows(
            CifarFormatException.class,
            () -> Cifar10.load(DataRoot.of(dir), Cifar10Split.NB101, Part.TEST));
    assertEquals(test + ": holds 2 records, but split nb101 needs 10,000 per file", e.getMessage());
    // REFERENCE evaluates on the test batch for both VALIDATION and TEST.
    assertEquals(
        Cifar10Split.REFERENCE.files(Part.TEST), Cifar10Split.REFERENCE.files(Part.VALIDATION));
    assertEquals(java.util.List.of("data_batch_5.bin"), Cifar10Split.NB101.files(Part.VALIDATION));
  }

  /**
   * A copy of the mini split's files in {@code dir}, with one bit of {@code damaged} flipped (null:
   * none).
   */
  static DataRoot miniCopy(Path dir, String damaged) throws Exception {
    DataRoot shared = TestData.miniRoot();
    Path folder = java.nio.file.Files.createDirectories(dir.resolve("cifar10-partial-bin"));
    for (String f :
        new String[] {
          "data_batch_1.bin",
          "data_batch_2.bin",
          "data_batch_3.bin",
          "data_batch_4.bin",
          "data_batch_5.bin",
          "test_batch.bin"
        }) {
      byte[] b = java.nio.file.Files.readAllBytes(shared.resolvePath("cifar10-partial-bin/" + f));
      if (f.equals(damaged)) {
        b[1_000_000] ^= 0x10; // a pixel of image 325: the size and the labels stay valid
      }
      java.nio.file.Files.write(folder.resolve(f), b);
    }
    return DataRoot.of(dir);
  }

  // issue 11, defect 6: a file whose SHA-256 differs from the manifest's is used without a word
  @Test
  void aFileThatDiffersFromTheManifestIsRefusedUnlessVerificationIsOff(@TempDir Path dir)
      throws Exception {
    DataRoot root = miniCopy(dir, "data_batch_2.bin");
    ChecksumMismatchException e =
        assertThrows(
            ChecksumMismatchException.class,
            () -> Cifar10.load(root, Cifar10Split.MINI, Part.TRAIN));
    String msg = e.getMessage();
    Path file = dir.resolve("cifar10-partial-bin/data_batch_2.bin");
    assertTrue(msg.startsWith(file.toString()), msg);
    assertTrue(
        msg.contains("57dc4e8db7ddc925938d1f2821ee0b499020fa077bedd98d88e6459c7cacb2ab"), msg);
    assertTrue(msg.contains(dev.nasrank.files.Checksums.sha256(file)), msg);
    assertTrue(msg.contains("--no-verify"), msg);
    assertEquals(
        4068, Cifar10.load(root.withVerification(false), Cifar10Split.MINI, Part.TRAIN).count());
    // the other parts are intact
    assertEquals(1017, Cifar10.load(root, Cifar10Split.MINI, Part.VALIDATION).count());
  }
}
