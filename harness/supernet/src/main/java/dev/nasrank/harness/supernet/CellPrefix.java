package dev.nasrank.harness.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.nasrank.harness.space.CellPath;
import java.util.Arrays;

/**
 * The part of a {@link CellSupernet}'s forward pass over one batch that is the same for every cell:
 * the stem output, the first cell's projections of it (one per position that takes the cell input)
 * and the first cell's vertex-1 output per op (vertex 1 of a stored NAS-Bench-101 matrix can only
 * take the cell input, so its output depends on its op alone). Each is computed on first use, in a
 * scratch manager of which only the output is kept, so in training mode (BN post-calibration) every
 * batch norm of the prefix updates its running statistics exactly once for the batch, as one
 * cell's plain pass would. Each cell's remaining pass borrows these arrays and runs the same kernels
 * on the same values as the plain pass: its logits are bit-identical.
 *
 * <p>Memory: at most 1 + 6 + 3 arrays of N x C x 32 x 32 floats (16 MiB each at the mini profile's
 * N = 256, C = 16).
 */
public final class CellPrefix implements SharedPrefix {

  private final CellSupernetCell first;
  private final ParameterStore ps;
  private final boolean training;
  private final NDManager manager;
  private final NDArray stem;
  private final NDArray[] projected = new NDArray[CellPath.MAX_VERTICES];
  private final NDArray[] vertex1 = new NDArray[CellInputSets.OPS.size()];

  CellPrefix(
      ConvBnRelu stemBlock, CellSupernetCell first, ParameterStore ps, NDArray x, boolean training) {
    this.first = first;
    this.ps = ps;
    this.training = training;
    this.manager = x.getManager().newSubManager();
    try (NDManager scratch = manager.newSubManager()) {
      x.tempAttach(scratch);
      NDArray s = stemBlock.apply(ps, MemoryFormat.channelsLast(x), training);
      s.attach(manager);
      this.stem = s;
    }
  }

  @Override
  public boolean training() {
    return training;
  }

  /** The stem output {@code (N, C, 32, 32)}, channels-last; owned by this prefix. */
  public NDArray stem() {
    return stem;
  }

  /** The first cell's projection for position {@code v} of the stem output, lent to scope. */
  NDArray projected(int v, NDManager scope) {
    NDArray y = projected[v];
    if (y == null) {
      try (NDManager scratch = manager.newSubManager()) {
        stem.tempAttach(scratch);
        y = first.projection(v).apply(ps, stem, training);
        y.attach(manager);
      }
      projected[v] = y;
    }
    y.tempAttach(scope);
    return y;
  }

  /** The first cell's vertex-1 output of op {@code opIndex}, lent to scope. */
  NDArray vertex1(int opIndex, NDManager scope) {
    NDArray y = vertex1[opIndex];
    if (y == null) {
      // projection 1's output stays owned by the prefix; it is borrowed by the scratch scope
      try (NDManager scratch = manager.newSubManager()) {
        NDArray p = projected(1, scratch);
        y = first.firstVertex(ps, p, opIndex, training);
        y.attach(manager);
      }
      vertex1[opIndex] = y;
    }
    y.tempAttach(scope);
    return y;
  }

  @Override
  public void close() {
    Arrays.fill(projected, null);
    Arrays.fill(vertex1, null);
    manager.close();
  }
}
