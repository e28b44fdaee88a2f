package dev.nasrank.datasets.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Batch;
import ai.djl.translate.Batchifier;
import dev.nasrank.datasets.BatchSource;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/**
 * A learnable synthetic image set for benchmarks, smoke runs and tests (not CIFAR-10): image i has
 * label i mod {@code classes}; its pixels are Gaussian noise (sd 1) plus a per-class offset per
 * channel. Batches are a pure function of (seed, epoch, batch index); the order is shuffled per
 * epoch.
 */
public final class SyntheticBatches implements BatchSource {

  private final int size;
  private final int batchSize;
  private final int classes;
  private final long seed;

  /**
   * @param size images per epoch
   * @param batchSize images per batch (the last batch may be smaller)
   * @param classes number of classes
   * @param seed seed of noise and order
   */
  public SyntheticBatches(int size, int batchSize, int classes, long seed) {
    if (size < 1 || batchSize < 1 || classes < 2) {
      throw new IllegalArgumentException(
          "bad synthetic source: size " + size + ", batch " + batchSize + ", classes " + classes);
    }
    this.size = size;
    this.batchSize = batchSize;
    this.classes = classes;
    this.seed = seed;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public int batchesPerEpoch() {
    return (size + batchSize - 1) / batchSize;
  }

  /** Sizes, batch size, classes and seed. */
  @Override
  public Map<String, String> identity() {
    Map<String, String> m = BatchSource.super.identity();
    m.put("batch-size", Integer.toString(batchSize));
    m.put("classes", Integer.toString(classes));
    m.put("data-seed", Long.toString(seed));
    m.put("data", "synthetic");
    return m;
  }

  @Override
  public Iterator<Batch> epoch(NDManager manager, int epoch) {
    int[] order = new int[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    SplittableRandom shuffle = new SplittableRandom(seed * 1_000_003L + epoch);
    for (int i = size - 1; i > 0; i--) {
      int j = shuffle.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return new Iterator<>() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < batchesPerEpoch();
      }

      @Override
      public Batch next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        int b = next++;
        int from = b * batchSize;
        int n = Math.min(batchSize, size - from);
        float[] data = new float[n * 3 * 32 * 32];
        float[] labels = new float[n];
        for (int k = 0; k < n; k++) {
          int img = order[from + k];
          int label = img % classes;
          labels[k] = label;
          SplittableRandom px =
              new SplittableRandom(seed ^ (img * 0x9E3779B97F4A7C15L) ^ ((long) epoch << 40));
          for (int c = 0; c < 3; c++) {
            float offset = (float) Math.sin(1.7 * label + 2.1 * c);
            int base = (k * 3 + c) * 1024;
            for (int p = 0; p < 1024; p++) {
              data[base + p] = offset + (float) nextGaussian(px);
            }
          }
        }
        NDManager bm = manager.newSubManager();
        NDArray x = bm.create(data, new Shape(n, 3, 32, 32));
        NDArray y = bm.create(labels, new Shape(n));
        return new Batch(
            bm,
            new NDList(x),
            new NDList(y),
            n,
            Batchifier.STACK,
            Batchifier.STACK,
            b,
            batchesPerEpoch());
      }
    };
  }

  private static double nextGaussian(SplittableRandom r) {
    // Box-Muller; one value per call keeps the generator a pure function of the image.
    double u = 1.0 - r.nextDouble();
    double v = r.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
