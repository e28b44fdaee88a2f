package dev.nasrank.harness.space;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nasrank.benchbridge.CellSpace;
import dev.nasrank.benchbridge.ModelSpec;
import dev.nasrank.benchbridge.Op;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;

/** The NAS-Bench-101 cell spaces as search spaces: ids, paths, sampler, sample. */
class CellSearchSpaceTest {

  private static final CellSearchSpace V4 = CellSearchSpace.of(CellSpace.NB101_V4);
  private static final CellSearchSpace SS1 = CellSearchSpace.of(CellSpace.ONESHOT1_SS1);

  @Test
  void everyCellsPathRebuildsItsOwnCell() {
    // the supernet path, turned back into a NAS-Bench-101 cell and pruned, hashes as the cell
    for (CellSearchSpace space : List.of(V4, SS1)) {
      int checked = 0;
      for (Nb101Cell cell : space.candidates()) {
        assertEquals(cell.id(), cell.path().toSpec().hash(), () -> cell.path().toString());
        assertEquals(cell.spec().hash(), cell.id());
        assertTrue(space.contains(cell));
        checked++;
      }
      assertEquals(space == V4 ? 91 : 2_685, checked);
    }
  }

  @Test
  void theOutputSitsAtTheLastPositionAndShortCellsLeaveTheRestInactive() {
    // input -> conv3x3 -> maxpool3x3 -> output, with a skip input -> output
    ModelSpec spec =
        ModelSpec.of(
            new int[][] {{0, 1, 0, 1}, {0, 0, 1, 0}, {0, 0, 0, 1}, {0, 0, 0, 0}},
            List.of(Op.INPUT, Op.CONV3X3, Op.MAXPOOL3X3, Op.OUTPUT));
    Nb101Cell cell = Nb101Cell.of(spec);
    CellPath p = cell.path();
    assertEquals(7, p.vertices());
    assertEquals(Op.CONV3X3, p.op(1));
    assertEquals(Op.MAXPOOL3X3, p.op(2));
    assertNull(p.op(3));
    assertNull(p.op(5));
    assertEquals(Op.OUTPUT, p.op(6));
    assertEquals(0b001, p.inputs(1));
    assertEquals(0b010, p.inputs(2));
    assertEquals(0b101, p.inputs(6));
    assertArrayEquals(new int[] {1, 2}, p.activeVertices());
    assertEquals(1, cell.conv3x3Count());
    assertEquals(spec.hash(), cell.id());
    assertTrue(V4.containsHash(spec.hash()));
  }

  @Test
  void parseReadsAHashBackAndNamesTheSpaceOtherwise() {
    Nb101Cell first = V4.candidates().get(0);
    assertEquals(first, V4.parse(first.id()));
    String notHere = "00000000000000000000000000000000";
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> V4.parse(notHere));
    assertEquals(
        "'" + notHere + "' is not the module hash of a cell of space nb101-v4 (91 cells)",
        e.getMessage());
  }

  @Test
  void theSamplerIsUniformOverUniqueCellsRepeatableAndResumable() {
    int draws = 91 * 200;
    int[] counts = new int[91];
    List<String> ids = V4.candidates().stream().map(Nb101Cell::id).toList();
    UniformCellSampler s = V4.sampler(7);
    List<String> first = new ArrayList<>();
    for (int i = 0; i < draws; i++) {
      String id = s.next().id();
      counts[ids.indexOf(id)]++;
      if (i < 20) {
        first.add(id);
      }
    }
    // Pearson's chi-square against the uniform: below its 0.999 quantile (df 90)
    double expected = draws / 91.0;
    double chi2 = 0;
    for (int c : counts) {
      chi2 += (c - expected) * (c - expected) / expected;
    }
    assertTrue(
        chi2 < new ChiSquaredDistribution(90).inverseCumulativeProbability(0.999), "" + chi2);

    UniformCellSampler again = V4.sampler(7);
    List<String> repeat = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      repeat.add(again.next().id());
    }
    assertEquals(first, repeat);
    byte[] state = again.saveState();
    String next = again.next().id();
    UniformCellSampler resumed = V4.sampler(99);
    resumed.restoreState(state);
    assertEquals(next, resumed.next().id());
    assertNotEquals(first, sample(V4.sampler(8), 20));
  }

  @Test
  void aSampleIsSeededDistinctAndInTheSpacesOrder() {
    Set<String> eligible = new HashSet<>();
    List<Nb101Cell> all = SS1.candidates();
    for (int i = 0; i < all.size(); i += 3) {
      eligible.add(all.get(i).id());
    }
    List<Nb101Cell> a = SS1.sample(50, 2020, c -> eligible.contains(c.id()));
    assertEquals(a, SS1.sample(50, 2020, c -> eligible.contains(c.id())));
    assertEquals(50, new HashSet<>(a).size());
    assertTrue(a.stream().allMatch(c -> eligible.contains(c.id())));
    for (int i = 1; i < a.size(); i++) {
      assertTrue(a.get(i - 1).id().compareTo(a.get(i).id()) < 0);
    }
    assertNotEquals(a, SS1.sample(50, 2021, c -> eligible.contains(c.id())));
  }

  @Test
  void spacesKnowTheCellSpacesAndWhichAreCensuses() {
    assertInstanceOf(CellSearchSpace.class, Spaces.byId("nb101"));
    assertEquals("1shot1-ss3", Spaces.byId("1SHOT1-SS3").id());
    assertTrue(Spaces.isEnumeratedInFull("s4"));
    assertFalse(Spaces.isEnumeratedInFull("nb101-v6"));
    assertEquals(8, Spaces.IDS.size());
  }

  private static List<String> sample(UniformCellSampler s, int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(s.next().id());
    }
    return out;
  }
}
