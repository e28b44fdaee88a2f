package dev.nasrank.harness.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import dev.nasrank.harness.setting.BnStrategy;
import dev.nasrank.harness.space.S4Choice;
import java.util.List;

/**
 * {@link BnStrategy#SIMPLE_SCALING}: the sum of k active paths is divided by k (before the cell's
 * 1x1 conv), so its magnitude no longer grows with k; then one batch norm.
 */
final class SimpleScalingSumNorm extends SumNormalization {

  private final RunningBatchNorm bn;

  SimpleScalingSumNorm(int channels) {
    bn = addChildBlock("bn", new RunningBatchNorm(channels));
  }

  @Override
  public BnStrategy strategy() {
    return BnStrategy.SIMPLE_SCALING;
  }

  @Override
  public float inputScale(S4Choice choice) {
    return 1f / choice.activePaths();
  }

  @Override
  public int batchNormCount() {
    return 1;
  }

  @Override
  NDArray apply(ParameterStore ps, NDArray x, S4Choice choice, boolean training) {
    return bn.apply(ps, x, training);
  }

  @Override
  void collect(S4Choice choice, List<Parameter> trainable, List<RunningBatchNorm> norms) {
    bn.collect(trainable, norms);
  }
}
