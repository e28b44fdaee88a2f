package dev.nasrank.harness.supernet;

import dev.nasrank.harness.setting.BnStrategy;

/** {@link BnStrategy#VANILLA}: one batch norm for every number of summed inputs. */
class VanillaSumNorm extends SumNormalization {

  private final RunningBatchNorm bn;

  VanillaSumNorm(int channels) {
    bn = addChildBlock("bn", new RunningBatchNorm(channels));
  }

  @Override
  public BnStrategy strategy() {
    return BnStrategy.VANILLA;
  }

  @Override
  public int batchNormCount() {
    return 1;
  }

  @Override
  final RunningBatchNorm select(int inputs) {
    return bn;
  }
}
