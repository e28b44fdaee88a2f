package dev.nasrank.harness.space;

import dev.nasrank.benchbridge.ModelSpec;
import dev.nasrank.benchbridge.Op;
import java.util.ArrayList;
import java.util.List;

/**
 * One candidate of the S4 space: which of the four parallel choice nodes are active, and the
 * operation of each active node ({@link Op#CONV1X1}, {@link Op#CONV3X3} or {@link Op#MAXPOOL3X3}).
 *
 * <p>Stored as one base-4 code (digit {@code i} is node {@code i}: 0 inactive, 1 conv1x1, 2
 * conv3x3, 3 maxpool3x3), so equality is by value. The stable string id lists the active nodes in
 * order, one-based, e.g. {@code n1:conv3x3,n3:maxpool3x3}; {@link #parse(String)} reads it back. As
 * an {@link Architecture} of {@link S4Space}, its spec, hash and supernet path are built once per
 * code.
 *
 * @param code base-4 code of the node operations; at least one node is active
 */
public record S4Choice(int code) implements Architecture, Comparable<S4Choice> {

  /** Number of parallel choice nodes in an S4 cell. */
  public static final int NODES = 4;

  /** The operations a node may take, in digit order 1, 2, 3. */
  static final Op[] NODE_OPS = {Op.CONV1X1, Op.CONV3X3, Op.MAXPOOL3X3};

  private static final String[] SHORT_NAMES = {"conv1x1", "conv3x3", "maxpool3x3"};
  private static final int CODES = 1 << (2 * NODES);

  /** Validates the code. */
  public S4Choice {
    if (code <= 0 || code >= CODES) {
      throw new IllegalArgumentException(
          "S4 choice code "
              + code
              + " out of range (1.."
              + (CODES - 1)
              + "; 0 would activate no node)");
    }
  }

  /**
   * Builds a choice from one entry per node, {@code null} for an inactive node.
   *
   * @throws IllegalArgumentException if the list does not have 4 entries, names an op outside the
   *     S4 set, or activates no node
   */
  public static S4Choice of(List<Op> nodeOps) {
    if (nodeOps.size() != NODES) {
      throw new IllegalArgumentException(
          "an S4 choice needs " + NODES + " node entries, got " + nodeOps.size());
    }
    int code = 0;
    for (int i = NODES - 1; i >= 0; i--) {
      code = code * 4 + digit(nodeOps.get(i));
    }
    return new S4Choice(code);
  }

  /**
   * Parses a stable id such as {@code n1:conv3x3,n3:maxpool3x3} (full NAS-Bench-101 names such as
   * {@code conv3x3-bn-relu} are accepted too).
   *
   * @throws IllegalArgumentException naming the offending part
   */
  public static S4Choice parse(String id) {
    List<Op> ops = new ArrayList<>(NODES);
    for (int i = 0; i < NODES; i++) {
      ops.add(null);
    }
    for (String part : id.split(",", -1)) {
      String[] kv = part.trim().split(":", -1);
      if (kv.length != 2 || kv[0].length() != 2 || kv[0].charAt(0) != 'n') {
        throw new IllegalArgumentException(
            "bad S4 choice part '" + part + "' in '" + id + "' (expected e.g. n1:conv3x3)");
      }
      int node = kv[0].charAt(1) - '1';
      if (node < 0 || node >= NODES) {
        throw new IllegalArgumentException(
            "node '" + kv[0] + "' in '" + id + "' out of range (n1..n4)");
      }
      if (ops.get(node) != null) {
        throw new IllegalArgumentException("node '" + kv[0] + "' appears twice in '" + id + "'");
      }
      ops.set(node, opOfName(kv[1], id));
    }
    return of(ops);
  }

  private static Op opOfName(String name, String id) {
    for (int d = 0; d < NODE_OPS.length; d++) {
      if (SHORT_NAMES[d].equals(name) || NODE_OPS[d].nasbenchName().equals(name)) {
        return NODE_OPS[d];
      }
    }
    throw new IllegalArgumentException(
        "unknown S4 op '" + name + "' in '" + id + "' (expected conv1x1, conv3x3 or maxpool3x3)");
  }

  private static int digit(Op op) {
    if (op == null) {
      return 0;
    }
    for (int d = 0; d < NODE_OPS.length; d++) {
      if (NODE_OPS[d] == op) {
        return d + 1;
      }
    }
    throw new IllegalArgumentException(
        "op "
            + op.nasbenchName()
            + " is not an S4 node op "
            + "(conv1x1-bn-relu, conv3x3-bn-relu, maxpool3x3)");
  }

  private int digitOf(int node) {
    if (node < 0 || node >= NODES) {
      throw new IndexOutOfBoundsException("node " + node + " (0.." + (NODES - 1) + ")");
    }
    return (code >> (2 * node)) & 3;
  }

  /** True if zero-based node {@code node} is active. */
  public boolean isActive(int node) {
    return digitOf(node) != 0;
  }

  /** The operation of zero-based node {@code node}, or {@code null} if it is inactive. */
  public Op op(int node) {
    int d = digitOf(node);
    return d == 0 ? null : NODE_OPS[d - 1];
  }

  /**
   * Index 0..2 of the active node's operation in {@code conv1x1, conv3x3, maxpool3x3}; -1 if
   * inactive.
   */
  public int opIndex(int node) {
    return digitOf(node) - 1;
  }

  /** The NAS-Bench-101 cell ({@link S4Space#toSpec}'s layout), pruned. */
  @Override
  public ModelSpec spec() {
    return S4Space.specOf(code);
  }

  /**
   * The supernet's path: positions 0 input, 1..4 the nodes (active ones take the input), 5 the
   * fixed vertex summing the active nodes, 6 the output.
   */
  @Override
  public CellPath path() {
    return S4Space.pathOf(code);
  }

  /** Number of active nodes (paths), 1..4: the in-degree of the fixed vertex. */
  @Override
  public int activePaths() {
    int n = 0;
    for (int i = 0; i < NODES; i++) {
      if (isActive(i)) {
        n++;
      }
    }
    return n;
  }

  /** The zero-based active nodes, ascending. */
  public int[] activeNodes() {
    int[] nodes = new int[activePaths()];
    int k = 0;
    for (int i = 0; i < NODES; i++) {
      if (isActive(i)) {
        nodes[k++] = i;
      }
    }
    return nodes;
  }

  /** Bit mask of the active nodes (bit {@code i} = node {@code i}), 1..15. */
  public int activeMask() {
    int mask = 0;
    for (int i = 0; i < NODES; i++) {
      if (isActive(i)) {
        mask |= 1 << i;
      }
    }
    return mask;
  }

  /** The stable id, e.g. {@code n1:conv3x3,n3:maxpool3x3}. */
  @Override
  public String id() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < NODES; i++) {
      int d = digitOf(i);
      if (d != 0) {
        if (sb.length() > 0) {
          sb.append(',');
        }
        sb.append('n').append(i + 1).append(':').append(SHORT_NAMES[d - 1]);
      }
    }
    return sb.toString();
  }

  @Override
  public int compareTo(S4Choice o) {
    return Integer.compare(code, o.code);
  }

  @Override
  public String toString() {
    return id();
  }
}
