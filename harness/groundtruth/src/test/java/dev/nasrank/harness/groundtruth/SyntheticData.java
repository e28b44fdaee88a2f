package dev.nasrank.harness.groundtruth;

import dev.nasrank.harness.config.DataSplit;
import dev.nasrank.harness.config.NetworkShape;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Test fixture: a small, learnable 10-class image task. Class {@code k} images are Gaussian noise
 * (standard deviation 0.5) plus a class colour {@code 1.5 * (cos(2 pi k / 10), sin(2 pi k / 10),
 * +-1)} on every pixel, so the classes stay separable after global average pooling and a tiny net
 * learns them in a few steps.
 */
final class SyntheticData {
  private SyntheticData() {}

  /** Images as normalised CHW floats with their labels. */
  record Part(float[][] images, int[] labels) {}

  static Part part(int n, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    float[][] images = new float[n][];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      int k = i % 10;
      float[] img = new float[3072];
      for (int p = 0; p < img.length; p++) {
        img[p] = (float) (rnd.nextGaussian() * 0.5);
      }
      float[] colour = {
        (float) (1.5 * Math.cos(2 * Math.PI * k / 10)),
        (float) (1.5 * Math.sin(2 * Math.PI * k / 10)),
        k % 2 == 0 ? 1.5f : -1.5f
      };
      for (int p = 0; p < img.length; p++) {
        img[p] += colour[p / 1024];
      }
      images[i] = img;
      labels[i] = k;
    }
    return new Part(images, labels);
  }

  /** Train / validation / test parts of {@code perPart} images each; training unaugmented. */
  static GroundTruthData data(int perPart, int batch) {
    Part train = part(perPart, 1);
    Part val = part(perPart, 2);
    Part test = part(perPart, 3);
    return new GroundTruthData(
        DataSplit.SYNTHETIC,
        seed -> new ArrayBatches(train.images(), train.labels(), batch, seed, true, false),
        new ArrayBatches(train.images(), train.labels(), 64, 0, false, false),
        new ArrayBatches(val.images(), val.labels(), 64, 0, false, false),
        new ArrayBatches(test.images(), test.labels(), 64, 0, false, false),
        Map.of("synthetic.bin", "0".repeat(64)));
  }

  /** A tiny profile: C = 8, one stack of one cell, 2 epochs. */
  static Profile tinyProfile(int epochs) {
    return new Profile(
        "tiny",
        new NetworkShape(8, 1, 1, 10),
        DataSplit.SYNTHETIC,
        epochs,
        16,
        64,
        1_000_000,
        0.1,
        0.9,
        1e-4,
        0,
        0.9,
        false,
        java.util.List.of(11L, 12L, 13L));
  }
}
