package dev.nasrank.harness.supernet;

import dev.nasrank.harness.setting.BnStrategy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link BnStrategy#EXPONENTIAL_SBN}: one batch norm per set of summed inputs that the sampler can
 * produce (in S4, 2^m - 1 node subsets when nodes are drawn from the first m; all 15 non-empty
 * subsets at m = 4). The batch norm of a set is named by its inputs, e.g. {@code sbnn1n3} for
 * inputs 1 and 3 (one-based).
 */
final class ExponentialShadowSumNorm extends SumNormalization {

  private final Map<Integer, RunningBatchNorm> byMask = new HashMap<>();

  ExponentialShadowSumNorm(int channels, List<Integer> masks) {
    for (int mask : masks) {
      StringBuilder name = new StringBuilder("sbn");
      for (int i = 0; i < Integer.SIZE - 1; i++) {
        if ((mask & (1 << i)) != 0) {
          name.append('n').append(i + 1);
        }
      }
      byMask.put(mask, addChildBlock(name.toString(), new RunningBatchNorm(channels)));
    }
  }

  @Override
  public BnStrategy strategy() {
    return BnStrategy.EXPONENTIAL_SBN;
  }

  @Override
  public int batchNormCount() {
    return byMask.size();
  }

  @Override
  RunningBatchNorm select(int inputs) {
    RunningBatchNorm bn = byMask.get(inputs);
    if (bn == null) {
      throw new IllegalArgumentException(
          "input set "
              + Integer.toBinaryString(inputs)
              + " (binary) was never sampled: "
              + "this supernet holds no batch norm for it");
    }
    return bn;
  }
}
