package dev.nasrank.harness.groundtruth;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;

/**
 * Weight initialisation of the reference TensorFlow model: convolution kernels {@code (out, in, k,
 * k)} from a normal distribution with standard deviation {@code sqrt(1 / (in * k * k))}
 * (TensorFlow's {@code variance_scaling_initializer} defaults, untruncated), dense kernels {@code
 * (out, in)} Glorot-uniform (TensorFlow's dense default). Draws from the engine's seeded generator.
 */
public final class Nb101Initializer implements Initializer {

  @Override
  public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
    if (shape.dimension() == 4) {
      double fanIn = shape.get(1) * shape.get(2) * shape.get(3);
      return manager.randomNormal(0f, (float) Math.sqrt(1.0 / fanIn), shape, dataType);
    }
    if (shape.dimension() == 2) {
      float limit = (float) Math.sqrt(6.0 / (shape.get(0) + shape.get(1)));
      return manager.randomUniform(-limit, limit, shape, dataType);
    }
    throw new IllegalArgumentException("no NB101 initialiser for a weight of shape " + shape);
  }
}
