package dev.nasrank.benchbridge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nasrank.benchbridge.io.PartialDump;
import dev.nasrank.datasets.TestData;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How many of the 20k dump's cells (the 20,001 lowest hashes of NAS-Bench-101, about a uniform 4.7%
 * sample) lie in each space. The nb101-v{n} counts agree with the dump's vertex counts (nb101-v4:
 * the 7 cells of 4 or fewer vertices; v5: 7 + 130; v6: 137 + 2,917).
 */
class CellSpaceDumpTest {

  @Test
  void cellsOfThe20kDumpInEachSpace() throws IOException {
    PartialDump dump =
        PartialDump.visData(
            TestData.require("nasbench101-partial/nasbench-vis_data-20k.json"), null);
    Map<CellSpace, Integer> expected = new LinkedHashMap<>();
    expected.put(CellSpace.NB101_V4, 7);
    expected.put(CellSpace.NB101_V5, 137);
    expected.put(CellSpace.NB101_V6, 3_054);
    expected.put(CellSpace.ONESHOT1_SS1, 131);
    expected.put(CellSpace.ONESHOT1_SS2, 381);
    expected.put(CellSpace.ONESHOT1_SS3, 2_698);
    for (Map.Entry<CellSpace, Integer> e : expected.entrySet()) {
      SearchSpace s = e.getKey().enumerate(2);
      assertEquals((long) e.getValue(), dump.hashes().filter(s::contains).count(), e.getKey().id());
    }
    SearchSpace all = FullSpace.get();
    assertEquals(20_001L, dump.hashes().filter(all::contains).count());
    // the vertex counts of the dump's cells, from the whole space's stored cells
    int[] byVertices = new int[8];
    dump.hashes().forEach(h -> byVertices[all.spec(h).vertexCount()]++);
    assertEquals(
        List.of(7, 130, 2_917, 16_947),
        List.of(
            byVertices[2] + byVertices[3] + byVertices[4],
            byVertices[5],
            byVertices[6],
            byVertices[7]));
  }
}
