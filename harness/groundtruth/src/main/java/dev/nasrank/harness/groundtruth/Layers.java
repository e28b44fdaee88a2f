package dev.nasrank.harness.groundtruth;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;

/**
 * The layer building blocks of the NAS-Bench-101 network (reference: {@code base_ops.py} of
 * google-research/nasbench).
 */
final class Layers {
  /** Batch-norm epsilon of NAS-Bench-101. */
  static final float BN_EPSILON = 1e-5f;

  private Layers() {}

  /**
   * {@code k x k} convolution (stride 1, same padding, no bias) + batch normalisation + ReLU.
   *
   * @param bnMomentum weight of the old running statistics per update ({@code running = m * running
   *     + (1 - m) * batch}); NAS-Bench-101 uses 0.997
   */
  static Block convBnRelu(int kernel, int filters, float bnMomentum) {
    return new SequentialBlock()
        .add(
            Conv2d.builder()
                .setKernelShape(new Shape(kernel, kernel))
                .optPadding(new Shape(kernel / 2, kernel / 2))
                .setFilters(filters)
                .optBias(false)
                .build())
        .add(BatchNorm.builder().optMomentum(bnMomentum).optEpsilon(BN_EPSILON).build())
        .add(Activation.reluBlock());
  }

  /** 3x3 max-pool, stride 1, same padding: the {@code maxpool3x3} vertex operation. */
  static Block maxPool3x3() {
    return Pool.maxPool2dBlock(new Shape(3, 3), new Shape(1, 1), new Shape(1, 1));
  }

  /** 2x2 max-pool, stride 2: the down-sampling between stacks. */
  static Block downsample() {
    return Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2));
  }
}
