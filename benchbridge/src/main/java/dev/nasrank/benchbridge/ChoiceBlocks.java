package dev.nasrank.benchbridge;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A NAS-Bench-1Shot1 search space (Zela et al., ICLR 2020; automl/nasbench-1shot1, {@code
 * nasbench_analysis/search_spaces/search_space_{1,2,3}.py}): node 0 is the cell input, nodes 1..B
 * are choice blocks and node B+1 the output. Node j takes exactly {@code parents.get(j - 1)}
 * parents among the nodes before it (node 0 included, so an input-to-output edge is a choice of the
 * output), and every choice block takes one of the three inner operations. A configuration may
 * leave loose ends (a block feeding nothing); NAS-Bench-101's pruning removes them, as 1Shot1's own
 * queries do. With {@code emptyVertex} (the 4-block spaces) an unconnected vertex is inserted
 * before the output so that the matrix is 7x7, as 1Shot1's {@code upscale_to_nasbench_format} does;
 * pruning removes it too, so it changes no cell.
 *
 * <p>The enumeration follows this definition directly: every parent configuration, pruned, then
 * every labelling of the surviving blocks. (1Shot1's recursive generator of "all architectures"
 * follows only the last parent of each node, so it misses valid cells; it is not used.)
 *
 * @param parents parents of nodes 1..B+1, the output's last; their sum is the edge count
 * @param emptyVertex whether to insert the unconnected vertex before the output
 */
record ChoiceBlocks(List<Integer> parents, boolean emptyVertex) implements CellSpace.Definition {

  ChoiceBlocks {
    parents = List.copyOf(parents);
    int vertices = parents.size() + 1 + (emptyVertex ? 1 : 0);
    if (parents.size() < 2 || vertices > ModelSpec.MAX_VERTICES) {
      throw new IllegalArgumentException(
          "a choice-block space needs 1.."
              + (ModelSpec.MAX_VERTICES - 2)
              + " blocks and an output");
    }
    int edges = 0;
    for (int j = 1; j <= parents.size(); j++) {
      int p = parents.get(j - 1);
      if (p < 1 || p > j) {
        throw new IllegalArgumentException(
            "node " + j + " cannot take " + p + " parents among the " + j + " nodes before it");
      }
      edges += p;
    }
    if (edges > ModelSpec.MAX_EDGES) {
      throw new IllegalArgumentException(
          "a NAS-Bench-101 cell has at most " + ModelSpec.MAX_EDGES + " edges, got " + edges);
    }
  }

  /** Number of choice blocks. */
  int blocks() {
    return parents.size() - 1;
  }

  /** Number of parent configurations (without operations). */
  long parentConfigurations() {
    long n = 1;
    for (int j = 1; j <= parents.size(); j++) {
      n *= binomial(j, parents.get(j - 1));
    }
    return n;
  }

  @Override
  public long configurations() {
    long n = parentConfigurations();
    for (int b = 0; b < blocks(); b++) {
      n *= Op.INNER.length;
    }
    return n;
  }

  /**
   * Calls {@code sink} with the adjacency matrix of every parent configuration (7x7 with the empty
   * vertex, else B+2 square); the matrix is reused between calls.
   */
  void forEachConfiguration(Consumer<int[][]> sink) {
    int nodes = parents.size() + 1;
    List<List<Integer>> choices = new ArrayList<>();
    for (int j = 1; j < nodes; j++) {
      choices.add(subsets(j, parents.get(j - 1)));
    }
    int size = nodes + (emptyVertex ? 1 : 0);
    int[][] m = new int[size][size];
    int[] pick = new int[choices.size()];
    while (true) {
      for (int[] row : m) {
        java.util.Arrays.fill(row, 0);
      }
      for (int j = 1; j < nodes; j++) {
        int target = j == nodes - 1 ? size - 1 : j;
        int set = choices.get(j - 1).get(pick[j - 1]);
        for (int p = 0; p < j; p++) {
          if ((set >>> p & 1) != 0) {
            m[p][target] = 1;
          }
        }
      }
      sink.accept(m);
      int k = pick.length - 1;
      while (k >= 0 && ++pick[k] == choices.get(k).size()) {
        pick[k] = 0;
        k--;
      }
      if (k < 0) {
        return;
      }
    }
  }

  /**
   * The distinct pruned cells of all parent configurations, every surviving block labelled conv3x3,
   * in the order first met.
   */
  List<ModelSpec> prunedStructures() {
    int size = parents.size() + 1 + (emptyVertex ? 1 : 0);
    List<Op> ops = new ArrayList<>(Collections.nCopies(size, Op.CONV3X3));
    ops.set(0, Op.INPUT);
    ops.set(size - 1, Op.OUTPUT);
    if (emptyVertex) {
      ops.set(size - 2, Op.CONV1X1);
    }
    Set<ModelSpec> out = new LinkedHashSet<>();
    forEachConfiguration(m -> out.add(ModelSpec.of(m, ops)));
    return List.copyOf(out);
  }

  @Override
  public SearchSpace enumerate(String id, int threads) {
    Representatives reps = new Representatives();
    for (ModelSpec s : prunedStructures()) {
      int labellings = SearchSpace.labellings(s.vertexCount()).size();
      for (int l = 0; l < labellings; l++) {
        reps.add(s.vertexCount(), s.adjacencyBits(), l);
      }
    }
    return SearchSpace.ofRepresentatives(id, reps.distinct(), configurations(), threads);
  }

  /** Bit sets of {@code k} elements of {0..n-1}, ascending. */
  private static List<Integer> subsets(int n, int k) {
    List<Integer> out = new ArrayList<>();
    for (int s = 0; s < 1 << n; s++) {
      if (Integer.bitCount(s) == k) {
        out.add(s);
      }
    }
    return out;
  }

  private static long binomial(int n, int k) {
    long r = 1;
    for (int i = 1; i <= k; i++) {
      r = r * (n - k + i) / i;
    }
    return r;
  }
}
