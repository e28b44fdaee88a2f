package dev.nasrank.harness.space;

import dev.nasrank.benchbridge.ModelSpec;
import dev.nasrank.benchbridge.Op;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a weight-sharing supernet runs for one candidate, in the positions of the supernet's own
 * cell (before NAS-Bench-101's pruning renumbers them): per vertex position its op, or none when
 * the vertex does not run, and the positions whose outputs it takes as input. A vertex sums its
 * inputs (the output vertex concatenates them, as in NAS-Bench-101), so {@link #inDegree} is the
 * number of summed paths that the batch-norm strategies on sums are keyed by: one batch norm per
 * in-degree (linear Shadow BN), per input subset ({@link #inputs}, exponential Shadow BN), or the
 * sum scaled by its inverse (simple scaling).
 *
 * <p>Position 0 is the cell input, the last position the output. Immutable; equality by value.
 */
public final class CellPath {

  /** The most vertex positions a cell has (NAS-Bench-101's 7). */
  public static final int MAX_VERTICES = 7;

  private final Op[] ops;
  private final int[] inputs;

  private CellPath(Op[] ops, int[] inputs) {
    this.ops = ops;
    this.inputs = inputs;
  }

  /**
   * A path over {@code ops.size()} vertex positions.
   *
   * @param ops per position: {@link Op#INPUT} first, {@link Op#OUTPUT} last, an inner op or null
   *     (inactive) between
   * @param inputs per position: bit mask of the earlier positions it takes input from (bit {@code
   *     u} = position {@code u}); 0 for the input and for inactive positions
   * @throws IllegalArgumentException naming the position and the value when the path is malformed
   *     (sizes, ops, an input from a later or inactive position, an active vertex without input)
   */
  public static CellPath of(List<Op> ops, int[] inputs) {
    int n = ops.size();
    if (n < 2 || n > MAX_VERTICES || inputs.length != n) {
      throw new IllegalArgumentException(
          "a cell path needs 2.."
              + MAX_VERTICES
              + " vertex positions with one input mask each, got "
              + n
              + " ops and "
              + inputs.length
              + " masks");
    }
    Op[] o = ops.toArray(Op[]::new);
    if (o[0] != Op.INPUT || o[n - 1] != Op.OUTPUT) {
      throw new IllegalArgumentException(
          "a cell path starts with input and ends with output, got " + Arrays.toString(o));
    }
    for (int v = 0; v < n; v++) {
      int mask = inputs[v];
      if (v > 0 && v < n - 1 && o[v] != null && !o[v].isInner()) {
        throw new IllegalArgumentException("vertex " + v + " has op " + o[v] + ", not an inner op");
      }
      if (mask >>> v != 0 || mask < 0) {
        throw new IllegalArgumentException(
            "vertex " + v + " takes input from a later position (mask " + mask + ")");
      }
      boolean active = v == 0 || o[v] != null;
      if (!active && mask != 0) {
        throw new IllegalArgumentException(
            "inactive vertex " + v + " has inputs (mask " + mask + ")");
      }
      if (active && v > 0 && mask == 0) {
        throw new IllegalArgumentException("active vertex " + v + " has no input");
      }
      for (int u = 0; u < v; u++) {
        if ((mask & (1 << u)) != 0 && u > 0 && o[u] == null) {
          throw new IllegalArgumentException(
              "vertex " + v + " takes input from inactive vertex " + u);
        }
      }
    }
    return new CellPath(o, inputs.clone());
  }

  /** Number of vertex positions, the input and output included. */
  public int vertices() {
    return ops.length;
  }

  /** True if position {@code v} runs (the input and output always do). */
  public boolean isActive(int v) {
    return ops[v] != null;
  }

  /** The op of position {@code v}, or null when it is inactive. */
  public Op op(int v) {
    return ops[v];
  }

  /** Bit mask of the positions that position {@code v} takes input from. */
  public int inputs(int v) {
    return inputs[v];
  }

  /** Number of inputs of position {@code v}: the paths it sums. */
  public int inDegree(int v) {
    return Integer.bitCount(inputs[v]);
  }

  /** The active positions between input and output, ascending. */
  public int[] activeVertices() {
    int[] out = new int[ops.length];
    int k = 0;
    for (int v = 1; v < ops.length - 1; v++) {
      if (ops[v] != null) {
        out[k++] = v;
      }
    }
    return Arrays.copyOf(out, k);
  }

  /** The largest in-degree of a vertex between input and output (0 when there is none). */
  public int maxInDegree() {
    int max = 0;
    for (int v = 1; v < ops.length - 1; v++) {
      max = Math.max(max, inDegree(v));
    }
    return max;
  }

  /**
   * The NAS-Bench-101 cell of this path: an edge {@code u -> v} for every input, inactive positions
   * as disconnected conv1x1 placeholders, which {@link ModelSpec#of} prunes.
   */
  public ModelSpec toSpec() {
    int n = ops.length;
    int[][] m = new int[n][n];
    List<Op> specOps = new ArrayList<>(n);
    for (int v = 0; v < n; v++) {
      specOps.add(ops[v] == null ? Op.CONV1X1 : ops[v]);
      for (int u = 0; u < v; u++) {
        if ((inputs[v] & (1 << u)) != 0) {
          m[u][v] = 1;
        }
      }
    }
    return ModelSpec.of(m, specOps);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CellPath p && Arrays.equals(ops, p.ops) && Arrays.equals(inputs, p.inputs);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(ops) * 31 + Arrays.hashCode(inputs);
  }

  /** E.g. {@code 0:input 1:conv3x3-bn-relu<-{0} ... 6:output<-{5}}. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    for (int v = 0; v < ops.length; v++) {
      if (v > 0) {
        b.append(' ');
      }
      b.append(v).append(':').append(ops[v] == null ? "-" : ops[v].nasbenchName());
      if (inputs[v] != 0) {
        b.append("<-{");
        String sep = "";
        for (int u = 0; u < v; u++) {
          if ((inputs[v] & (1 << u)) != 0) {
            b.append(sep).append(u);
            sep = ",";
          }
        }
        b.append('}');
      }
    }
    return b.toString();
  }
}
