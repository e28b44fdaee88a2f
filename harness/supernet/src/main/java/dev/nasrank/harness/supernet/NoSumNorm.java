package dev.nasrank.harness.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import dev.nasrank.harness.setting.BnStrategy;
import dev.nasrank.harness.space.S4Choice;
import java.util.List;

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
  NDArray apply(ParameterStore ps, NDArray x, S4Choice choice, boolean training) {
    return x;
  }

  @Override
  void collect(S4Choice choice, List<Parameter> trainable, List<RunningBatchNorm> norms) {}
}
