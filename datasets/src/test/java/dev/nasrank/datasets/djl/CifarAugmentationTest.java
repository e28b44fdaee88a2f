package dev.nasrank.datasets.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nasrank.datasets.CifarImages;
import dev.nasrank.datasets.djl.CifarAugmentation.Draw;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CifarAugmentationTest {

  /** One image with known values: R = 7y + x, G = 100 + x, B = 200 - y. */
  private static final byte[] IMAGE = new byte[CifarImages.IMAGE_BYTES];

  static {
    for (int y = 0; y < 32; y++) {
      for (int x = 0; x < 32; x++) {
        IMAGE[y * 32 + x] = (byte) (7 * y + x);
        IMAGE[1024 + y * 32 + x] = (byte) (100 + x);
        IMAGE[2048 + y * 32 + x] = (byte) (200 - y);
      }
    }
  }

  private static int value(int c, int y, int x) {
    return switch (c) {
      case 0 -> 7 * y + x;
      case 1 -> 100 + x;
      default -> 200 - y;
    };
  }

  private static double norm(int c, int v) {
    double[] mean = {0.4914, 0.4822, 0.4465};
    double[] std = {0.2470, 0.2435, 0.2616};
    return (v / 255.0 - mean[c]) / std[c];
  }

  private static float[] render(Draw d) {
    float[] out = new float[CifarImages.IMAGE_BYTES];
    CifarAugmentation.render(IMAGE, 0, d, 16, out, 0);
    return out;
  }

  private static float at(float[] out, int c, int y, int x) {
    return out[c * 1024 + y * 32 + x];
  }

  @Test
  void normalisationUsesTheReferenceConstants() {
    assertEquals((1 - 0.4914) / 0.2470, CifarAugmentation.normalise(0, 255), 1e-5);
    assertEquals(2.0591093, CifarAugmentation.normalise(0, 255), 1e-5);
    assertEquals(-0.4465 / 0.2616, CifarAugmentation.normalise(2, 0), 1e-5);
    assertEquals(-1.7068043, CifarAugmentation.normalise(2, 0), 1e-5);
    assertEquals((128 / 255.0 - 0.4822) / 0.2435, CifarAugmentation.normalise(1, 128), 1e-5);
  }

  @Test
  void identityNormalisesEveryPixel() {
    float[] out = render(Draw.IDENTITY);
    for (int c = 0; c < 3; c++) {
      for (int y = 0; y < 32; y++) {
        for (int x = 0; x < 32; x++) {
          assertEquals(norm(c, value(c, y, x)), at(out, c, y, x), 1e-5);
        }
      }
    }
  }

  @Test
  void cropShiftsWithZeroPadding() {
    float[] downRight = render(new Draw(0, 0, false, -1, -1)); // content moves 4 down, 4 right
    assertEquals(norm(0, 0), at(downRight, 0, 0, 0), 1e-5); // padding = byte 0, normalised
    assertEquals(norm(1, 0), at(downRight, 1, 3, 31), 1e-5);
    assertEquals(norm(2, 0), at(downRight, 2, 20, 3), 1e-5);
    assertEquals(norm(0, value(0, 0, 0)), at(downRight, 0, 4, 4), 1e-5);
    assertEquals(norm(0, value(0, 27, 27)), at(downRight, 0, 31, 31), 1e-5);
    float[] upLeft = render(new Draw(8, 8, false, -1, -1)); // content moves 4 up, 4 left
    assertEquals(norm(0, value(0, 4, 4)), at(upLeft, 0, 0, 0), 1e-5);
    assertEquals(norm(2, value(2, 31, 10)), at(upLeft, 2, 27, 6), 1e-5);
    assertEquals(norm(2, 0), at(upLeft, 2, 28, 0), 1e-5);
    assertEquals(norm(1, 0), at(upLeft, 1, 0, 28), 1e-5);
  }

  @Test
  void flipMirrorsTheCroppedImage() {
    float[] flipped = render(new Draw(4, 4, true, -1, -1));
    assertEquals(norm(0, value(0, 3, 31)), at(flipped, 0, 3, 0), 1e-5);
    assertEquals(norm(1, value(1, 9, 0)), at(flipped, 1, 9, 31), 1e-5);
    // Crop (left = 8: content moves left), then flip: output column x shows padded column 31 - x +
    // 8.
    float[] both = render(new Draw(4, 8, true, -1, -1));
    assertEquals(norm(0, 0), at(both, 0, 5, 0), 1e-5); // padded column 39 -> padding
    assertEquals(norm(0, value(0, 5, 31)), at(both, 0, 5, 4), 1e-5);
    assertEquals(norm(0, value(0, 5, 4)), at(both, 0, 5, 31), 1e-5);
  }

  @Test
  void cutoutZeroesAClippedSquareInAllChannels() {
    int[][] centres = {{8, 8}, {16, 20}, {0, 0}, {31, 31}, {3, 30}};
    int[] expectedZeros = {256, 256, 64, 81, 11 * 10};
    for (int k = 0; k < centres.length; k++) {
      int cy = centres[k][0];
      int cx = centres[k][1];
      float[] out = render(new Draw(4, 4, false, cy, cx));
      int zeros = 0;
      for (int y = 0; y < 32; y++) {
        for (int x = 0; x < 32; x++) {
          boolean inside = y >= cy - 8 && y < cy + 8 && x >= cx - 8 && x < cx + 8;
          for (int c = 0; c < 3; c++) {
            float expected = inside ? 0f : (float) norm(c, value(c, y, x));
            assertEquals(
                expected, at(out, c, y, x), 1e-5, "centre " + cy + "," + cx + " at " + y + "," + x);
          }
          zeros += inside ? 1 : 0;
        }
      }
      assertEquals(expectedZeros[k], zeros);
    }
  }

  /**
   * A naive implementation of pad, crop, flip, normalise, cutout on a 40x40 image, for comparison.
   */
  private static double[][][] naive(Draw d) {
    int[][][] padded = new int[3][40][40];
    for (int c = 0; c < 3; c++) {
      for (int y = 0; y < 32; y++) {
        for (int x = 0; x < 32; x++) {
          padded[c][y + 4][x + 4] = value(c, y, x);
        }
      }
    }
    double[][][] out = new double[3][32][32];
    for (int c = 0; c < 3; c++) {
      for (int y = 0; y < 32; y++) {
        for (int x = 0; x < 32; x++) {
          int cropped = padded[c][y + d.top()][(d.flip() ? 31 - x : x) + d.left()];
          boolean cut =
              d.cutoutY() >= 0
                  && Math.abs(y - d.cutoutY() + 0.5) <= 8
                  && Math.abs(x - d.cutoutX() + 0.5) <= 8;
          out[c][y][x] = cut ? 0 : norm(c, cropped);
        }
      }
    }
    return out;
  }

  @Test
  void randomDrawsMatchANaiveImplementation() {
    SplittableRandom rng = new SplittableRandom(42);
    int[] tops = new int[9];
    int flips = 0;
    for (int i = 0; i < 400; i++) {
      Draw d = Draw.random(rng, true);
      tops[d.top()]++;
      flips += d.flip() ? 1 : 0;
      float[] out = render(d);
      double[][][] ref = naive(d);
      for (int c = 0; c < 3; c++) {
        for (int y = 0; y < 32; y++) {
          for (int x = 0; x < 32; x++) {
            assertEquals(ref[c][y][x], at(out, c, y, x), 1e-5);
          }
        }
      }
    }
    for (int t : tops) {
      assertTrue(t > 20, "every crop offset 0..8 is drawn");
    }
    assertTrue(flips > 150 && flips < 250, "flip about half the time: " + flips);
  }

  @Test
  void drawValidatesItsRanges() {
    assertThrows(IllegalArgumentException.class, () -> new Draw(9, 0, false, -1, -1));
    assertThrows(IllegalArgumentException.class, () -> new Draw(0, 0, false, 3, -1));
    assertThrows(IllegalArgumentException.class, () -> new Draw(0, 0, false, 32, 0));
  }
}
