package dev.nasrank.harness.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.List;

/** Convolution without bias, batch norm, ReLU: the NAS-Bench-101 {@code convKxK-bn-relu} unit. */
public final class ConvBnRelu extends PathBlock {

  private final ConvLayer conv;
  private final RunningBatchNorm bn;

  /**
   * @param in input channels
   * @param out output channels
   * @param kernel 1 or 3
   */
  public ConvBnRelu(int in, int out, int kernel) {
    conv = addChildBlock("conv", new ConvLayer(in, out, kernel, false));
    bn = addChildBlock("bn", new RunningBatchNorm(out));
  }

  @Override
  NDArray apply(ParameterStore ps, NDArray x, boolean training) {
    return Activation.relu(bn.apply(ps, conv.apply(ps, x, training), training));
  }

  @Override
  void collect(List<Parameter> trainable, List<RunningBatchNorm> norms) {
    conv.collect(trainable, norms);
    bn.collect(trainable, norms);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return conv.getOutputShapes(inputShapes);
  }
}
