package dev.nasrank.harness.train;

/**
 * Cosine annealing per epoch, as PyTorch's {@code CosineAnnealingLR} stepped once per epoch: {@code
 * lr(e) = lrMin + (lr0 - lrMin) * (1 + cos(pi * e / epochs)) / 2} for zero-based epoch e.
 *
 * @param lr0 initial learning rate
 * @param lrMin final learning rate (1e-8 in the reference code)
 * @param epochs schedule length
 */
public record CosineSchedule(double lr0, double lrMin, int epochs) {

  /** Validates the values. */
  public CosineSchedule {
    if (!(lr0 > 0) || lrMin < 0 || lrMin > lr0 || epochs < 1) {
      throw new IllegalArgumentException(
          "bad cosine schedule: lr0 " + lr0 + ", lrMin " + lrMin + ", epochs " + epochs);
    }
  }

  /** Learning rate of zero-based epoch {@code epoch}. */
  public double lr(int epoch) {
    return lrMin + (lr0 - lrMin) * (1 + Math.cos(Math.PI * epoch / epochs)) / 2;
  }
}
