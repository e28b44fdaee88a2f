package dev.nasrank.harness.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.nasrank.harness.space.CellPath;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * The part of a {@link CellSupernet}'s forward pass over one batch that is the same for every cell:
 * the stem output, the first cell's projections of it (one per position that takes the cell input)
 * and the first cell's vertex-1 output per op (vertex 1 of a stored NAS-Bench-101 matrix can only
 * take the cell input, so its output depends on its op alone). Each is computed on first use, in a
 * scratch manager of which only the output is kept, so in training mode (BN post-calibration) every
 * batch norm of the prefix updates its running statistics exactly once for the batch, as one cell's
 * plain pass would. Each cell's remaining pass borrows these arrays and runs the same kernels on
 * the same values as the plain pass: its logits are bit-identical.
 *
 * <p>In eval mode the prefix also keeps the last output of each first-cell position 2..5 with the
 * positions 1..v it was computed for ({@link CellSupernetCell#prefixKey}); the next cell that runs
 * the same ops with the same inputs at positions 1..v borrows it instead of recomputing it. Cells
 * run in the order of {@link CellSupernet#prefixGroup} (trie order) share the most. In eval mode a
 * position's output depends only on those positions, the batch and the batch norms' statistics,
 * which are the trained ones or, after calibration, equal for two such cells (computed from the
 * same inputs by the same kernels): the borrowed output is bit-identical to a recomputed one.
 *
 * <p>Memory: at most 1 + 6 + 3 + 4 arrays of N x C x 32 x 32 floats (16 MiB each at the mini
 * profile's N = 256, C = 16).
 */
public final class CellPrefix implements SharedPrefix {

  private final CellSupernetCell first;
  private final ParameterStore ps;
  private final boolean training;
  private final NDManager manager;
  private final NDArray stem;
  private final NDArray[] projected = new NDArray[CellPath.MAX_VERTICES];
  private final NDArray[] vertex1 = new NDArray[CellInputSets.OPS.size()];
  // eval mode: the last computed output of positions 2..5 and the prefix key it belongs to
  private final NDArray[] kept = new NDArray[CellPath.MAX_VERTICES];
  private final int[] keptKey = new int[CellPath.MAX_VERTICES];

  CellPrefix(
      ConvBnRelu stemBlock,
      CellSupernetCell first,
      ParameterStore ps,
      NDArray x,
      boolean training) {
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

  /**
   * The first cell's output of position {@code v} (2..5) for a cell whose {@link
   * CellSupernetCell#prefixKey} up to v is {@code key}: in eval mode kept from the previous cell
   * with the same key, else computed (and kept, replacing the previous one); in training mode
   * always computed (each cell's batch norms must update), never kept. Lent to scope.
   */
  NDArray vertex(int v, int key, Supplier<NDArray> compute, NDManager scope) {
    if (training) {
      return compute.get();
    }
    NDArray y = kept[v];
    if (y == null || keptKey[v] != key) {
      if (y != null) {
        y.close();
      }
      y = compute.get();
      y.attach(manager);
      kept[v] = y;
      keptKey[v] = key;
    }
    y.tempAttach(scope);
    return y;
  }

  @Override
  public void close() {
    Arrays.fill(kept, null);
    Arrays.fill(projected, null);
    Arrays.fill(vertex1, null);
    manager.close();
  }
}
