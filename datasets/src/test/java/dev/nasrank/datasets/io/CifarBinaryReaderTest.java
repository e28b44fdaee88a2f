package dev.nasrank.datasets.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nasrank.datasets.CifarFormatException;
import dev.nasrank.datasets.CifarImages;
import dev.nasrank.datasets.TestData;
import dev.nasrank.files.Checksums;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CifarBinaryReaderTest {

  @Test
  void readsRecordsInTheBinaryLayout(@TempDir Path dir) throws Exception {
    byte[] file = new byte[2 * 3073];
    file[0] = 7;
    file[1] = (byte) 200; // image 0, R(0,0)
    file[1 + 1024 + 33] = 17; // image 0, G(1,1)
    file[3073] = 2;
    file[3073 + 1 + 2048 + 1023] = (byte) 255; // image 1, B(31,31)
    Path p = dir.resolve("two.bin");
    Files.write(p, file);
    CifarImages images = CifarBinaryReader.read(p);
    assertEquals(2, images.count());
    assertArrayEquals(new byte[] {7, 2}, images.labels());
    assertEquals(200, images.pixel(0, 0, 0, 0));
    assertEquals(17, images.pixel(0, 1, 1, 1));
    assertEquals(255, images.pixel(1, 2, 31, 31));
    assertEquals(Checksums.sha256(p), images.sources().get(0).sha256());
    CifarImages first = CifarBinaryReader.read(p, 1);
    assertEquals(1, first.count());
    assertEquals(
        Checksums.sha256(p), first.sources().get(0).sha256(), "the digest covers the whole file");
  }

  @Test
  void wrongSizeNamesTheFileAndItsSize(@TempDir Path dir) throws Exception {
    Path p = dir.resolve("cut.bin");
    Files.write(p, new byte[3073 * 3 + 100]);
    CifarFormatException e =
        assertThrows(CifarFormatException.class, () -> CifarBinaryReader.read(p));
    assertTrue(e.getMessage().startsWith(p + ": size 9,319 bytes"), e.getMessage());
    assertTrue(e.getMessage().contains("3 records + 100 bytes"), e.getMessage());
    Path empty = dir.resolve("empty.bin");
    Files.write(empty, new byte[0]);
    assertThrows(CifarFormatException.class, () -> CifarBinaryReader.read(empty));
  }

  @Test
  void badLabelNamesTheRecordAndOffset(@TempDir Path dir) throws Exception {
    byte[] file = new byte[3 * 3073];
    file[2 * 3073] = 10;
    Path p = dir.resolve("label.bin");
    Files.write(p, file);
    CifarFormatException e =
        assertThrows(CifarFormatException.class, () -> CifarBinaryReader.read(p));
    assertEquals(p + ": record 2 at byte offset 6146 has label 10, expected 0..9", e.getMessage());
  }

  @Test
  void eachMiniFileHolds1017Records() throws Exception {
    for (String f : new String[] {"data_batch_1.bin", "data_batch_5.bin", "test_batch.bin"}) {
      Path p = TestData.rootWith("cifar10-partial-bin/" + f).require("cifar10-partial-bin/" + f);
      assertEquals(1017, CifarBinaryReader.read(p).count(), f);
    }
  }

  // issue 11, defect 15: a 0-byte file "is not a whole number of records (0 records + 0 bytes)"
  @Test
  void anEmptyFileIsCalledEmpty(@TempDir Path dir) throws Exception {
    Path p = dir.resolve("data_batch_1.bin");
    java.nio.file.Files.write(p, new byte[0]);
    CifarFormatException e =
        assertThrows(CifarFormatException.class, () -> CifarBinaryReader.read(p));
    assertEquals(
        p
            + ": empty file (0 bytes); expected the binary version's layout, a whole number of 3,073-byte "
            + "CIFAR-10 records (1 label byte + 3,072 pixel bytes per image)",
        e.getMessage());
  }
}
