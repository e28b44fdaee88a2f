package dev.nasrank.harness.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.nasrank.harness.setting.BnStrategy;
import dev.nasrank.harness.space.S4Choice;
import java.util.List;

/**
 * A {@link BnStrategy}: normalises the output of an S4 cell's 1x1 conv over the summed active
 * paths. Which batch norm runs (if any) may depend on the sampled choice; {@link #inputScale} may
 * scale the sum before the conv.
 */
public abstract class SumNormalization extends CompositeBlock {

  /**
   * Creates the strategy's block for {@code channels} channels and the given supernet
   * configuration.
   */
  public static SumNormalization create(BnStrategy strategy, int channels, SupernetConfig config) {
    return switch (strategy) {
      case NONE -> new NoSumNorm();
      case VANILLA -> new VanillaSumNorm(channels);
      case LINEAR_SBN -> new LinearShadowSumNorm(channels, config.maxPaths());
      case EXPONENTIAL_SBN -> new ExponentialShadowSumNorm(channels, config.reachableMasks());
      case SIMPLE_SCALING -> new SimpleScalingSumNorm(channels);
    };
  }

  /** The strategy this block implements. */
  public abstract BnStrategy strategy();

  /**
   * Factor applied to the summed node outputs before the cell's 1x1 conv (1 unless the strategy
   * scales).
   */
  public float inputScale(S4Choice choice) {
    return 1f;
  }

  /** Number of batch norms this block holds. */
  public abstract int batchNormCount();

  abstract NDArray apply(ParameterStore ps, NDArray x, S4Choice choice, boolean training);

  abstract void collect(S4Choice choice, List<Parameter> trainable, List<RunningBatchNorm> norms);

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(apply(ps, inputs.singletonOrThrow(), ChoiceParams.choice(params), training));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }
}
