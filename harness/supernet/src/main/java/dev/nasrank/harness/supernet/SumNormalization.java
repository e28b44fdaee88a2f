package dev.nasrank.harness.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.nasrank.harness.setting.BnStrategy;
import java.util.List;

/**
 * A {@link BnStrategy}: normalises the output of a vertex that sums several inputs (in S4, the
 * cell's 1x1 conv over the summed active nodes). Which batch norm runs, if any, depends only on the
 * summed inputs, given as a bit mask ({@code inputs}; its bit count is the in-degree k, {@code
 * dev.nasrank.harness.space.CellPath#inputs}), so a supernet of any space uses the same blocks:
 * {@link #select} picks the batch norm, {@link #inputScale} may scale the sum before the vertex's
 * op.
 */
public abstract class SumNormalization extends CompositeBlock {

  /** Key of the input mask (Integer) in forward params, for the generic {@code Block} interface. */
  public static final String INPUTS = "sum.inputs";

  /**
   * Creates the strategy's block for {@code channels} channels.
   *
   * @param maxInputs the most inputs the vertex sums (m in S4)
   * @param inputSets the input masks the sampler can produce ({@link BnStrategy#EXPONENTIAL_SBN}
   *     holds one batch norm per mask)
   */
  public static SumNormalization create(
      BnStrategy strategy, int channels, int maxInputs, List<Integer> inputSets) {
    return switch (strategy) {
      case NONE -> new NoSumNorm();
      case VANILLA -> new VanillaSumNorm(channels);
      case LINEAR_SBN -> new LinearShadowSumNorm(channels, maxInputs);
      case EXPONENTIAL_SBN -> new ExponentialShadowSumNorm(channels, inputSets);
      case SIMPLE_SCALING -> new SimpleScalingSumNorm(channels);
    };
  }

  /** The strategy this block implements. */
  public abstract BnStrategy strategy();

  /**
   * Factor applied to the sum of the inputs before the vertex's op (1 unless the strategy scales).
   */
  public float inputScale(int inputs) {
    return 1f;
  }

  /** Number of batch norms this block holds. */
  public abstract int batchNormCount();

  /**
   * The batch norm that runs for these summed inputs, or null when the strategy runs none.
   *
   * @throws IllegalArgumentException when the block holds none for them (more inputs, or an input
   *     set the supernet was not built for)
   */
  abstract RunningBatchNorm select(int inputs);

  NDArray apply(ParameterStore ps, NDArray x, int inputs, boolean training) {
    RunningBatchNorm bn = select(inputs);
    return bn == null ? x : bn.apply(ps, x, training);
  }

  void collect(int inputs, List<Parameter> trainable, List<RunningBatchNorm> norms) {
    RunningBatchNorm bn = select(inputs);
    if (bn != null) {
      bn.collect(trainable, norms);
    }
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    Object mask = params == null ? null : params.get(INPUTS);
    if (!(mask instanceof Integer m)) {
      throw new IllegalStateException("no input mask given: pass params with key " + INPUTS);
    }
    return new NDList(apply(ps, inputs.singletonOrThrow(), m, training));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }
}
