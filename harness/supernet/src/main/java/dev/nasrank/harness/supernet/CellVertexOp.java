package dev.nasrank.harness.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.nasrank.benchbridge.Op;
import dev.nasrank.harness.setting.BnStrategy;
import java.util.List;

/**
 * One op of one vertex position of a {@link CellSupernetCell}, with its own weights, applied to the
 * vertex's summed inputs: for conv3x3 and conv1x1 a convolution (no bias) at the cell's width, then
 * the BN strategy's normaliser selected by the vertex's input mask ({@link SumNormalization}:
 * nothing, one batch norm, one per in-degree, one per input mask), then ReLU; for maxpool3x3 a 3x3
 * max-pool (stride 1, padding 1) and no batch norm, as in NAS-Bench-101. Under {@link
 * BnStrategy#SIMPLE_SCALING} the sum of k inputs is first multiplied by 1/k, for every op.
 */
final class CellVertexOp extends CompositeBlock {

  private final Op op;
  private final BnStrategy strategy;
  private final ConvLayer conv;
  private final SumNormalization norm;

  /**
   * @param op an inner op
   * @param channels the cell's width (input and output of the op)
   * @param strategy the BN strategy
   * @param masks the input masks the space's cells reach this vertex and op with (exponential
   *     Shadow BN holds one batch norm per mask; linear one per in-degree up to the largest)
   */
  CellVertexOp(Op op, int channels, BnStrategy strategy, List<Integer> masks) {
    this.op = op;
    this.strategy = strategy;
    if (op == Op.MAXPOOL3X3) {
      conv = null;
      norm = null;
    } else {
      int kernel =
          switch (op) {
            case CONV3X3 -> 3;
            case CONV1X1 -> 1;
            default -> throw new IllegalArgumentException("not an inner op: " + op);
          };
      int maxK = 0;
      for (int m : masks) {
        maxK = Math.max(maxK, Integer.bitCount(m));
      }
      conv = addChildBlock("conv", new ConvLayer(channels, channels, kernel, false));
      norm = addChildBlock("norm", SumNormalization.create(strategy, channels, maxK, masks));
    }
  }

  /** The op. */
  Op op() {
    return op;
  }

  /**
   * The op on the sum of the vertex's inputs.
   *
   * @param sum the summed inputs
   * @param inputs the vertex's input mask (bit u = position u)
   */
  NDArray apply(ParameterStore ps, NDArray sum, int inputs, boolean training) {
    NDArray s = sum;
    int k = Integer.bitCount(inputs);
    if (strategy == BnStrategy.SIMPLE_SCALING && k > 1) {
      // an array, not a Java number: DJL frees a Number's scalar right after the op while autograd
      // still reads it in backward (docs/harness.md)
      s = s.mul(s.getManager().create(1f / k));
    }
    if (conv == null) {
      return Pool.maxPool2d(s, new Shape(3, 3), new Shape(1, 1), new Shape(1, 1), false);
    }
    return Activation.relu(norm.apply(ps, conv.apply(ps, s, training), inputs, training));
  }

  /** Adds the parameters and batch norms the op runs for {@code inputs}, in forward order. */
  void collect(int inputs, List<Parameter> trainable, List<RunningBatchNorm> norms) {
    if (conv != null) {
      conv.collect(trainable, norms);
      norm.collect(inputs, trainable, norms);
    }
  }

  /** The strategy's normaliser, or null for the max-pool. */
  SumNormalization normalization() {
    return norm;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    Object mask = params == null ? null : params.get(SumNormalization.INPUTS);
    if (!(mask instanceof Integer m)) {
      throw new IllegalStateException(
          "no input mask given: pass params with key " + SumNormalization.INPUTS);
    }
    return new NDList(apply(ps, inputs.singletonOrThrow(), m, training));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }
}
