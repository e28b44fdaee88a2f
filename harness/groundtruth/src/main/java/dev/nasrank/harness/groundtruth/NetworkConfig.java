package dev.nasrank.harness.groundtruth;

/**
 * The macro skeleton of a NAS-Bench-101 network (Ying et al. 2019, section 2.1): a 3x3 stem convolution of
 * {@code stemChannels} filters, {@code stacks} stacks of {@code cellsPerStack} cells with a 2x2 max-pool and a
 * doubling of the channels between stacks, global average pooling and a dense layer to {@code classes} logits.
 *
 * @param stemChannels filters of the stem convolution, also the output channels of every cell of the first stack
 * @param stacks number of stacks (at least 1)
 * @param cellsPerStack cells per stack (at least 1)
 * @param classes number of output classes (at least 2)
 */
public record NetworkConfig(int stemChannels, int stacks, int cellsPerStack, int classes) {

  /** The configuration behind the published NAS-Bench-101 data: C = 128, 3 stacks x 3 cells, 10 classes. */
  public static final NetworkConfig NASBENCH101 = new NetworkConfig(128, 3, 3, 10);

  /** Validates the ranges; names the bad value. */
  public NetworkConfig {
    if (stemChannels < 1) {
      throw new IllegalArgumentException("stem channels must be >= 1, got " + stemChannels);
    }
    if (stacks < 1) {
      throw new IllegalArgumentException("stacks must be >= 1, got " + stacks);
    }
    if (cellsPerStack < 1) {
      throw new IllegalArgumentException("cells per stack must be >= 1, got " + cellsPerStack);
    }
    if (classes < 2) {
      throw new IllegalArgumentException("classes must be >= 2, got " + classes);
    }
  }

  /** Output channels of the cells of stack {@code stack} (zero-based): {@code stemChannels * 2^stack}. */
  public int stackChannels(int stack) {
    return stemChannels << stack;
  }
}
