package dev.nasrank.harness.supernet;

import dev.nasrank.harness.setting.BnStrategy;

/**
 * {@link BnStrategy#SIMPLE_SCALING}: the sum of k inputs is divided by k (before the vertex's op,
 * in S4 the cell's 1x1 conv), so its magnitude no longer grows with k; then the one batch norm of
 * {@link VanillaSumNorm}.
 */
final class SimpleScalingSumNorm extends VanillaSumNorm {

  SimpleScalingSumNorm(int channels) {
    super(channels);
  }

  @Override
  public BnStrategy strategy() {
    return BnStrategy.SIMPLE_SCALING;
  }

  @Override
  public float inputScale(int inputs) {
    return 1f / Integer.bitCount(inputs);
  }
}
