package dev.nasrank.harness.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import dev.nasrank.harness.setting.BnStrategy;
import dev.nasrank.harness.space.S4Choice;
import java.util.List;

/**
 * {@link BnStrategy#EXPONENTIAL_SBN}: one batch norm per subset of active nodes that the sampler
 * can produce (2^m - 1 when nodes are drawn from the first m; all 15 non-empty subsets at m = 4).
 */
final class ExponentialShadowSumNorm extends SumNormalization {

  private final RunningBatchNorm[] byMask = new RunningBatchNorm[1 << S4Choice.NODES];
  private final int count;

  ExponentialShadowSumNorm(int channels, List<Integer> masks) {
    for (int mask : masks) {
      StringBuilder name = new StringBuilder("sbn");
      for (int i = 0; i < S4Choice.NODES; i++) {
        if ((mask & (1 << i)) != 0) {
          name.append('n').append(i + 1);
        }
      }
      byMask[mask] = addChildBlock(name.toString(), new RunningBatchNorm(channels));
    }
    count = masks.size();
  }

  @Override
  public BnStrategy strategy() {
    return BnStrategy.EXPONENTIAL_SBN;
  }

  @Override
  public int batchNormCount() {
    return count;
  }

  private RunningBatchNorm select(S4Choice choice) {
    RunningBatchNorm bn = byMask[choice.activeMask()];
    if (bn == null) {
      throw new IllegalArgumentException(
          "choice " + choice + " activates a node subset this supernet cannot sample");
    }
    return bn;
  }

  @Override
  NDArray apply(ParameterStore ps, NDArray x, S4Choice choice, boolean training) {
    return select(choice).apply(ps, x, training);
  }

  @Override
  void collect(S4Choice choice, List<Parameter> trainable, List<RunningBatchNorm> norms) {
    select(choice).collect(trainable, norms);
  }
}
