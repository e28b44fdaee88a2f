package dev.nasrank.harness.search;

import dev.nasrank.benchbridge.ModelSpec;
import dev.nasrank.benchbridge.Op;
import dev.nasrank.harness.space.Architecture;
import dev.nasrank.harness.space.CellSearchSpace;
import dev.nasrank.harness.space.Nb101Cell;
import dev.nasrank.harness.space.S4Choice;
import dev.nasrank.harness.space.S4Space;
import dev.nasrank.harness.space.SearchSpace;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Function;

/**
 * The mutation neighbourhood of each search space: every candidate one move away that the space
 * holds.
 *
 * <ul>
 *   <li>S4 ({@link S4Space}): change the op of one active node to one of the two others, switch an
 *       active node off (when another stays on), or switch an inactive node on with one of the
 *       three ops (when fewer than m are on); the space's {@code contains} filters the rest (the
 *       reference sampler's first-m rule).
 *   <li>NAS-Bench-101 cells ({@link CellSearchSpace}): on the matrix NAS-Bench-101 stores, change
 *       the op of one inner vertex, or flip one edge (the NAS-Bench-101 paper's two mutations), or
 *       put a new vertex with one of the three ops beside an edge u -> v (edges u -> w -> v added,
 *       u -> v kept): a single flip can prune vertices away but never add one (a disconnected
 *       vertex needs two edges), so without the third move a cell could never grow (the 2-vertex
 *       cell input -> output would have no neighbour). Each result is pruned ({@link ModelSpec#of})
 *       and kept when it is valid, within 7 vertices and 9 edges, and a cell of the space.
 * </ul>
 */
public final class Neighbourhoods {

  private static final Op[] INNER_OPS = {Op.CONV1X1, Op.CONV3X3, Op.MAXPOOL3X3};

  private Neighbourhoods() {}

  /**
   * The neighbourhood of a space's candidates.
   *
   * @throws IllegalArgumentException for a space without one, naming it
   */
  @SuppressWarnings("unchecked")
  public static <A extends Architecture> Function<A, List<A>> of(SearchSpace<A> space) {
    if (space instanceof S4Space s4) {
      return a -> (List<A>) (List<?>) s4(s4, (S4Choice) a);
    }
    if (space instanceof CellSearchSpace cells) {
      return a -> (List<A>) (List<?>) cell(cells, (Nb101Cell) a);
    }
    throw new IllegalArgumentException(
        "no mutation neighbourhood is defined for search space " + space.id());
  }

  /** The S4 neighbours of a choice inside {@code space}, in node and op order. */
  public static List<S4Choice> s4(S4Space space, S4Choice choice) {
    List<S4Choice> out = new ArrayList<>();
    int active = choice.activePaths();
    for (int node = 0; node < S4Choice.NODES; node++) {
      int digit = choice.opIndex(node) + 1;
      int base = choice.code() - (digit << (2 * node));
      for (int d = 0; d <= INNER_OPS.length; d++) {
        if (d == digit || (d == 0 && active == 1) || (digit == 0 && active >= space.maxPaths())) {
          continue;
        }
        int code = base + (d << (2 * node));
        S4Choice c = new S4Choice(code);
        if (space.contains(c)) {
          out.add(c);
        }
      }
    }
    return out;
  }

  /** The NAS-Bench-101 neighbours of a cell inside {@code space}, distinct, ops then edges. */
  public static List<Nb101Cell> cell(CellSearchSpace space, Nb101Cell cell) {
    ModelSpec spec = cell.spec();
    int n = spec.vertexCount();
    int[][] matrix = spec.matrix();
    List<Op> ops = spec.ops();
    LinkedHashSet<Nb101Cell> out = new LinkedHashSet<>();
    for (int v = 1; v < n - 1; v++) {
      for (Op op : INNER_OPS) {
        if (op != ops.get(v)) {
          List<Op> changed = new ArrayList<>(ops);
          changed.set(v, op);
          add(out, space, cell, matrix, changed);
        }
      }
    }
    for (int u = 0; u < n; u++) {
      for (int v = u + 1; v < n; v++) {
        int[][] flipped = new int[n][];
        for (int r = 0; r < n; r++) {
          flipped[r] = matrix[r].clone();
        }
        flipped[u][v] = 1 - flipped[u][v];
        add(out, space, cell, flipped, ops);
      }
    }
    if (n < ModelSpec.MAX_VERTICES) {
      for (int u = 0; u < n; u++) {
        for (int v = u + 1; v < n; v++) {
          if (matrix[u][v] == 1) {
            for (Op op : INNER_OPS) {
              grow(out, space, cell, matrix, ops, u, v, op);
            }
          }
        }
      }
    }
    return List.copyOf(out);
  }

  /** Inserts vertex w at index v (so u < w < v keeps the matrix upper-triangular), u -> w -> v. */
  private static void grow(
      LinkedHashSet<Nb101Cell> out,
      CellSearchSpace space,
      Nb101Cell from,
      int[][] matrix,
      List<Op> ops,
      int u,
      int v,
      Op op) {
    int n = matrix.length;
    int[][] m = new int[n + 1][n + 1];
    for (int a = 0; a < n; a++) {
      for (int b = 0; b < n; b++) {
        m[a < v ? a : a + 1][b < v ? b : b + 1] = matrix[a][b];
      }
    }
    m[u][v] = 1;
    m[v][v + 1] = 1;
    List<Op> grown = new ArrayList<>(ops);
    grown.add(v, op);
    add(out, space, from, m, grown);
  }

  private static void add(
      LinkedHashSet<Nb101Cell> out,
      CellSearchSpace space,
      Nb101Cell from,
      int[][] matrix,
      List<Op> ops) {
    ModelSpec s;
    try {
      s = ModelSpec.of(matrix, ops);
    } catch (IllegalArgumentException tooLarge) {
      return; // more than 9 edges: outside NAS-Bench-101
    }
    if (!s.isValid()) {
      return;
    }
    Nb101Cell c = Nb101Cell.of(s);
    if (!c.equals(from) && space.contains(c)) {
      out.add(c);
    }
  }
}
