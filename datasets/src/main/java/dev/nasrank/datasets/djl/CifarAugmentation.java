package dev.nasrank.datasets.djl;

import dev.nasrank.datasets.CifarImages;
import java.util.SplittableRandom;

/**
 * The CIFAR-10 training transform of the MixPath / DARTS reference code, in plain Java on primitive
 * arrays: random crop of 32x32 from the image zero-padded by 4 pixels, horizontal flip with
 * probability 1/2, conversion to [0,1] and per-channel normalisation, then Cutout (a square zeroed,
 * in normalised units, at a uniformly random centre, clipped at the borders).
 *
 * <p>Padding is applied to the raw pixels, so a padded pixel of channel c becomes {@code (0 -
 * mean[c]) / std[c]} after normalisation, while Cutout sets values to exactly 0 after normalisation
 * (the reference order: crop, flip, to-tensor, normalise, cutout).
 */
public final class CifarAugmentation {

  /** Per-channel mean (R, G, B) of the CIFAR-10 training set in [0,1] units. */
  public static final float[] MEAN = {0.4914f, 0.4822f, 0.4465f};

  /** Per-channel standard deviation (R, G, B) used by the reference normalisation. */
  public static final float[] STD = {0.2470f, 0.2435f, 0.2616f};

  /** Zero padding, in pixels, around the image before the random crop. */
  public static final int PAD = 4;

  /** Side of the Cutout square in the reference, in pixels. */
  public static final int CUTOUT = 16;

  private static final int SIDE = CifarImages.SIDE;
  private static final int PLANE = CifarImages.PLANE;

  /** NORMALISED[c][v] = (v / 255 - MEAN[c]) / STD[c] for a byte value v. */
  private static final float[][] NORMALISED = new float[3][256];

  static {
    for (int c = 0; c < 3; c++) {
      for (int v = 0; v < 256; v++) {
        NORMALISED[c][v] = (v / 255f - MEAN[c]) / STD[c];
      }
    }
  }

  private CifarAugmentation() {}

  /**
   * The random choices for one image.
   *
   * @param top crop offset in the padded image, 0..8 ({@value #PAD} = no shift)
   * @param left crop offset in the padded image, 0..8
   * @param flip whether the cropped image is mirrored left-right
   * @param cutoutY centre row of the Cutout square, 0..31, or -1 for none
   * @param cutoutX centre column of the Cutout square, 0..31, or -1 for none
   */
  public record Draw(int top, int left, boolean flip, int cutoutY, int cutoutX) {

    /** No augmentation: normalisation only (evaluation). */
    public static final Draw IDENTITY = new Draw(PAD, PAD, false, -1, -1);

    public Draw {
      if (top < 0 || top > 2 * PAD || left < 0 || left > 2 * PAD) {
        throw new IllegalArgumentException(
            "crop offset (" + top + ", " + left + ") outside 0.." + 2 * PAD);
      }
      if ((cutoutY < 0) != (cutoutX < 0) || cutoutY >= SIDE || cutoutX >= SIDE) {
        throw new IllegalArgumentException(
            "cutout centre (" + cutoutY + ", " + cutoutX + ") invalid");
      }
    }

    /**
     * Random choices: crop offsets uniform in 0..8, flip with probability 1/2, Cutout centre
     * uniform.
     */
    public static Draw random(SplittableRandom rng, boolean cutout) {
      int top = rng.nextInt(2 * PAD + 1);
      int left = rng.nextInt(2 * PAD + 1);
      boolean flip = rng.nextBoolean();
      if (!cutout) {
        return new Draw(top, left, flip, -1, -1);
      }
      return new Draw(top, left, flip, rng.nextInt(SIDE), rng.nextInt(SIDE));
    }
  }

  /** The normalised value of byte value {@code v} (0..255) in channel {@code c}. */
  public static float normalise(int c, int v) {
    return NORMALISED[c][v];
  }

  /**
   * Writes image {@code image} of {@code pixels} (binary layout) into {@code out[offset .. offset +
   * 3072)} as CHW float32, transformed by {@code draw}.
   *
   * @param cutoutSize side of the Cutout square (ignored when the draw has no Cutout centre)
   */
  public static void render(
      byte[] pixels, int image, Draw draw, int cutoutSize, float[] out, int offset) {
    int src = image * CifarImages.IMAGE_BYTES;
    int dy = draw.top() - PAD;
    int dx = draw.left() - PAD;
    boolean flip = draw.flip();
    for (int c = 0; c < 3; c++) {
      float[] lut = NORMALISED[c];
      float pad = lut[0];
      int plane = src + c * PLANE;
      int dst = offset + c * PLANE;
      for (int y = 0; y < SIDE; y++) {
        int sy = y + dy;
        int row = dst + y * SIDE;
        if (sy < 0 || sy >= SIDE) {
          java.util.Arrays.fill(out, row, row + SIDE, pad);
          continue;
        }
        int srcRow = plane + sy * SIDE;
        // Output columns [x0, x1) come from the image, the rest from the padding.
        int x0;
        int x1;
        if (flip) {
          x0 = Math.max(0, dx);
          x1 = Math.min(SIDE, SIDE + dx);
          for (int x = x0; x < x1; x++) {
            out[row + x] = lut[pixels[srcRow + SIDE - 1 - x + dx] & 0xFF];
          }
        } else {
          x0 = Math.max(0, -dx);
          x1 = Math.min(SIDE, SIDE - dx);
          for (int x = x0; x < x1; x++) {
            out[row + x] = lut[pixels[srcRow + x + dx] & 0xFF];
          }
        }
        java.util.Arrays.fill(out, row, row + x0, pad);
        java.util.Arrays.fill(out, row + x1, row + SIDE, pad);
      }
    }
    if (draw.cutoutY() >= 0 && cutoutSize > 0) {
      cutout(out, offset, draw.cutoutY(), draw.cutoutX(), cutoutSize);
    }
  }

  /**
   * Zeroes, in all 3 channels, rows {@code [cy - size/2, cy + size/2)} and the same columns around
   * {@code cx}, clipped to the image.
   */
  public static void cutout(float[] out, int offset, int cy, int cx, int size) {
    int y1 = Math.max(0, cy - size / 2);
    int y2 = Math.min(SIDE, cy + size / 2);
    int x1 = Math.max(0, cx - size / 2);
    int x2 = Math.min(SIDE, cx + size / 2);
    for (int c = 0; c < 3; c++) {
      for (int y = y1; y < y2; y++) {
        int row = offset + c * PLANE + y * SIDE;
        java.util.Arrays.fill(out, row + x1, row + x2, 0f);
      }
    }
  }
}
