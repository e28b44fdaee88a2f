package dev.nasrank.harness.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.nasrank.benchbridge.Op;
import java.util.List;

/**
 * One parallel choice node of an S4 cell: three candidate ops (conv1x1, conv3x3, maxpool3x3), one
 * runs.
 */
public final class ChoiceNode extends CompositeBlock {

  private static final Op[] OPS = {Op.CONV1X1, Op.CONV3X3, Op.MAXPOOL3X3};
  private final CandidateOp[] ops = new CandidateOp[OPS.length];

  /**
   * @param in cell input channels
   * @param out cell output channels
   */
  public ChoiceNode(int in, int out) {
    for (int i = 0; i < OPS.length; i++) {
      ops[i] = addChildBlock(OPS[i].nasbenchName(), new CandidateOp(OPS[i], in, out));
    }
  }

  /**
   * Runs the op with index {@code opIndex} (0 conv1x1, 1 conv3x3, 2 maxpool3x3, as {@link
   * dev.nasrank.harness.space.S4Choice#opIndex(int)}).
   */
  NDArray apply(ParameterStore ps, NDArray x, int opIndex, boolean training) {
    return ops[opIndex].apply(ps, x, training);
  }

  void collect(int opIndex, List<Parameter> trainable, List<RunningBatchNorm> norms) {
    ops[opIndex].collect(trainable, norms);
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    int opIndex = ChoiceParams.opIndex(params);
    return new NDList(apply(ps, inputs.singletonOrThrow(), opIndex, training));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return ops[0].getOutputShapes(inputShapes);
  }
}
