package dev.nasrank.harness.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nasrank.benchbridge.ModelSpec;
import dev.nasrank.benchbridge.Op;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class S4SpaceTest {

  @Test
  void choiceCountsMatchTheCombinatorics() {
    // sum over k <= m of C(4, k) * 3^k
    assertEquals(255, S4Space.choices(4).size());
    assertEquals(12 + 54 + 108, S4Space.choices(3).size());
    assertEquals(12 + 54, S4Space.choices(2).size());
    assertEquals(12, S4Space.choices(1).size());
    for (int m = 1; m <= 4; m++) {
      assertEquals((int) Math.pow(4, m) - 1, S4Space.referenceChoices(m).size());
      assertEquals(new HashSet<>(S4Space.choices(m)).size(), S4Space.choices(m).size());
    }
  }

  @Test
  void uniqueHashCountsAreTheOpMultisets() {
    assertEquals(34, S4Space.uniqueArchitectures(4).size());
    assertEquals(19, S4Space.uniqueArchitectures(3).size());
    assertEquals(9, S4Space.uniqueArchitectures(2).size());
    assertEquals(3, S4Space.uniqueArchitectures(1).size());
    for (int m = 1; m <= 4; m++) {
      assertEquals(
          S4Space.uniqueArchitectures(m).keySet(),
          S4Space.groupByHash(S4Space.referenceChoices(m)).keySet());
    }
  }

  @Test
  void isomorphicChoicesShareOneMultisetOfOps() {
    for (Map.Entry<String, List<S4Choice>> e : S4Space.uniqueArchitectures(4).entrySet()) {
      Set<List<Op>> multisets = new HashSet<>();
      for (S4Choice c : e.getValue()) {
        List<Op> ops = new ArrayList<>();
        for (int n : c.activeNodes()) {
          ops.add(c.op(n));
        }
        ops.sort(null);
        multisets.add(ops);
      }
      assertEquals(1, multisets.size(), "hash " + e.getKey() + " mixes op multisets " + multisets);
    }
    // Group sizes add up to all choices; the 4x conv3x3 architecture has exactly one choice.
    assertEquals(255, S4Space.uniqueArchitectures(4).values().stream().mapToInt(List::size).sum());
    String all3 =
        S4Space.toSpec(S4Choice.parse("n1:conv3x3,n2:conv3x3,n3:conv3x3,n4:conv3x3")).hash();
    assertEquals(1, S4Space.uniqueArchitectures(4).get(all3).size());
    // One maxpool node: 4 choices (any node).
    String onePool = S4Space.toSpec(S4Choice.parse("n2:maxpool3x3")).hash();
    assertEquals(4, S4Space.uniqueArchitectures(4).get(onePool).size());
  }

  @Test
  void specHasTheS4Shape() {
    S4Choice c = S4Choice.parse("n1:conv3x3,n3:maxpool3x3");
    ModelSpec spec = S4Space.toSpec(c);
    assertTrue(spec.isValid());
    // input, two nodes, fixed conv1x1, output
    assertEquals(5, spec.vertexCount());
    assertEquals(5, spec.edgeCount());
    assertEquals(List.of(Op.INPUT, Op.CONV3X3, Op.MAXPOOL3X3, Op.CONV1X1, Op.OUTPUT), spec.ops());
    assertTrue(
        spec.hasEdge(0, 1)
            && spec.hasEdge(0, 2)
            && spec.hasEdge(1, 3)
            && spec.hasEdge(2, 3)
            && spec.hasEdge(3, 4));
    assertFalse(spec.hasEdge(0, 3));
    ModelSpec full =
        S4Space.toSpec(S4Choice.parse("n1:conv1x1,n2:conv3x3,n3:maxpool3x3,n4:conv1x1"));
    assertEquals(7, full.vertexCount());
    assertEquals(9, full.edgeCount());
    // Same multiset on other nodes: same hash.
    assertEquals(spec.hash(), S4Space.toSpec(S4Choice.parse("n2:maxpool3x3,n4:conv3x3")).hash());
  }

  @Test
  void idsRoundTripAndReject() {
    for (S4Choice c : S4Space.choices(4)) {
      assertEquals(c, S4Choice.parse(c.id()));
      assertEquals(Integer.bitCount(c.activeMask()), c.activePaths());
    }
    S4Choice c = S4Choice.of(Arrays.asList(Op.CONV3X3, null, Op.MAXPOOL3X3, null));
    assertEquals("n1:conv3x3,n3:maxpool3x3", c.id());
    assertEquals(2, c.activePaths());
    assertEquals(0b101, c.activeMask());
    assertEquals(c, S4Choice.parse("n3:maxpool3x3,n1:conv3x3-bn-relu"));
    assertThrows(IllegalArgumentException.class, () -> S4Choice.parse("n5:conv3x3"));
    assertThrows(IllegalArgumentException.class, () -> S4Choice.parse("n1:conv5x5"));
    assertThrows(IllegalArgumentException.class, () -> S4Choice.parse("n1:conv3x3,n1:conv1x1"));
    assertThrows(IllegalArgumentException.class, () -> new S4Choice(0));
    assertThrows(IllegalArgumentException.class, () -> S4Space.choices(5));
  }
}
