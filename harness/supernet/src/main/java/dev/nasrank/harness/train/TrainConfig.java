package dev.nasrank.harness.train;

import dev.nasrank.harness.config.Optimizer;
import dev.nasrank.harness.config.Seeds;
import dev.nasrank.harness.supernet.SupernetConfig;

/**
 * Everything a supernet training run needs besides the data. Assembled with {@link #builder}
 * (defaults: the reference code's optimizer {@link Optimizer#MIXPATH_REFERENCE}, {@value
 * #DEFAULT_EPOCHS} epochs, seed {@link Seeds#DEFAULT}, the auto device, no step cap, no resume).
 *
 * @param supernet the supernet's space, shape, method and BN strategy
 * @param epochs number of epochs (length of the cosine schedule)
 * @param optimizer SGD, cosine schedule to {@code lrMin}, gradient clip
 * @param seed seed of the torch initialisation ({@link Seeds#torchSeed}) and of the path sampler
 * @param device auto, cpu or gpu
 * @param maxStepsPerEpoch cap on steps per epoch, 0 = the whole epoch (smoke runs and tests)
 * @param resume continue from the run folder's checkpoint if present
 */
public record TrainConfig(
    SupernetConfig<?> supernet,
    int epochs,
    Optimizer optimizer,
    long seed,
    DeviceOption device,
    int maxStepsPerEpoch,
    boolean resume) {

  /** Epochs of the reference code's supernet training (200). */
  public static final int DEFAULT_EPOCHS = 200;

  /** The reference code's seed ({@link Seeds#DEFAULT}). */
  public static final long DEFAULT_SEED = Seeds.DEFAULT;

  /** Validates the values, naming the bad one. */
  public TrainConfig {
    if (supernet == null || device == null || optimizer == null) {
      throw new IllegalArgumentException("supernet config, optimizer and device are required");
    }
    if (epochs < 1) {
      throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
    }
    if (maxStepsPerEpoch < 0) {
      throw new IllegalArgumentException(
          "max steps per epoch must be >= 0, got " + maxStepsPerEpoch);
    }
  }

  /** The reference code's hyper-parameters for the given supernet ({@link #builder} defaults). */
  public static TrainConfig defaults(SupernetConfig<?> supernet) {
    return builder().setSupernet(supernet).build();
  }

  /** A builder with every default set; only the supernet is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this configuration, to change some fields. */
  public Builder toBuilder() {
    return builder()
        .setSupernet(supernet)
        .optEpochs(epochs)
        .optOptimizer(optimizer)
        .optSeed(seed)
        .optDevice(device)
        .optMaxStepsPerEpoch(maxStepsPerEpoch)
        .optResume(resume);
  }

  /** The learning-rate schedule. */
  public CosineSchedule schedule() {
    return new CosineSchedule(optimizer.lr(), optimizer.lrMin(), epochs);
  }

  /**
   * Assembles a {@link TrainConfig}: {@link #setSupernet} is required, every {@code optX} has the
   * default named on it; {@link #build()} names what is missing and validates.
   */
  public static final class Builder {
    private SupernetConfig<?> supernet;
    private int epochs = DEFAULT_EPOCHS;
    private Optimizer optimizer = Optimizer.MIXPATH_REFERENCE;
    private long seed = DEFAULT_SEED;
    private DeviceOption device = DeviceOption.AUTO;
    private int maxStepsPerEpoch;
    private boolean resume;

    private Builder() {}

    /** The supernet to train; required. */
    public Builder setSupernet(SupernetConfig<?> supernet) {
      this.supernet = supernet;
      return this;
    }

    /** Epochs of the schedule; default {@value TrainConfig#DEFAULT_EPOCHS}. */
    public Builder optEpochs(int epochs) {
      this.epochs = epochs;
      return this;
    }

    /** The optimizer; default {@link Optimizer#MIXPATH_REFERENCE}. */
    public Builder optOptimizer(Optimizer optimizer) {
      this.optimizer = optimizer;
      return this;
    }

    /** The seed; default {@link Seeds#DEFAULT}. */
    public Builder optSeed(long seed) {
      this.seed = seed;
      return this;
    }

    /** The device; default {@link DeviceOption#AUTO}. */
    public Builder optDevice(DeviceOption device) {
      this.device = device;
      return this;
    }

    /** Cap on steps per epoch; default 0, the whole epoch. */
    public Builder optMaxStepsPerEpoch(int maxStepsPerEpoch) {
      this.maxStepsPerEpoch = maxStepsPerEpoch;
      return this;
    }

    /** Continue the run folder's checkpoint; default false. */
    public Builder optResume(boolean resume) {
      this.resume = resume;
      return this;
    }

    /**
     * The configuration.
     *
     * @throws IllegalStateException when the supernet is not set
     * @throws IllegalArgumentException when a value is out of range
     */
    public TrainConfig build() {
      if (supernet == null) {
        throw new IllegalStateException("a training configuration needs setSupernet(...)");
      }
      return new TrainConfig(supernet, epochs, optimizer, seed, device, maxStepsPerEpoch, resume);
    }
  }
}
