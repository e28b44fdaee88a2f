package dev.nasrank.harness.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import dev.nasrank.harness.setting.BnStrategy;
import dev.nasrank.harness.space.S4Choice;
import java.util.List;

/**
 * {@link BnStrategy#LINEAR_SBN}: Shadow Batch Normalization, one batch norm per number of active
 * paths k = 1..m; a choice with k active nodes runs BN number k.
 */
final class LinearShadowSumNorm extends SumNormalization {

  private final RunningBatchNorm[] bns;

  LinearShadowSumNorm(int channels, int maxPaths) {
    bns = new RunningBatchNorm[maxPaths];
    for (int k = 1; k <= maxPaths; k++) {
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

  private RunningBatchNorm select(S4Choice choice) {
    int k = choice.activePaths();
    if (k > bns.length) {
      throw new IllegalArgumentException(
          "choice "
              + choice
              + " has "
              + k
              + " active paths, supernet built for at most "
              + bns.length);
    }
    return bns[k - 1];
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
