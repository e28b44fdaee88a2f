package dev.nasrank.benchbridge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An immutable NAS-Bench-101 cell: a directed acyclic graph given by a strictly upper-triangular
 * 0/1 adjacency matrix and one operation per vertex (first {@link Op#INPUT}, last {@link
 * Op#OUTPUT}).
 *
 * <p>The spec is validated and pruned at construction, as the reference {@code model_spec.py} does:
 * only vertices reachable forward from the input and backward from the output are kept, renumbered
 * in order. A spec whose input cannot reach its output is <em>invalid</em> ({@link #isValid()} is
 * false), which is not an error. Malformed input (not square, not 0/1, not upper-triangular, wrong
 * op positions) and specs outside the NAS-Bench-101 domain after pruning (more than {@value
 * #MAX_VERTICES} vertices or {@value #MAX_EDGES} edges) raise {@link IllegalArgumentException}
 * naming the value and the limit.
 *
 * <p>The pruned adjacency is kept as a bit mask (bit {@code from * 7 + to}), so equality is by
 * value.
 */
public final class ModelSpec {

  /** Most vertices of a pruned cell, input and output included. */
  public static final int MAX_VERTICES = 7;

  /** Most edges of a pruned cell. */
  public static final int MAX_EDGES = 9;

  /** Largest raw matrix accepted before pruning. */
  public static final int MAX_RAW_VERTICES = 64;

  private static final ModelSpec INVALID = new ModelSpec(0L, new Op[0], false);

  private final long bits;
  private final Op[] ops;
  private final boolean valid;
  private String hash;

  private ModelSpec(long bits, Op[] ops, boolean valid) {
    this.bits = bits;
    this.ops = ops;
    this.valid = valid;
  }

  /**
   * Validates and prunes a cell.
   *
   * @param matrix square, strictly upper-triangular 0/1 matrix; not retained
   * @param ops one operation per vertex, first {@code INPUT}, last {@code OUTPUT}, inner ones inner
   *     operations
   * @return the pruned spec, or an invalid spec if the input cannot reach the output
   * @throws IllegalArgumentException on malformed or out-of-domain input, naming the value and the
   *     limit
   */
  public static ModelSpec of(int[][] matrix, List<Op> ops) {
    int n = checkShape(matrix, ops);
    boolean[] fromInput = new boolean[n];
    fromInput[0] = true;
    for (int v = 0; v < n; v++) {
      if (fromInput[v]) {
        for (int w = v + 1; w < n; w++) {
          if (matrix[v][w] == 1) {
            fromInput[w] = true;
          }
        }
      }
    }
    boolean[] toOutput = new boolean[n];
    toOutput[n - 1] = true;
    for (int v = n - 1; v >= 0; v--) {
      if (toOutput[v]) {
        for (int u = 0; u < v; u++) {
          if (matrix[u][v] == 1) {
            toOutput[u] = true;
          }
        }
      }
    }
    if (!fromInput[n - 1]) {
      return INVALID;
    }
    int[] keep = new int[n];
    int kept = 0;
    for (int v = 0; v < n; v++) {
      if (fromInput[v] && toOutput[v]) {
        keep[kept++] = v;
      }
    }
    if (kept > MAX_VERTICES) {
      throw new IllegalArgumentException(
          "too many vertices after pruning, got " + kept + " (max " + MAX_VERTICES + ")");
    }
    long bits = 0L;
    int edges = 0;
    Op[] prunedOps = new Op[kept];
    for (int i = 0; i < kept; i++) {
      prunedOps[i] = ops.get(keep[i]);
      for (int j = i + 1; j < kept; j++) {
        if (matrix[keep[i]][keep[j]] == 1) {
          bits |= 1L << (i * MAX_VERTICES + j);
          edges++;
        }
      }
    }
    if (edges > MAX_EDGES) {
      throw new IllegalArgumentException(
          "too many edges after pruning, got " + edges + " (max " + MAX_EDGES + ")");
    }
    return new ModelSpec(bits, prunedOps, true);
  }

  /**
   * As {@link #of(int[][], List)}, with NAS-Bench-101 operation names such as {@code
   * conv3x3-bn-relu}.
   */
  public static ModelSpec ofNames(int[][] matrix, List<String> opNames) {
    List<Op> ops = new ArrayList<>(opNames.size());
    for (String name : opNames) {
      ops.add(Op.fromName(name));
    }
    return of(matrix, ops);
  }

  /**
   * Parses the record form: a row-major '0'/'1' string of length V*V and V comma-joined operation
   * names.
   *
   * @throws IllegalArgumentException if the two do not describe a well-formed cell
   */
  public static ModelSpec parse(String adjacency, String operations) {
    String[] names = operations.split(",", -1);
    int n = names.length;
    if (adjacency.length() != n * n) {
      throw new IllegalArgumentException(
          "adjacency string has length "
              + adjacency.length()
              + " but "
              + n
              + " operations need "
              + (n * n));
    }
    int[][] matrix = new int[n][n];
    for (int i = 0; i < n * n; i++) {
      char c = adjacency.charAt(i);
      if (c != '0' && c != '1') {
        throw new IllegalArgumentException(
            "adjacency character '" + c + "' at index " + i + " is not 0 or 1");
      }
      matrix[i / n][i % n] = c - '0';
    }
    return ofNames(matrix, Arrays.asList(names));
  }

  private static int checkShape(int[][] matrix, List<Op> ops) {
    if (matrix == null || ops == null) {
      throw new IllegalArgumentException("matrix and ops are required");
    }
    int n = matrix.length;
    if (n < 2) {
      throw new IllegalArgumentException("too few vertices, got " + n + " (min 2)");
    }
    if (n > MAX_RAW_VERTICES) {
      throw new IllegalArgumentException(
          "too many vertices, got "
              + n
              + " (max "
              + MAX_RAW_VERTICES
              + " before pruning, "
              + MAX_VERTICES
              + " after)");
    }
    if (ops.size() != n) {
      throw new IllegalArgumentException(
          "matrix has " + n + " vertices but " + ops.size() + " operations given");
    }
    for (int i = 0; i < n; i++) {
      if (matrix[i] == null || matrix[i].length != n) {
        throw new IllegalArgumentException(
            "matrix is not square: row "
                + i
                + " has "
                + (matrix[i] == null ? 0 : matrix[i].length)
                + " entries, expected "
                + n);
      }
      for (int j = 0; j < n; j++) {
        int x = matrix[i][j];
        if (x != 0 && x != 1) {
          throw new IllegalArgumentException(
              "matrix entry [" + i + "][" + j + "] = " + x + " is not 0 or 1");
        }
        if (x == 1 && j <= i) {
          throw new IllegalArgumentException(
              "matrix is not strictly upper-triangular: entry [" + i + "][" + j + "] = 1");
        }
      }
    }
    if (ops.get(0) != Op.INPUT) {
      throw new IllegalArgumentException(
          "first operation must be input, got " + ops.get(0).nasbenchName());
    }
    if (ops.get(n - 1) != Op.OUTPUT) {
      throw new IllegalArgumentException(
          "last operation must be output, got " + ops.get(n - 1).nasbenchName());
    }
    for (int v = 1; v < n - 1; v++) {
      Op op = ops.get(v);
      if (op == null || !op.isInner()) {
        throw new IllegalArgumentException(
            "operation of inner vertex "
                + v
                + " must be conv3x3-bn-relu, "
                + "conv1x1-bn-relu or maxpool3x3, got "
                + (op == null ? "null" : op.nasbenchName()));
      }
    }
    return n;
  }

  /** False when the input cannot reach the output; such a spec has no vertices, edges or hash. */
  public boolean isValid() {
    return valid;
  }

  /** Number of vertices of the pruned cell (0 when invalid). */
  public int vertexCount() {
    return ops.length;
  }

  /** Number of edges of the pruned cell. */
  public int edgeCount() {
    return Long.bitCount(bits);
  }

  /** True if the pruned cell has an edge {@code from -> to}. */
  public boolean hasEdge(int from, int to) {
    return from >= 0
        && to < ops.length
        && from < to
        && (bits >>> (from * MAX_VERTICES + to) & 1L) != 0;
  }

  /** Operation of pruned vertex {@code v}. */
  public Op op(int v) {
    return ops[v];
  }

  /** Operations of the pruned cell, in vertex order. */
  public List<Op> ops() {
    return List.of(ops);
  }

  /** In-degree of pruned vertex {@code v}. */
  public int inDegree(int v) {
    int d = 0;
    for (int u = 0; u < v; u++) {
      d += hasEdge(u, v) ? 1 : 0;
    }
    return d;
  }

  /** Out-degree of pruned vertex {@code v}. */
  public int outDegree(int v) {
    int d = 0;
    for (int w = v + 1; w < ops.length; w++) {
      d += hasEdge(v, w) ? 1 : 0;
    }
    return d;
  }

  /** A fresh copy of the pruned adjacency matrix. */
  public int[][] matrix() {
    int n = ops.length;
    int[][] m = new int[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        m[i][j] = hasEdge(i, j) ? 1 : 0;
      }
    }
    return m;
  }

  /** The pruned adjacency as NAS-Bench-101 records store it: '0'/'1', row-major, length V*V. */
  public String adjacencyString() {
    int n = ops.length;
    StringBuilder sb = new StringBuilder(n * n);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        sb.append(hasEdge(i, j) ? '1' : '0');
      }
    }
    return sb.toString();
  }

  /** The pruned operations as NAS-Bench-101 records store them: names joined by ','. */
  public String operationsString() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < ops.length; i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(ops[i].nasbenchName());
    }
    return sb.toString();
  }

  /**
   * The NAS-Bench-101 module hash of the pruned cell (32 lowercase hex characters), computed once.
   *
   * @throws IllegalStateException if the spec is invalid
   */
  public String hash() {
    if (!valid) {
      throw new IllegalStateException("an invalid spec (input cannot reach output) has no hash");
    }
    String h = hash;
    if (h == null) {
      h = GraphHash.hash(this);
      hash = h;
    }
    return h;
  }

  long adjacencyBits() {
    return bits;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ModelSpec other
        && other.valid == valid
        && other.bits == bits
        && Arrays.equals(other.ops, ops);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(bits) * 31 + Arrays.hashCode(ops);
  }

  @Override
  public String toString() {
    return valid
        ? "ModelSpec[" + adjacencyString() + ", " + operationsString() + "]"
        : "ModelSpec[invalid]";
  }
}
