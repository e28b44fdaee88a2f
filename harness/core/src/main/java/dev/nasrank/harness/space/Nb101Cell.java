package dev.nasrank.harness.space;

import dev.nasrank.benchbridge.ModelSpec;
import dev.nasrank.benchbridge.Op;
import java.util.ArrayList;
import java.util.List;

/**
 * A candidate of a NAS-Bench-101 cell space ({@link CellSearchSpace}): one unique cell, identified
 * by its module hash, with the matrix NAS-Bench-101 stores for it.
 *
 * <p>Supernet positions: the cell's vertices keep their index in the stored matrix (input at 0,
 * inner vertices at 1..n-2), and the output vertex always sits at the supernet's last position
 * ({@value CellPath#MAX_VERTICES} - 1), so a 5-vertex cell leaves positions 4 and 5 inactive. Every
 * cell of every NAS-Bench-101 space thus runs on one 7-position supernet cell whose weights are
 * owned per (position, op), as in Yu et al. 2020 (kcyu2014/eval-nas). The NAS-Bench-1Shot1
 * supernets instead own weights per choice block of the unpruned definition; docs/spaces.md says
 * what the difference means.
 */
public final class Nb101Cell implements Architecture {

  private final ModelSpec spec;
  private final String hash;
  private final CellPath path;

  private Nb101Cell(ModelSpec spec) {
    this.spec = spec;
    this.hash = spec.hash();
    this.path = pathOf(spec);
  }

  /**
   * The candidate of a valid, pruned cell (as {@link ModelSpec#of} returns it).
   *
   * @throws IllegalArgumentException when the spec is invalid (disconnected), naming it
   */
  public static Nb101Cell of(ModelSpec spec) {
    if (!spec.isValid()) {
      throw new IllegalArgumentException("not a valid NAS-Bench-101 cell: " + spec);
    }
    return new Nb101Cell(spec);
  }

  /** The module hash: the id in candidates.csv and the key of every ground truth. */
  @Override
  public String id() {
    return hash;
  }

  @Override
  public ModelSpec spec() {
    return spec;
  }

  @Override
  public String moduleHash() {
    return hash;
  }

  @Override
  public CellPath path() {
    return path;
  }

  /** Number of vertices of the stored cell, input and output included. */
  public int vertices() {
    return spec.vertexCount();
  }

  /** Number of inner vertices whose op is a 3x3 convolution (a trivial predictor). */
  public int conv3x3Count() {
    int count = 0;
    for (int v = 1; v < spec.vertexCount() - 1; v++) {
      if (spec.op(v) == Op.CONV3X3) {
        count++;
      }
    }
    return count;
  }

  /**
   * The supernet path of a stored cell: vertex {@code v < n - 1} at position {@code v}, the output
   * at position {@value CellPath#MAX_VERTICES} - 1, positions in between inactive.
   */
  static CellPath pathOf(ModelSpec spec) {
    int n = spec.vertexCount();
    int last = CellPath.MAX_VERTICES - 1;
    List<Op> ops = new ArrayList<>(CellPath.MAX_VERTICES);
    int[] inputs = new int[CellPath.MAX_VERTICES];
    for (int p = 0; p < CellPath.MAX_VERTICES; p++) {
      ops.add(null);
    }
    ops.set(0, Op.INPUT);
    ops.set(last, Op.OUTPUT);
    for (int v = 1; v < n; v++) {
      int position = v == n - 1 ? last : v;
      if (v < n - 1) {
        ops.set(position, spec.op(v));
      }
      int mask = 0;
      for (int u = 0; u < v; u++) {
        if (spec.hasEdge(u, v)) {
          mask |= 1 << u;
        }
      }
      inputs[position] = mask;
    }
    return CellPath.of(ops, inputs);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Nb101Cell c && c.hash.equals(hash);
  }

  @Override
  public int hashCode() {
    return hash.hashCode();
  }

  @Override
  public String toString() {
    return hash;
  }
}
