package dev.nasrank.harness.train;

import dev.nasrank.harness.config.Optimizer;
import dev.nasrank.harness.supernet.SupernetConfig;

/**
 * Everything a supernet training run needs besides the data. {@link #defaults(SupernetConfig)}: the
 * reference code's optimizer ({@link Optimizer#MIXPATH_REFERENCE}), {@value #DEFAULT_EPOCHS}
 * epochs, seed {@value #DEFAULT_SEED}.
 *
 * @param supernet the supernet's shape, method and BN strategy
 * @param epochs number of epochs (length of the cosine schedule)
 * @param optimizer SGD, cosine schedule to {@code lrMin}, gradient clip
 * @param seed seed of the torch initialisation and of the path sampler
 * @param device auto, cpu or gpu
 * @param maxStepsPerEpoch cap on steps per epoch, 0 = the whole epoch (smoke runs and tests)
 * @param resume continue from the run folder's checkpoint if present
 * @param progress draw a progress bar on stderr
 */
public record TrainConfig(
    SupernetConfig supernet,
    int epochs,
    Optimizer optimizer,
    long seed,
    DeviceOption device,
    int maxStepsPerEpoch,
    boolean resume,
    boolean progress) {

  /** Epochs of the reference code's supernet training (200). */
  public static final int DEFAULT_EPOCHS = 200;

  /** The reference code's seed (2020). */
  public static final long DEFAULT_SEED = 2020;

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

  /**
   * The reference code's hyper-parameters for the given supernet, on the auto device, no resume, no
   * bar.
   */
  public static TrainConfig defaults(SupernetConfig supernet) {
    return new TrainConfig(
        supernet,
        DEFAULT_EPOCHS,
        Optimizer.MIXPATH_REFERENCE,
        DEFAULT_SEED,
        DeviceOption.AUTO,
        0,
        false,
        false);
  }

  /** A copy with another number of epochs and step cap. */
  public TrainConfig withEpochs(int epochs, int maxStepsPerEpoch) {
    return new TrainConfig(
        supernet, epochs, optimizer, seed, device, maxStepsPerEpoch, resume, progress);
  }

  /** A copy with another seed. */
  public TrainConfig withSeed(long seed) {
    return new TrainConfig(
        supernet, epochs, optimizer, seed, device, maxStepsPerEpoch, resume, progress);
  }

  /** A copy with the resume flag set. */
  public TrainConfig withResume(boolean resume) {
    return new TrainConfig(
        supernet, epochs, optimizer, seed, device, maxStepsPerEpoch, resume, progress);
  }

  /** The learning-rate schedule. */
  public CosineSchedule schedule() {
    return new CosineSchedule(optimizer.lr(), optimizer.lrMin(), epochs);
  }
}
