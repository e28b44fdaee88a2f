package dev.nasrank.harness.train;

/**
 * What one training epoch did.
 *
 * @param epoch zero-based epoch
 * @param lr learning rate used
 * @param steps optimizer steps (one sampled choice each)
 * @param meanLoss mean cross-entropy over the steps
 * @param accuracy training accuracy of the sampled paths, a fraction in [0, 1]
 * @param imagesPerSecond training throughput
 * @param seconds wall time of the epoch (0 in a train.json written before this field existed)
 * @param stepLosses the loss of every step in order (so an audit can name the first step where two
 *     runs part); null in train.json files written before it was recorded
 */
public record EpochStats(
    int epoch,
    double lr,
    int steps,
    double meanLoss,
    double accuracy,
    double imagesPerSecond,
    double seconds,
    float[] stepLosses) {}
