package dev.nasrank.harness.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nasrank.benchbridge.CellSpace;
import dev.nasrank.harness.space.CellSearchSpace;
import dev.nasrank.harness.space.Nb101Cell;
import dev.nasrank.harness.space.S4Choice;
import dev.nasrank.harness.space.S4Space;
import dev.nasrank.harness.space.SamplerMode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NeighbourhoodsTest {

  /** Number of nodes whose digit differs between two choices. */
  private static int nodesChanged(S4Choice a, S4Choice b) {
    int n = 0;
    for (int i = 0; i < S4Choice.NODES; i++) {
      if (a.opIndex(i) != b.opIndex(i)) {
        n++;
      }
    }
    return n;
  }

  /**
   * S4 (m = 4): the neighbours of a choice are exactly the choices that differ in one node (an op
   * changed, a node switched on or off), never the empty cell: 2 per active node + 3 per inactive
   * node + 1 per active node when more than one is active. Checked against a brute-force scan of
   * all 255 choices.
   */
  @Test
  void s4NeighboursAreTheChoicesOneNodeAway() {
    S4Space space = S4Space.full();
    for (S4Choice c : space.candidates()) {
      Set<S4Choice> expected = new HashSet<>();
      for (S4Choice d : space.candidates()) {
        if (nodesChanged(c, d) == 1) {
          expected.add(d);
        }
      }
      List<S4Choice> got = Neighbourhoods.s4(space, c);
      assertEquals(expected, new HashSet<>(got), c.id());
      assertEquals(got.size(), new HashSet<>(got).size(), "distinct");
      int k = c.activePaths();
      assertEquals(2 * k + 3 * (4 - k) + (k > 1 ? k : 0), got.size(), c.id());
    }
  }

  /**
   * With m = 2 no neighbour has three active nodes; the reference sampler keeps the first two
   * nodes.
   */
  @Test
  void s4NeighboursStayInsideSmallerSpaces() {
    S4Space corrected = new S4Space(2, SamplerMode.CORRECTED);
    S4Space reference = new S4Space(2, SamplerMode.REFERENCE);
    for (S4Choice c : corrected.candidates()) {
      for (S4Choice d : Neighbourhoods.s4(corrected, c)) {
        assertTrue(d.activePaths() <= 2, d.id());
      }
    }
    for (S4Choice c : reference.candidates()) {
      for (S4Choice d : Neighbourhoods.s4(reference, c)) {
        assertTrue(reference.contains(d), d.id());
      }
    }
  }

  /**
   * nb101-v4 (91 cells, the three moves: op change, edge flip, new vertex beside an edge): every
   * neighbour is a valid cell of the space other than the cell itself, and the neighbourhood
   * connects the whole space (a breadth-first walk from the first cell reaches all 91), so a
   * mutation-only search can reach every cell.
   */
  @Test
  void cellNeighboursStayInTheSpaceAndConnectIt() {
    CellSpace v4 =
        CellSpace.all().stream().filter(s -> s.id().equals("nb101-v4")).findFirst().orElseThrow();
    CellSearchSpace space = CellSearchSpace.of(v4);
    List<Nb101Cell> cells = space.candidates();
    assertEquals(91, cells.size());
    for (Nb101Cell c : cells) {
      List<Nb101Cell> near = Neighbourhoods.cell(space, c);
      assertFalse(near.isEmpty(), c.id());
      for (Nb101Cell d : near) {
        assertTrue(space.containsHash(d.id()), d.id());
        assertFalse(d.equals(c));
      }
    }
    Set<Nb101Cell> seen = new HashSet<>();
    Deque<Nb101Cell> todo = new ArrayDeque<>(List.of(cells.get(0)));
    seen.add(cells.get(0));
    while (!todo.isEmpty()) {
      for (Nb101Cell d : Neighbourhoods.cell(space, todo.poll())) {
        if (seen.add(d)) {
          todo.add(d);
        }
      }
    }
    assertEquals(91, seen.size());
  }
}
