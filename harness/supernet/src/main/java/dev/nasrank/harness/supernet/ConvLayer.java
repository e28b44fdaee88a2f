package dev.nasrank.harness.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.XavierInitializer;
import java.util.List;

/**
 * A square 2-D convolution, stride 1, "same" padding, with fixed channel counts so its parameter
 * shapes are known at construction. Weights start He-uniform (fan in); the optional bias starts at
 * zero.
 */
public final class ConvLayer extends PathBlock {

  private final int in;
  private final int out;
  private final int kernel;
  private final Parameter weight;
  private final Parameter bias;

  /**
   * @param in input channels
   * @param out output channels
   * @param kernel kernel size (odd)
   * @param withBias whether to add a bias
   */
  public ConvLayer(int in, int out, int kernel, boolean withBias) {
    this.in = in;
    this.out = out;
    this.kernel = kernel;
    this.weight =
        addParameter(
            Parameter.builder()
                .setName("weight")
                .setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(out, in, kernel, kernel))
                .optInitializer(
                    new XavierInitializer(
                        XavierInitializer.RandomType.UNIFORM, XavierInitializer.FactorType.IN, 6f))
                .build());
    this.bias =
        withBias
            ? addParameter(
                Parameter.builder()
                    .setName("bias")
                    .setType(Parameter.Type.BIAS)
                    .optShape(new Shape(out))
                    .optInitializer(Initializer.ZEROS)
                    .build())
            : null;
  }

  @Override
  NDArray apply(ParameterStore ps, NDArray x, boolean training) {
    NDArray w = ps.getValue(weight, x.getDevice(), training);
    NDArray b = bias == null ? null : ps.getValue(bias, x.getDevice(), training);
    int pad = kernel / 2;
    return Conv2d.conv2d(x, w, b, new Shape(1, 1), new Shape(pad, pad), new Shape(1, 1), 1)
        .singletonOrThrow();
  }

  @Override
  void collect(List<Parameter> trainable, List<RunningBatchNorm> norms) {
    trainable.add(weight);
    if (bias != null) {
      trainable.add(bias);
    }
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape s = inputShapes[0];
    return new Shape[] {new Shape(s.get(0), out, s.get(2), s.get(3))};
  }

  @Override
  public String toString() {
    return "ConvLayer("
        + in
        + "->"
        + out
        + ", "
        + kernel
        + "x"
        + kernel
        + (bias == null ? "" : ", bias")
        + ")";
  }
}
