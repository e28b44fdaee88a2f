package dev.nasrank.harness.train;

import dev.nasrank.harness.supernet.SupernetConfig;

/**
 * Everything a supernet training run needs besides the data. Defaults ({@link #defaults(SupernetConfig)}) are the
 * reference code's: SGD lr 0.025, momentum 0.9, weight decay 3e-4 (none on BN gamma/beta), cosine to 1e-8 over 200
 * epochs, gradient clip 5, seed 2020.
 *
 * @param supernet the supernet's shape, method and BN strategy
 * @param epochs number of epochs (length of the cosine schedule)
 * @param lr initial learning rate
 * @param lrMin final learning rate of the cosine schedule
 * @param momentum SGD momentum
 * @param weightDecay L2 weight decay
 * @param clipNorm global gradient-norm bound (0 = off)
 * @param seed seed of the torch initialisation and of the path sampler
 * @param device auto, cpu or gpu
 * @param maxStepsPerEpoch cap on steps per epoch, 0 = the whole epoch (smoke runs and tests)
 * @param resume continue from the run folder's checkpoint if present
 * @param progress draw a progress bar on stderr
 */
public record TrainConfig(SupernetConfig supernet, int epochs, double lr, double lrMin, double momentum,
    double weightDecay, double clipNorm, long seed, DeviceOption device, int maxStepsPerEpoch, boolean resume,
    boolean progress) {

  /** Validates the values, naming the bad one. */
  public TrainConfig {
    if (supernet == null || device == null) {
      throw new IllegalArgumentException("supernet config and device are required");
    }
    if (epochs < 1) {
      throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
    }
    new CosineSchedule(lr, lrMin, epochs);
    if (momentum < 0 || momentum >= 1) {
      throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
    }
    if (weightDecay < 0) {
      throw new IllegalArgumentException("weight decay must be >= 0, got " + weightDecay);
    }
    if (maxStepsPerEpoch < 0) {
      throw new IllegalArgumentException("max steps per epoch must be >= 0, got " + maxStepsPerEpoch);
    }
  }

  /** The reference code's hyper-parameters for the given supernet, on the auto device, no resume, no bar. */
  public static TrainConfig defaults(SupernetConfig supernet) {
    return new TrainConfig(supernet, 200, 0.025, 1e-8, 0.9, 3e-4, 5.0, 2020, DeviceOption.AUTO, 0, false, false);
  }

  /** A copy with another number of epochs and step cap. */
  public TrainConfig withEpochs(int epochs, int maxStepsPerEpoch) {
    return new TrainConfig(supernet, epochs, lr, lrMin, momentum, weightDecay, clipNorm, seed, device,
        maxStepsPerEpoch, resume, progress);
  }

  /** A copy with another seed. */
  public TrainConfig withSeed(long seed) {
    return new TrainConfig(supernet, epochs, lr, lrMin, momentum, weightDecay, clipNorm, seed, device,
        maxStepsPerEpoch, resume, progress);
  }

  /** A copy with the resume flag set. */
  public TrainConfig withResume(boolean resume) {
    return new TrainConfig(supernet, epochs, lr, lrMin, momentum, weightDecay, clipNorm, seed, device,
        maxStepsPerEpoch, resume, progress);
  }

  /** The learning-rate schedule. */
  public CosineSchedule schedule() {
    return new CosineSchedule(lr, lrMin, epochs);
  }
}
