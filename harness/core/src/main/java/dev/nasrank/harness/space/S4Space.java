package dev.nasrank.harness.space;

import dev.nasrank.benchbridge.ModelSpec;
import dev.nasrank.benchbridge.Op;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The S4 space of MixPath (Chu et al., arXiv 2001.05887) as the reference code defines it: a cell
 * of four parallel choice nodes between the input and a fixed conv1x1-bn-relu vertex; each active
 * node takes one of conv1x1-bn-relu, conv3x3-bn-relu, maxpool3x3; at most {@code maxPaths} (m,
 * 1..4) nodes are active.
 *
 * <p>Two enumerations exist. {@link #choices(int)} lists every choice with 1..m active nodes drawn
 * from all four nodes (what the corrected sampler can produce: 255 for m = 4, 174 for m = 3, 66 for
 * m = 2, 12 for m = 1). {@link #referenceChoices(int)} lists the 4^m - 1 choices that only use the
 * first m nodes (what the reference sampler can produce). Both collapse to the same NAS-Bench-101
 * architectures, since parallel nodes are interchangeable: 34, 19, 9 and 3 unique hashes for m = 4,
 * 3, 2, 1.
 */
public final class S4Space {

  /** Vertex index of the fixed conv1x1-bn-relu vertex in the 7x7 spec. */
  public static final int FIXED_VERTEX = 5;

  /** Vertex count of the unpruned spec: input, four nodes, the fixed vertex, output. */
  public static final int SPEC_VERTICES = 7;

  private S4Space() {}

  /**
   * Every choice with 1..{@code maxPaths} active nodes out of all four, in ascending code order.
   *
   * @param maxPaths m, 1..4
   */
  public static List<S4Choice> choices(int maxPaths) {
    checkMaxPaths(maxPaths);
    List<S4Choice> out = new ArrayList<>();
    for (int code = 1; code < 1 << (2 * S4Choice.NODES); code++) {
      S4Choice c = new S4Choice(code);
      if (c.activePaths() <= maxPaths) {
        out.add(c);
      }
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * The 4^m - 1 choices whose active nodes all lie among the first {@code maxPaths} nodes (the
   * reachable set of the reference sampler), ascending.
   */
  public static List<S4Choice> referenceChoices(int maxPaths) {
    checkMaxPaths(maxPaths);
    List<S4Choice> out = new ArrayList<>();
    for (int code = 1; code < 1 << (2 * maxPaths); code++) {
      out.add(new S4Choice(code));
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * The choices of {@link #choices(int)} grouped by NAS-Bench-101 hash: hash to its isomorphic
   * choices, in order of first appearance.
   */
  public static Map<String, List<S4Choice>> uniqueArchitectures(int maxPaths) {
    return groupByHash(choices(maxPaths));
  }

  /** Groups choices by NAS-Bench-101 hash, keeping order of first appearance. */
  public static Map<String, List<S4Choice>> groupByHash(List<S4Choice> choices) {
    Map<String, List<S4Choice>> out = new LinkedHashMap<>();
    for (S4Choice c : choices) {
      out.computeIfAbsent(toSpec(c).hash(), h -> new ArrayList<>()).add(c);
    }
    out.replaceAll((h, list) -> Collections.unmodifiableList(list));
    return Collections.unmodifiableMap(out);
  }

  /**
   * The NAS-Bench-101 cell of a choice: ops {@code [input, n1, n2, n3, n4, conv1x1-bn-relu,
   * output]}, edges input to each active node, each active node to vertex 5, vertex 5 to output;
   * inactive nodes are disconnected (their op placeholder is conv1x1) and the spec prunes them.
   */
  public static ModelSpec toSpec(S4Choice choice) {
    int[][] m = new int[SPEC_VERTICES][SPEC_VERTICES];
    List<Op> ops = new ArrayList<>(SPEC_VERTICES);
    ops.add(Op.INPUT);
    for (int i = 0; i < S4Choice.NODES; i++) {
      Op op = choice.op(i);
      if (op != null) {
        m[0][i + 1] = 1;
        m[i + 1][FIXED_VERTEX] = 1;
      }
      ops.add(op == null ? Op.CONV1X1 : op);
    }
    ops.add(Op.CONV1X1);
    ops.add(Op.OUTPUT);
    m[FIXED_VERTEX][SPEC_VERTICES - 1] = 1;
    return ModelSpec.of(m, ops);
  }

  static void checkMaxPaths(int maxPaths) {
    if (maxPaths < 1 || maxPaths > S4Choice.NODES) {
      throw new IllegalArgumentException(
          "max paths m must be 1.." + S4Choice.NODES + ", got " + maxPaths);
    }
  }
}
