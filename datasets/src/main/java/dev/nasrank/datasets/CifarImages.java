package dev.nasrank.datasets;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A set of CIFAR-10 images in the binary version's layout, held as one byte array for the whole
 * set.
 *
 * <p>Image {@code i} occupies {@code pixels[i*3072 .. i*3072+3071]}: 1,024 red, 1,024 green, then
 * 1,024 blue bytes, each plane row-major 32x32 (values 0..255 read unsigned). {@code labels[i]} is
 * the class index 0..9 in CIFAR-10 order ({@link #CLASS_NAMES}). Arrays are shared, not copied:
 * treat them as read-only. Equality compares the arrays by content.
 *
 * @param count number of images
 * @param pixels {@code count * 3072} bytes
 * @param labels {@code count} class indices 0..9
 * @param sources the files the images came from, in order
 */
public record CifarImages(int count, byte[] pixels, byte[] labels, List<SourceFile> sources) {

  /** Image side in pixels. */
  public static final int SIDE = 32;

  /** Colour channels. */
  public static final int CHANNELS = 3;

  /** Pixels of one channel plane. */
  public static final int PLANE = SIDE * SIDE;

  /** Bytes of one image. */
  public static final int IMAGE_BYTES = CHANNELS * PLANE;

  /** Number of classes. */
  public static final int CLASSES = 10;

  /** Class names in label order (CIFAR-10 batches.meta). */
  public static final List<String> CLASS_NAMES =
      List.of(
          "airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck");

  public CifarImages {
    Objects.requireNonNull(pixels, "pixels");
    Objects.requireNonNull(labels, "labels");
    sources = List.copyOf(Objects.requireNonNull(sources, "sources"));
    if (count < 0 || pixels.length != (long) count * IMAGE_BYTES || labels.length != count) {
      throw new IllegalArgumentException(
          "inconsistent image set: count "
              + count
              + ", "
              + pixels.length
              + " pixel bytes (expected "
              + (long) count * IMAGE_BYTES
              + "), "
              + labels.length
              + " labels");
    }
    for (int i = 0; i < count; i++) {
      if (labels[i] < 0 || labels[i] >= CLASSES) {
        throw new IllegalArgumentException(
            "image " + i + ": label " + labels[i] + " is outside 0..9");
      }
    }
  }

  /** Class index 0..9 of image {@code i}. */
  public int label(int i) {
    return labels[i];
  }

  /**
   * Pixel value 0..255 of image {@code i}, channel {@code c} (0 R, 1 G, 2 B), row {@code y}, column
   * {@code x}.
   */
  public int pixel(int i, int c, int y, int x) {
    return pixels[i * IMAGE_BYTES + c * PLANE + y * SIDE + x] & 0xFF;
  }

  /** Number of images of each class, indexed by label. */
  public int[] classCounts() {
    int[] counts = new int[CLASSES];
    for (byte label : labels) {
      counts[label]++;
    }
    return counts;
  }

  /** The first {@code n} images (copies of the prefixes; sources unchanged). */
  public CifarImages first(int n) {
    if (n < 0 || n > count) {
      throw new IllegalArgumentException("cannot take " + n + " of " + count + " images");
    }
    if (n == count) {
      return this;
    }
    return new CifarImages(
        n, Arrays.copyOf(pixels, n * IMAGE_BYTES), Arrays.copyOf(labels, n), sources);
  }

  /** Concatenation of image sets, in order. */
  public static CifarImages concat(List<CifarImages> parts) {
    int total = parts.stream().mapToInt(CifarImages::count).sum();
    byte[] pixels = new byte[Math.multiplyExact(total, IMAGE_BYTES)];
    byte[] labels = new byte[total];
    List<SourceFile> sources = new java.util.ArrayList<>();
    int at = 0;
    for (CifarImages p : parts) {
      System.arraycopy(p.pixels, 0, pixels, at * IMAGE_BYTES, p.count * IMAGE_BYTES);
      System.arraycopy(p.labels, 0, labels, at, p.count);
      sources.addAll(p.sources);
      at += p.count;
    }
    return new CifarImages(total, pixels, labels, sources);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CifarImages other
        && count == other.count
        && Arrays.equals(pixels, other.pixels)
        && Arrays.equals(labels, other.labels)
        && sources.equals(other.sources);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * count + Arrays.hashCode(labels)) + sources.hashCode();
  }

  @Override
  public String toString() {
    return "CifarImages[count=" + count + ", sources=" + sources + "]";
  }
}
