package dev.nasrank.datasets.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Batch;
import ai.djl.translate.Batchifier;
import dev.nasrank.datasets.BatchSource;
import dev.nasrank.datasets.CifarImages;
import dev.nasrank.datasets.SourceFile;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Seeded mini-batches of a CIFAR-10 image set: shuffling, the reference augmentation ({@link
 * CifarAugmentation}) and normalisation in plain Java into one {@code float[]} per batch, then one
 * {@code NDArray} for the data {@code float32 (N, 3, 32, 32)} and one for the labels {@code float32
 * (N)} (class indices 0..9 as floats, like DJL's own Cifar10; they work with {@code
 * SoftmaxCrossEntropyLoss} and {@code Accuracy}).
 *
 * <p>Epoch {@code e}'s order is a shuffle seeded by (seed, e); the augmentation of batch {@code b}
 * is drawn from a generator seeded by (seed, e, b). So an epoch is a pure function of (seed, epoch,
 * batch size, the options), independent of which batches were taken before.
 */
public final class CifarBatches implements BatchSource {

  private final CifarImages images;
  private final int count;
  private final int batchSize;
  private final boolean augment;
  private final int cutout;
  private final boolean shuffle;
  private final long seed;
  private final boolean dropLast;

  private CifarBatches(Builder b) {
    this.images = b.images;
    this.count = Math.min(b.limit, b.images.count());
    this.batchSize = b.batchSize;
    this.augment = b.augment;
    this.cutout = b.cutout;
    this.shuffle = b.shuffle;
    this.seed = b.seed;
    this.dropLast = b.dropLast;
  }

  /**
   * A builder over an image set; defaults: batch 96, augment on, Cutout 16, shuffle on, seed 2020.
   */
  public static Builder builder(CifarImages images) {
    return new Builder(images);
  }

  @Override
  public int size() {
    return count;
  }

  @Override
  public int batchesPerEpoch() {
    return dropLast ? count / batchSize : (count + batchSize - 1) / batchSize;
  }

  /** Images per full batch. */
  public int batchSize() {
    return batchSize;
  }

  /**
   * Sizes, batch size, augmentation, Cutout, shuffling, seed, whether the last short batch is
   * dropped, and the SHA-256 of every file the images came from (by file name).
   */
  @Override
  public Map<String, String> identity() {
    Map<String, String> m = BatchSource.super.identity();
    m.put("batch-size", Integer.toString(batchSize));
    m.put("augment", Boolean.toString(augment));
    m.put("cutout", Integer.toString(augment ? cutout : 0));
    m.put("shuffle", Boolean.toString(shuffle));
    m.put("data-seed", Long.toString(seed));
    m.put("drop-last", Boolean.toString(dropLast));
    for (SourceFile f : images.sources()) {
      m.put("data " + Path.of(f.path()).getFileName(), f.sha256() == null ? "unknown" : f.sha256());
    }
    return m;
  }

  /** The image set batched. */
  public CifarImages images() {
    return images;
  }

  @Override
  public Iterator<Batch> epoch(NDManager manager, int epoch) {
    Objects.requireNonNull(manager, "manager");
    EpochPlan plan = plan(epoch);
    return new Iterator<>() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < plan.batches();
      }

