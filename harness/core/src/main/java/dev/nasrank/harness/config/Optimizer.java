package dev.nasrank.harness.config;

/**
 * SGD with momentum, a cosine learning-rate schedule from {@code lr} to {@code lrMin} over the
 * run's epochs, and a global gradient-norm clip: how every supernet of this project is trained.
 *
 * @param lr initial learning rate
 * @param lrMin final learning rate of the cosine schedule (0 <= lrMin <= lr)
 * @param momentum SGD momentum, in [0, 1)
 * @param weightDecay L2 weight decay (>= 0; the supernet trainer applies none to batch-norm
 *     gamma/beta)
 * @param clipNorm global gradient-norm bound, 0 = off
 */
public record Optimizer(
    double lr, double lrMin, double momentum, double weightDecay, double clipNorm) {

  /**
   * The MixPath reference code's supernet optimizer (Chu et al. 2023, arXiv 2001.05887; github
   * xiaomi-automl/MixPath): lr 0.025 cosine to 1e-8, momentum 0.9, weight decay 3e-4, gradient clip
   * 5. The one place these defaults are stated.
   */
  public static final Optimizer MIXPATH_REFERENCE = new Optimizer(0.025, 1e-8, 0.9, 3e-4, 5.0);

  /** Validates the values, naming the bad one. */
  public Optimizer {
    if (!(lr > 0) || !(lrMin >= 0) || lrMin > lr) {
      throw new IllegalArgumentException(
          "need lr > 0 and 0 <= lrMin <= lr, got lr " + lr + ", lrMin " + lrMin);
    }
    if (!(momentum >= 0 && momentum < 1)) {
      throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
    }
    if (!(weightDecay >= 0)) {
      throw new IllegalArgumentException("weight decay must be >= 0, got " + weightDecay);
    }
    if (!(clipNorm >= 0)) {
      throw new IllegalArgumentException("gradient clip must be >= 0 (0 = off), got " + clipNorm);
    }
  }

  /** A copy with another initial learning rate. */
  public Optimizer withLr(double newLr) {
    return new Optimizer(newLr, lrMin, momentum, weightDecay, clipNorm);
  }
}
