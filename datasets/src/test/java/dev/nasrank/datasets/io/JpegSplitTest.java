package dev.nasrank.datasets.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nasrank.datasets.Cifar10;
import dev.nasrank.datasets.Cifar10Split;
import dev.nasrank.datasets.CifarFormatException;
import dev.nasrank.datasets.CifarImages;
import dev.nasrank.datasets.DataRoot;
import dev.nasrank.datasets.TestData;
import java.io.InputStream;
import java.util.Arrays;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** The {@code jpg} split over the real JPEG zip (skips where the shared data is absent). */
class JpegSplitTest {

  private static final String ZIP = "cifar10-jpg/cifar10-jpg.zip";

  @Test
  void validationPartIsTheLastThousandOfEachClassInterleavedAndChecked() throws Exception {
    DataRoot root = TestData.rootWith(ZIP);
    CifarImages v = Cifar10.load(root, Cifar10Split.JPG, Cifar10Split.Part.VALIDATION);
    assertEquals(10_000, v.count());
    assertEquals(10_000, Cifar10Split.JPG.size(Cifar10Split.Part.VALIDATION));
    int[] each = new int[10];
    Arrays.fill(each, 1000);
    assertArrayEquals(each, v.classCounts());
    for (int i = 0; i < 50; i++) {
      assertEquals(i % 10, v.label(i), "image " + i + " of the interleaved order");
    }
    // position 10r + c holds rank 4000 + r of class c: compare two with a direct decode
    try (ZipFile z = new ZipFile(root.require(ZIP).toFile())) {
      int[][] probes = {{0, 0}, {37, 3}}; // (r, c)
      for (int[] p : probes) {
        String name = "train/" + CifarImages.CLASS_NAMES.get(p[1]) + "/" + (4000 + p[0]) + ".jpg";
        byte[] jpeg;
        try (InputStream in = z.getInputStream(z.getEntry(name))) {
          jpeg = in.readAllBytes();
        }
        byte[] expected = CifarJpegReader.decode(jpeg, name);
        int at = 10 * p[0] + p[1];
        byte[] actual =
            Arrays.copyOfRange(
                v.pixels(), at * CifarImages.IMAGE_BYTES, (at + 1) * CifarImages.IMAGE_BYTES);
        assertArrayEquals(expected, actual, name);
      }
    }
    assertEquals(
        "f7625fc6a42ead0a462a6e36eb4b53cc89da86f36a0e011313c8c9a582622870",
        v.sources().get(0).sha256());
  }

  @Test
  void aSelectionBeyondAClassIsRefusedNamingTheClass() throws Exception {
    DataRoot root = TestData.rootWith(ZIP);
    CifarFormatException e =
        assertThrows(
            CifarFormatException.class,
            () -> CifarJpegReader.readZipInterleaved(root.require(ZIP), "test", 990, 1001));
    assertEquals(true, e.getMessage().contains("class airplane holds 1000 images"), e.getMessage());
  }
}
