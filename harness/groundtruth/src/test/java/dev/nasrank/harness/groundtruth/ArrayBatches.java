package dev.nasrank.harness.groundtruth;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Batch;
import ai.djl.translate.Batchifier;
import dev.nasrank.datasets.BatchSource;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/**
 * Test fixture: a {@link BatchSource} over images held in memory as normalised CHW floats,
 * optionally shuffled and augmented (4-pixel zero-padded random crop + horizontal flip) as a pure
 * function of seed and epoch.
 */
final class ArrayBatches implements BatchSource {
  private final float[][] images;
  private final int[] labels;
  private final int batchSize;
  private final long seed;
  private final boolean shuffle;
  private final boolean augment;

  ArrayBatches(
      float[][] images, int[] labels, int batchSize, long seed, boolean shuffle, boolean augment) {
    this.images = images;
    this.labels = labels;
    this.batchSize = batchSize;
    this.seed = seed;
    this.shuffle = shuffle;
    this.augment = augment;
  }

  @Override
  public int size() {
    return images.length;
  }

  @Override
  public int batchesPerEpoch() {
    return (images.length + batchSize - 1) / batchSize;
  }

  @Override
  public Iterator<Batch> epoch(NDManager manager, int epoch) {
    SplittableRandom rnd = new SplittableRandom(seed * 1_000_003L + epoch);
    int[] order = new int[images.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    if (shuffle) {
      for (int i = order.length - 1; i > 0; i--) {
        int j = rnd.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
    }
    return new Iterator<>() {
      int next = 0;

      @Override
      public boolean hasNext() {
        return next < order.length;
      }

      @Override
      public Batch next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        int n = Math.min(batchSize, order.length - next);
        float[] x = new float[n * 3072];
        float[] y = new float[n];
        for (int b = 0; b < n; b++) {
          int idx = order[next + b];
          y[b] = labels[idx];
          if (augment) {
            int dx = rnd.nextInt(9) - 4;
            int dy = rnd.nextInt(9) - 4;
            boolean flip = rnd.nextBoolean();
            crop(images[idx], x, b * 3072, dx, dy, flip);
          } else {
            System.arraycopy(images[idx], 0, x, b * 3072, 3072);
          }
        }
        next += n;
        NDManager m = manager.newSubManager();
        NDArray data = m.create(x, new Shape(n, 3, 32, 32));
        NDArray lab = m.create(y, new Shape(n));
        return new Batch(
            m,
            new NDList(data),
            new NDList(lab),
            n,
            Batchifier.STACK,
            Batchifier.STACK,
            next,
            order.length);
      }
    };
  }

  private static void crop(float[] src, float[] dst, int off, int dx, int dy, boolean flip) {
    for (int c = 0; c < 3; c++) {
      for (int r = 0; r < 32; r++) {
        int sr = r + dy;
        for (int col = 0; col < 32; col++) {
          int sc = (flip ? 31 - col : col) + dx;
          float v = (sr < 0 || sr >= 32 || sc < 0 || sc >= 32) ? 0f : src[c * 1024 + sr * 32 + sc];
          dst[off + c * 1024 + r * 32 + col] = v;
        }
      }
    }
  }
}
