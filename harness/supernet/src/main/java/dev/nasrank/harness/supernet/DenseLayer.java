package dev.nasrank.harness.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.XavierInitializer;
import java.util.List;

/** A fully connected layer with bias and fixed sizes: (N, in) to (N, out). */
public final class DenseLayer extends PathBlock {

  private final int out;
  private final Parameter weight;
  private final Parameter bias;

  /**
   * @param in input features
   * @param out output features
   */
  public DenseLayer(int in, int out) {
    this.out = out;
    weight =
        addParameter(
            Parameter.builder()
                .setName("weight")
                .setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(out, in))
                .optInitializer(
                    new XavierInitializer(
                        XavierInitializer.RandomType.UNIFORM, XavierInitializer.FactorType.IN, 1f))
                .build());
    bias =
        addParameter(
            Parameter.builder()
                .setName("bias")
                .setType(Parameter.Type.BIAS)
                .optShape(new Shape(out))
                .optInitializer(Initializer.ZEROS)
                .build());
  }

  @Override
  NDArray apply(ParameterStore ps, NDArray x, boolean training) {
    return Linear.linear(
            x,
            ps.getValue(weight, x.getDevice(), training),
            ps.getValue(bias, x.getDevice(), training))
        .singletonOrThrow();
  }

  @Override
  void collect(List<Parameter> trainable, List<RunningBatchNorm> norms) {
    trainable.add(weight);
    trainable.add(bias);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(inputShapes[0].get(0), out)};
  }
}
