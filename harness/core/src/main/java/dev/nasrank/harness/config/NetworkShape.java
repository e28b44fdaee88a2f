package dev.nasrank.harness.config;

import dev.nasrank.benchbridge.NetworkCost;

/**
 * The macro skeleton shared by the S4 supernet and the NAS-Bench-101 network (Ying et al. 2019,
 * section 2.1): a 3x3 stem convolution of {@code stemChannels} filters, {@code stacks} stacks of
 * {@code cellsPerStack} cells with a 2x2 max-pool and a doubling of the channels between stacks,
 * global average pooling and a dense layer to {@code classes} logits.
 *
 * @param stemChannels C, filters of the stem, also the output channels of every cell of the first
 *     stack
 * @param stacks number of stacks, 1..5 (a 32x32 input halves between stacks)
 * @param cellsPerStack cells per stack (at least 1)
 * @param classes number of output classes (at least 2)
 */
public record NetworkShape(int stemChannels, int stacks, int cellsPerStack, int classes) {

  /** The most stacks a 32x32 input allows (it halves between stacks). */
  public static final int MAX_STACKS = 5;

  /**
   * NAS-Bench-101's published networks and the MixPath paper's supernet: C = 128, 3 stacks x 3
   * cells.
   */
  public static final NetworkShape NASBENCH101 = of(NetworkCost.Shape.NASBENCH101);

  /**
   * The S4-mini size of both the ground truth and the mini suite profile: C = 16, 3 stacks x 1
   * cell.
   */
  public static final NetworkShape S4_MINI = new NetworkShape(16, 3, 1, 10);

  /** Validates the ranges; names the bad value. */
  public NetworkShape {
    if (stemChannels < 1) {
      throw new IllegalArgumentException("stem channels must be >= 1, got " + stemChannels);
    }
    if (stacks < 1 || stacks > MAX_STACKS) {
      throw new IllegalArgumentException(
          "stacks must be 1.."
              + MAX_STACKS
              + " (32x32 input halves between stacks), "
              + "got "
              + stacks);
    }
    if (cellsPerStack < 1) {
      throw new IllegalArgumentException("cells per stack must be >= 1, got " + cellsPerStack);
    }
    if (classes < 2) {
      throw new IllegalArgumentException("classes must be >= 2, got " + classes);
    }
  }

  /** The shape of benchbridge's cost skeleton (its image size is not part of this record). */
  public static NetworkShape of(NetworkCost.Shape shape) {
    return new NetworkShape(
        shape.stemChannels(), shape.stacks(), shape.cellsPerStack(), shape.classes());
  }

  /**
   * This skeleton for benchbridge's analytic parameter and FLOP counts ({@link NetworkCost}), on
   * NAS-Bench-101's 32x32 CIFAR-10 images.
   */
  public NetworkCost.Shape costShape() {
    return new NetworkCost.Shape(
        stemChannels, stacks, cellsPerStack, classes, NetworkCost.Shape.NASBENCH101.imageSize());
  }

  /** The CIFAR-10 shape (10 classes) of a stem width, stack count and cells per stack. */
  public static NetworkShape cifar10(int stemChannels, int stacks, int cellsPerStack) {
    return new NetworkShape(stemChannels, stacks, cellsPerStack, 10);
  }

  /**
   * Output channels of the cells of stack {@code stack} (zero-based): {@code stemChannels *
   * 2^stack}.
   */
  public int stackChannels(int stack) {
    return stemChannels << stack;
  }
}
