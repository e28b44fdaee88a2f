package dev.nasrank.harness.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;

/**
 * A supernet block with one input and one output that runs whole on every path through it (a
 * convolution, a dense layer, a batch norm, a conv-bn-relu unit, a candidate op): its forward pass
 * is {@link #apply} and a path collects its parameters with {@link #collect}, the one definition of
 * both for every such block.
 */
abstract class PathBlock extends CompositeBlock {

  /** The block's output on {@code x}. */
  abstract NDArray apply(ParameterStore ps, NDArray x, boolean training);

  /**
   * Adds the block's trainable parameters to {@code trainable} and its batch norms to {@code
   * norms}, in forward order.
   */
  abstract void collect(List<Parameter> trainable, List<RunningBatchNorm> norms);

  @Override
  protected final NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(apply(ps, inputs.singletonOrThrow(), training));
  }
}
