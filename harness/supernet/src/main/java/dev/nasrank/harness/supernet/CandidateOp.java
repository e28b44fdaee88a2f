package dev.nasrank.harness.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import dev.nasrank.benchbridge.Op;
import java.util.List;

/**
 * One operation of one choice node, with its own weights: a 1x1 projection conv-bn-relu from the
 * cell's input channels to its output channels, then conv1x1-bn-relu, conv3x3-bn-relu or a 3x3
 * max-pool (stride 1, padding 1).
 */
public final class CandidateOp extends PathBlock {

  private final Op op;
  private final ConvBnRelu projection;
  private final ConvBnRelu conv;

  /**
   * @param op {@link Op#CONV1X1}, {@link Op#CONV3X3} or {@link Op#MAXPOOL3X3}
   * @param in cell input channels
   * @param out cell output channels
   */
  public CandidateOp(Op op, int in, int out) {
    this.op = op;
    projection = addChildBlock("proj", new ConvBnRelu(in, out, 1));
    conv =
        switch (op) {
          case CONV1X1 -> addChildBlock("conv1x1", new ConvBnRelu(out, out, 1));
          case CONV3X3 -> addChildBlock("conv3x3", new ConvBnRelu(out, out, 3));
          case MAXPOOL3X3 -> null;
          default -> throw new IllegalArgumentException("not an S4 node op: " + op.nasbenchName());
        };
  }

  /** The operation. */
  public Op op() {
    return op;
  }

  @Override
  NDArray apply(ParameterStore ps, NDArray x, boolean training) {
    NDArray p = projection.apply(ps, x, training);
    if (conv == null) {
      return Pool.maxPool2d(p, new Shape(3, 3), new Shape(1, 1), new Shape(1, 1), false);
    }
    return conv.apply(ps, p, training);
  }

  @Override
  void collect(List<Parameter> trainable, List<RunningBatchNorm> norms) {
    projection.collect(trainable, norms);
    if (conv != null) {
      conv.collect(trainable, norms);
    }
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return projection.getOutputShapes(inputShapes);
  }
}
