package dev.nasrank.datasets.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Record;
import ai.djl.util.Progress;
import dev.nasrank.datasets.CifarImages;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * A DJL {@link RandomAccessDataset} view of a CIFAR-10 image set, for DJL's own training utilities
 * (samplers, {@code EasyTrain}). Each record is data {@code float32 (3, 32, 32)}, normalised, and a
 * {@code float32} scalar label (class index), like DJL's own Cifar10.
 *
 * <p>With augmentation on, the {@code k}-th access to image {@code i} uses the draw seeded by
 * (seed, i, k): when every image is read once per epoch, epoch {@code k} is repeatable whatever the
 * thread order. This view makes one NDArray per image; {@link CifarBatches} is the faster path that
 * makes one per batch.
 */
public final class CifarDataset extends RandomAccessDataset {

  private final CifarImages images;
  private final boolean augment;
  private final int cutout;
  private final long seed;
  private final AtomicIntegerArray accesses;

  private CifarDataset(Builder b) {
    super(b);
    this.images = b.images;
    this.augment = b.augment;
    this.cutout = b.cutout;
    this.seed = b.seed;
    this.accesses = new AtomicIntegerArray(b.images.count());
  }

  /** A builder; {@code setImages} and {@code setSampling} are required. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Record get(NDManager manager, long index) {
    int i = Math.toIntExact(index);
    CifarAugmentation.Draw draw = CifarAugmentation.Draw.IDENTITY;
    if (augment) {
      int k = accesses.getAndIncrement(i);
      draw =
          CifarAugmentation.Draw.random(new SplittableRandom(Seeds.derive(seed, i, k)), cutout > 0);
    }
    float[] data = new float[CifarImages.IMAGE_BYTES];
    CifarAugmentation.render(images.pixels(), i, draw, cutout, data, 0);
    NDArray x =
        manager.create(data, new Shape(CifarImages.CHANNELS, CifarImages.SIDE, CifarImages.SIDE));
    NDArray y = manager.create((float) images.label(i));
    return new Record(new NDList(x), new NDList(y));
  }

  @Override
  protected long availableSize() {
    return images.count();
  }

  @Override
  public void prepare(Progress progress) {
    // The images are already in memory.
  }

  /** Options of a {@link CifarDataset}. */
  public static final class Builder extends RandomAccessDataset.BaseBuilder<Builder> {
    private CifarImages images;
    private boolean augment;
    private int cutout = CifarAugmentation.CUTOUT;
    private long seed = 2020;

    private Builder() {}

    @Override
    protected Builder self() {
      return this;
    }

    /** The images (required). */
    public Builder setImages(CifarImages images) {
      this.images = Objects.requireNonNull(images, "images");
      return this;
    }

    /** Random crop + flip + Cutout (default false: normalisation only). */
    public Builder optAugment(boolean augment) {
      this.augment = augment;
      return this;
    }

    /** Side of the Cutout square when augmenting (default 16; 0 = none). */
    public Builder optCutout(int cutout) {
      this.cutout = cutout;
      return this;
    }

    /** Seed of the augmentation draws (default 2020). */
    public Builder optSeed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Validates and builds; names what is missing. */
    public CifarDataset build() {
      if (images == null) {
        throw new IllegalStateException("CifarDataset: setImages(...) is required");
      }
      if (sampler == null) {
        throw new IllegalStateException("CifarDataset: setSampling(...) is required");
      }
      if (cutout < 0 || cutout > CifarImages.SIDE) {
        throw new IllegalArgumentException(
            "cutout must be 0.." + CifarImages.SIDE + ", got " + cutout);
      }
      return new CifarDataset(this);
    }
  }
}
