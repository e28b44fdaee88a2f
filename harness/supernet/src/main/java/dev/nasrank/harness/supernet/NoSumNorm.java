package dev.nasrank.harness.supernet;

import dev.nasrank.harness.setting.BnStrategy;

/** {@link BnStrategy#NONE}: the identity; no batch norm on the sum. */
final class NoSumNorm extends SumNormalization {

  @Override
  public BnStrategy strategy() {
    return BnStrategy.NONE;
  }

  @Override
  public int batchNormCount() {
    return 0;
  }

  @Override
  RunningBatchNorm select(int inputs) {
    return null;
  }
}
