package dev.nasrank.harness.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import dev.nasrank.harness.setting.BnStrategy;
import dev.nasrank.harness.space.S4Choice;
import java.util.List;

/** {@link BnStrategy#VANILLA}: one batch norm for every number of active paths. */
final class VanillaSumNorm extends SumNormalization {

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
  NDArray apply(ParameterStore ps, NDArray x, S4Choice choice, boolean training) {
    return bn.apply(ps, x, training);
  }

  @Override
  void collect(S4Choice choice, List<Parameter> trainable, List<RunningBatchNorm> norms) {
    bn.collect(trainable, norms);
  }
}