      @Override
      public Batch next() {
        if (!hasNext()) {
          throw new NoSuchElementException(
              "epoch " + epoch + " has " + plan.batches() + " batches");
        }
        return plan.batch(manager, next++);
      }
    };
  }

  /**
   * The order and augmentation seeds of one epoch; batches can be rendered in any order, from any
   * thread.
   */
  public EpochPlan plan(int epoch) {
    if (epoch < 0) {
      throw new IllegalArgumentException("epoch must be >= 0, got " + epoch);
    }
    int[] order = new int[count];
    for (int i = 0; i < count; i++) {
      order[i] = i;
    }
    if (shuffle) {
      SplittableRandom rng = new SplittableRandom(Seeds.derive(seed, epoch, -1));
      for (int i = count - 1; i > 0; i--) {
        int j = rng.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
    }
    return new EpochPlan(epoch, order);
  }

  /** One epoch of a {@link CifarBatches}: the image order and per-batch rendering. */
  public final class EpochPlan {
    private final int epoch;
    private final int[] order;

    private EpochPlan(int epoch, int[] order) {
      this.epoch = epoch;
      this.order = order;
    }

    /** Number of batches. */
    public int batches() {
      return batchesPerEpoch();
    }

    /** Images in batch {@code b} (the last one may be short unless dropLast). */
    public int batchLength(int b) {
      if (b < 0 || b >= batches()) {
        throw new IndexOutOfBoundsException("batch " + b + " of " + batches());
      }
      return Math.min(batchSize, count - b * batchSize);
    }

    /** Index, in the image set, of the image at position {@code p} of this epoch. */
    public int imageAt(int p) {
      return order[p];
    }

    /**
     * Renders batch {@code b} into {@code data} (CHW float32, {@code batchLength(b) * 3072} values
     * used) and {@code labels}; returns the number of images.
     */
    public int fill(int b, float[] data, float[] labels) {
      int n = batchLength(b);
      SplittableRandom rng = new SplittableRandom(Seeds.derive(seed, epoch, b));
      byte[] pixels = images.pixels();
      for (int j = 0; j < n; j++) {
        int idx = order[b * batchSize + j];
        CifarAugmentation.Draw draw =
            augment
                ? CifarAugmentation.Draw.random(rng, cutout > 0)
                : CifarAugmentation.Draw.IDENTITY;
        CifarAugmentation.render(pixels, idx, draw, cutout, data, j * CifarImages.IMAGE_BYTES);
        labels[j] = images.label(idx);
      }
      return n;
    }

    /**
     * Batch {@code b} as NDArrays on a new sub-manager of {@code manager}, owned (and closed) by
     * the batch.
     */
    public Batch batch(NDManager manager, int b) {
      int n = batchLength(b);
      float[] data = new float[n * CifarImages.IMAGE_BYTES];
      float[] labels = new float[n];
      fill(b, data, labels);
      NDManager sub = manager.newSubManager();
      NDArray x =
          sub.create(data, new Shape(n, CifarImages.CHANNELS, CifarImages.SIDE, CifarImages.SIDE));
      NDArray y = sub.create(labels, new Shape(n));
      return new Batch(
          sub, new NDList(x), new NDList(y), n, Batchifier.STACK, Batchifier.STACK, b, batches());
    }
  }

  /** Options of a {@link CifarBatches}. */
  public static final class Builder {
    private final CifarImages images;
    private int batchSize = 96;
    private boolean augment = true;
    private int cutout = CifarAugmentation.CUTOUT;
    private boolean shuffle = true;
    private long seed = 2020;
    private boolean dropLast;
    private int limit = Integer.MAX_VALUE;

    private Builder(CifarImages images) {
      this.images = Objects.requireNonNull(images, "images");
    }

    /** Images per batch (default 96, the MixPath reference). */
    public Builder optBatchSize(int batchSize) {
      this.batchSize = batchSize;
      return this;
    }

    /** Random crop + flip + Cutout (default true); false = normalisation only, for evaluation. */
    public Builder optAugment(boolean augment) {
      this.augment = augment;
      return this;
    }

    /** Side of the Cutout square in pixels when augmenting (default 16; 0 = no Cutout). */
    public Builder optCutout(int cutout) {
      this.cutout = cutout;
      return this;
    }

    /** Shuffle each epoch (default true); false keeps the image set's order. */
    public Builder optShuffle(boolean shuffle) {
      this.shuffle = shuffle;
      return this;
    }

    /** Seed of shuffling and augmentation (default 2020, the MixPath reference seed). */
    public Builder optSeed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Drop a last, short batch (default false). */
    public Builder optDropLast(boolean dropLast) {
      this.dropLast = dropLast;
      return this;
    }

    /** Use only the first {@code images} images of the set (default all). */
    public Builder optLimit(int images) {
      this.limit = images;
      return this;
    }

    /** Validates the options and builds. */
    public CifarBatches build() {
      if (batchSize <= 0) {
        throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
      }
      if (limit <= 0) {
        throw new IllegalArgumentException("limit must be positive, got " + limit);
      }
      if (cutout < 0 || cutout > CifarImages.SIDE) {
        throw new IllegalArgumentException(
            "cutout must be 0.." + CifarImages.SIDE + ", got " + cutout);
      }
      if (images.count() == 0) {
        throw new IllegalArgumentException("no images to batch");
      }
      int n = Math.min(limit, images.count());
      if (dropLast && n < batchSize) {
        throw new IllegalArgumentException(
            "dropLast with " + n + " images and batch size " + batchSize + " yields no batch");
      }
      return new CifarBatches(this);
    }
  }
}
