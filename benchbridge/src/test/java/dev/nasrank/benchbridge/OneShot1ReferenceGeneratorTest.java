package dev.nasrank.benchbridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * NAS-Bench-1Shot1's recursive generator of "all architectures" ({@code _generate_adjacency_matrix}
 * in {@code nasbench_analysis/search_spaces/search_space.py}) misses cells of its own spaces; the
 * enumeration here does not.
 *
 * <p>What the generator yields: starting at the output it picks the node's parents and recurses
 * into each parent in turn, but every branch but the last leaves the node short of parents (the
 * later parents are not set yet), so it can never become valid and only the branch of the
 * highest-numbered parent survives. The cells it yields are therefore exactly the loose-end-free
 * cells of the space in which every inner vertex lies on the chain from the output through
 * highest-numbered parents ({@link #onTheChain}). This characterisation was checked by running the
 * generator's algorithm (in a throw-away Python script, no code of it kept here): it yields 49, 65
 * and 234 adjacency matrices for SS1, SS2 and SS3, equal to the structures {@link #onTheChain}
 * selects, and 2,127, 3,258 and 17,940 distinct hashes once every used block is labelled, against
 * 2,685, 7,773 and 55,854 in the spaces.
 */
class OneShot1ReferenceGeneratorTest {

  /**
   * True if every inner vertex of a pruned cell lies on the chain output, its highest-numbered
   * parent, that vertex's highest-numbered parent, ... (pruning keeps the vertex order, so the
   * chain is that of the configuration).
   */
  static boolean onTheChain(ModelSpec s) {
    int last = s.vertexCount() - 1;
    Set<Integer> chain = new HashSet<>();
    int cur = last;
    while (cur != 0) {
      int max = -1;
      for (int u = 0; u < cur; u++) {
        if (s.hasEdge(u, cur)) {
          max = u;
        }
      }
      cur = max;
      chain.add(cur);
    }
    for (int v = 1; v < last; v++) {
      if (!chain.contains(v)) {
        return false;
      }
    }
    return true;
  }

  /** The hashes the reference generator reaches: chain structures with every labelling. */
  private static Set<String> reachable(CellSpace space) {
    Set<String> out = new HashSet<>();
    for (ModelSpec s : ((ChoiceBlocks) space.definition()).prunedStructures()) {
      if (onTheChain(s)) {
        long base = ReferenceOrder.keyOf(s) & ~0xFFL;
        for (int l = 0; l < SearchSpace.labellings(s.vertexCount()).size(); l++) {
          out.add(ReferenceOrder.spec(base | l).hash());
        }
      }
    }
    return out;
  }

  @Test
  void theGeneratorReachesOnlyPartOfEachSpace() {
    int[] reached = {2_127, 3_258, 17_940};
    int[] total = {2_685, 7_773, 55_854};
    List<CellSpace> spaces =
        List.of(CellSpace.ONESHOT1_SS1, CellSpace.ONESHOT1_SS2, CellSpace.ONESHOT1_SS3);
    for (int k = 0; k < 3; k++) {
      SearchSpace s = spaces.get(k).enumerate(2);
      Set<String> r = reachable(spaces.get(k));
      assertEquals(reached[k], r.size(), spaces.get(k).id());
      assertEquals(total[k], s.size(), spaces.get(k).id());
      assertTrue(
          r.stream().allMatch(s::contains), spaces.get(k).id() + ": reached cells are in it");
    }
  }

  /**
   * Output &lt;- (2, 3), 2 &lt;- (0, 1), 3 &lt;- (0, 1), 1 &lt;- 0: two parallel two-input
   * vertices, neither on the other's chain. In SS3 form it is output &lt;- (4, 5), 4 &lt;- (0, 1),
   * 5 &lt;- (0, 1), blocks 2 and 3 loose (pruned); in SS1 form output &lt;- (3, 4), 3 &lt;- (0, 1),
   * 4 &lt;- (0, 1), block 2 loose. Every embedding puts the two vertices on the output's two
   * in-degree-2 parents, the lower one off the chain, so the generator misses it with every
   * labelling.
   */
  @Test
  void aCellTheGeneratorMissesIsEnumerated() {
    int[][] m = {
      {0, 1, 1, 1, 0},
      {0, 0, 1, 1, 0},
      {0, 0, 0, 0, 1},
      {0, 0, 0, 0, 1},
      {0, 0, 0, 0, 0}
    };
    ModelSpec cell =
        ModelSpec.of(m, List.of(Op.INPUT, Op.CONV1X1, Op.CONV3X3, Op.CONV3X3, Op.OUTPUT));
    assertFalse(onTheChain(cell));
    int[][] ss3Form = new int[7][7];
    ss3Form[0][1] = 1; // 1 <- 0
    ss3Form[0][2] = 1; // 2 <- 0 (loose)
    ss3Form[0][3] = 1; // 3 <- 0 (loose)
    ss3Form[0][4] = 1; // 4 <- (0, 1)
    ss3Form[1][4] = 1;
    ss3Form[0][5] = 1; // 5 <- (0, 1)
    ss3Form[1][5] = 1;
    ss3Form[4][6] = 1; // output <- (4, 5)
    ss3Form[5][6] = 1;
    ModelSpec configured =
        ModelSpec.of(
            ss3Form,
            List.of(
                Op.INPUT,
                Op.CONV1X1,
                Op.MAXPOOL3X3,
                Op.MAXPOOL3X3,
                Op.CONV3X3,
                Op.CONV3X3,
                Op.OUTPUT));
    assertEquals(cell, configured, "pruning removes the loose blocks 2 and 3");
    for (CellSpace space : List.of(CellSpace.ONESHOT1_SS1, CellSpace.ONESHOT1_SS3)) {
      assertTrue(space.enumerate(2).contains(cell.hash()), space.id());
      assertFalse(reachable(space).contains(cell.hash()), space.id());
    }
    // SS2 form (output takes 3 parents): output <- (2, 3, 4), 4 <- (0, 1), 3 <- (0, 1), 2 <- 1
    int[][] ss2 = {
      {0, 1, 0, 1, 1, 0, 0},
      {0, 0, 1, 1, 1, 0, 0},
      {0, 0, 0, 0, 0, 0, 1},
      {0, 0, 0, 0, 0, 0, 1},
      {0, 0, 0, 0, 0, 0, 1},
      {0, 0, 0, 0, 0, 0, 0},
      {0, 0, 0, 0, 0, 0, 0}
    };
    ModelSpec ss2Cell =
        ModelSpec.of(
            ss2,
            List.of(
                Op.INPUT,
                Op.CONV3X3,
                Op.CONV3X3,
                Op.CONV1X1,
                Op.MAXPOOL3X3,
                Op.CONV1X1,
                Op.OUTPUT));
    assertFalse(onTheChain(ss2Cell));
    assertTrue(CellSpace.ONESHOT1_SS2.enumerate(2).contains(ss2Cell.hash()));
    assertFalse(reachable(CellSpace.ONESHOT1_SS2).contains(ss2Cell.hash()));
  }
}
