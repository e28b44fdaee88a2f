package dev.nasrank.harness.supernet;

import dev.nasrank.harness.setting.BnStrategy;

/**
 * {@link BnStrategy#LINEAR_SBN}: Shadow Batch Normalization, one batch norm per number of summed
 * inputs k = 1..m; k inputs run BN number k.
 */
final class LinearShadowSumNorm extends SumNormalization {

  private final RunningBatchNorm[] bns;

  LinearShadowSumNorm(int channels, int maxInputs) {
    bns = new RunningBatchNorm[maxInputs];
    for (int k = 1; k <= maxInputs; k++) {
      bns[k - 1] = addChildBlock("sbn" + k, new RunningBatchNorm(channels));
    }
  }

  @Override
  public BnStrategy strategy() {
    return BnStrategy.LINEAR_SBN;
  }

  @Override
  public int batchNormCount() {
    return bns.length;
  }

  @Override
  RunningBatchNorm select(int inputs) {
    int k = Integer.bitCount(inputs);
    if (k < 1 || k > bns.length) {
      throw new IllegalArgumentException(
          k + " summed inputs, supernet built for 1 to " + bns.length);
    }
    return bns[k - 1];
  }
}
