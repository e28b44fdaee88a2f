package dev.nasrank.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CifarImagesTest {

  private static CifarImages of(int n, int fill, String source) {
    byte[] pixels = new byte[n * 3072];
    java.util.Arrays.fill(pixels, (byte) fill);
    byte[] labels = new byte[n];
    for (int i = 0; i < n; i++) {
      labels[i] = (byte) ((i + fill) % 10);
    }
    return new CifarImages(n, pixels, labels, List.of(new SourceFile(source, n * 3073L, null, n)));
  }

  @Test
  void validatesShapesAndLabels() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new CifarImages(2, new byte[3072], new byte[2], List.of()));
    assertThrows(
        IllegalArgumentException.class,
        () -> new CifarImages(1, new byte[3072], new byte[2], List.of()));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new CifarImages(1, new byte[3072], new byte[] {12}, List.of()));
    assertEquals("image 0: label 12 is outside 0..9", e.getMessage());
  }

  @Test
  void concatAndFirstKeepOrderAndSources() {
    CifarImages a = of(2, 5, "a.bin");
    CifarImages b = of(3, 200, "b.bin");
    CifarImages ab = CifarImages.concat(List.of(a, b));
    assertEquals(5, ab.count());
    assertArrayEquals(new byte[] {5, 6, 0, 1, 2}, ab.labels());
    assertEquals(5, ab.pixel(1, 2, 31, 31));
    assertEquals(200, ab.pixel(2, 0, 0, 0));
    assertEquals(List.of("a.bin", "b.bin"), ab.sources().stream().map(SourceFile::path).toList());
    assertArrayEquals(new int[] {1, 1, 1, 0, 0, 1, 1, 0, 0, 0}, ab.classCounts());
    assertEquals(a.labels()[1], ab.first(2).labels()[1]);
    assertEquals(CifarImages.concat(List.of(a, b)), ab, "equality compares contents");
    assertNotEquals(CifarImages.concat(List.of(b, a)), ab);
    assertThrows(IllegalArgumentException.class, () -> ab.first(6));
  }
}
