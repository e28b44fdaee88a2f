package dev.nasrank.datasets.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nasrank.datasets.Cifar10;
import dev.nasrank.datasets.Cifar10Split;
import dev.nasrank.datasets.CifarFormatException;
import dev.nasrank.datasets.CifarImages;
import dev.nasrank.datasets.DataRoot;
import dev.nasrank.datasets.TestData;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CifarJpegReaderTest {

  private static final String ZIP = "cifar10-jpg/cifar10-jpg.zip";

  /** Mean absolute difference over the 3,072 bytes of two images. */
  private static double meanAbsDiff(CifarImages a, int i, CifarImages b, int j) {
    long sum = 0;
    for (int p = 0; p < CifarImages.IMAGE_BYTES; p++) {
      sum += Math.abs((a.pixels()[i * 3072 + p] & 0xFF) - (b.pixels()[j * 3072 + p] & 0xFF));
    }
    return sum / 3072.0;
  }

  @Test
  void zipImagesMatchTheBinaryBatchWithinJpegTolerance() throws Exception {
    DataRoot root = TestData.rootWith(ZIP);
    TestData.miniRoot();
    CifarImages jpg = CifarJpegReader.readZip(root.require(ZIP), "test", 2);
    CifarImages bin = Cifar10.load(root, Cifar10Split.MINI, Cifar10Split.Part.TEST);
    assertEquals(20, jpg.count());
    assertArrayEquals(new int[] {2, 2, 2, 2, 2, 2, 2, 2, 2, 2}, jpg.classCounts());
    // test/cat/0000.jpg is the first cat of the test batch, which is test image 0 (label 3);
    // test/cat/0001.jpg
    // is test image 8, the next cat; test/ship/0000.jpg is test image 1. Reader order is
    // class-major: the cats
    // are images 6 and 7, the first ship image 16. Each must be the nearest of all 1,017 binary
    // test images,
    // and close in absolute terms (JPEG quality 75 with chroma subsampling costs a few levels per
    // byte).
    int[][] pairs = {{6, 0}, {7, 8}, {16, 1}};
    for (int[] pair : pairs) {
      assertEquals(bin.label(pair[1]), jpg.label(pair[0]));
      double best = Double.MAX_VALUE;
      double second = Double.MAX_VALUE;
      int nearest = -1;
      for (int j = 0; j < bin.count(); j++) {
        double d = meanAbsDiff(jpg, pair[0], bin, j);
        if (d < best) {
          second = best;
          best = d;
          nearest = j;
        } else if (d < second) {
          second = d;
        }
      }
      assertEquals(pair[1], nearest, "nearest binary image to jpg image " + pair[0]);
      assertTrue(best < 10, "mean |diff| " + best);
      assertTrue(second > 3 * best, "runner-up " + second + " vs " + best);
    }
    assertEquals(root.require(ZIP).toString(), jpg.sources().get(0).path());
    assertEquals(
        "f7625fc6a42ead0a462a6e36eb4b53cc89da86f36a0e011313c8c9a582622870",
        jpg.sources().get(0).sha256());
  }

  @Test
  void readsAFolderTreeAndRejectsUnknownClasses(@TempDir Path dir) throws Exception {
    BufferedImage img = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 32; y++) {
      for (int x = 0; x < 32; x++) {
        img.setRGB(x, y, 0x808080);
      }
    }
    img.setRGB(0, 0, 0xFFFFFF);
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(
        img, "png", png); // lossless, so values are exact; the reader decodes any ImageIO format
    Files.createDirectories(dir.resolve("train/truck"));
    Files.createDirectories(dir.resolve("train/bird"));
    Files.write(dir.resolve("train/truck/0000.jpg"), png.toByteArray());
    Files.write(dir.resolve("train/bird/0003.jpg"), png.toByteArray());
    CifarImages images = CifarJpegReader.readFolder(dir, "train", Integer.MAX_VALUE);
    assertEquals(2, images.count());
    assertArrayEquals(new byte[] {2, 9}, images.labels());
    assertEquals(255, images.pixel(1, 2, 0, 0));
    assertEquals(128, images.pixel(1, 0, 5, 7));

    Files.createDirectories(dir.resolve("train/zebra"));
    Files.write(dir.resolve("train/zebra/0000.jpg"), png.toByteArray());
    CifarFormatException e =
        assertThrows(CifarFormatException.class, () -> CifarJpegReader.readFolder(dir, "train", 1));
    assertTrue(e.getMessage().contains("'zebra'"), e.getMessage());
  }

  @Test
  void rejectsImagesOfTheWrongSize() throws Exception {
    BufferedImage img = new BufferedImage(16, 32, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(img, "png", png);
    CifarFormatException e =
        assertThrows(
            CifarFormatException.class, () -> CifarJpegReader.decode(png.toByteArray(), "x.jpg"));
    assertEquals("x.jpg: image is 16x32, expected 32x32", e.getMessage());
    assertThrows(
        CifarFormatException.class, () -> CifarJpegReader.decode(new byte[] {1, 2, 3}, "junk.jpg"));
  }
}
