package dev.nasrank.benchbridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nasrank.benchbridge.io.PartialDump;
import dev.nasrank.datasets.TestData;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Parameters and FLOPs of NAS-Bench-101 networks: a hand-computed small network, the published
 * parameter counts of the real record and of all 20,001 cells of the 20k dump, and NASLib's FLOPs
 * and parameters for all 500 rows of its file, computed on the file's own matrices.
 */
class NetworkCostTest {

  private static final ModelSpec ONE_CONV =
      ModelSpec.of(
          new int[][] {{0, 1, 0}, {0, 0, 1}, {0, 0, 0}}, List.of(Op.INPUT, Op.CONV3X3, Op.OUTPUT));

  @Test
  void aTinyNetworkCountedByHand() {
    // stem 3x3, 3 -> 4 channels, one stack of one cell input -> conv3x3 -> output at 4 channels,
    // 2 classes, 4x4 image (16 pixels):
    //   stem:        params 3*3*3*4 + 2*4 = 116;       FLOPs (108 + 3*4) * 16 = 1,920
    //   projection:  params 1*1*4*4 + 8 = 24;          FLOPs (16 + 12) * 16 = 448
    //   conv3x3:     params 3*3*4*4 + 8 = 152;         FLOPs (144 + 12) * 16 = 2,496
    //   dense 4->2:  params 4*2 + 2 = 10;              FLOPs 4*2 = 8 (bias and average pool: 0)
    NetworkCost c = NetworkCost.of(ONE_CONV, new NetworkCost.Shape(4, 1, 1, 2, 4));
    assertEquals(116 + 24 + 152 + 10, c.parameters());
    assertEquals(1_920 + 448 + 2_496 + 8, c.flops());
    // a second stack: 2x2 pool of 4 channels to 2x2 pixels (4 * 4 * 4 = 64 FLOPs), then the cell
    // 4 -> 8 channels at 4 pixels: projection 1*1*4*8 + 16 = 48 params, (32 + 24) * 4 = 224
    // FLOPs; conv3x3 8 -> 8: 576 + 16 = 592 params, (576 + 24) * 4 = 2,400 FLOPs; dense 8 -> 2.
    NetworkCost two = NetworkCost.of(ONE_CONV, new NetworkCost.Shape(4, 2, 1, 2, 4));
    assertEquals(116 + 24 + 152 + 48 + 592 + 18, two.parameters());
    assertEquals(1_920 + 448 + 2_496 + 64 + 224 + 2_400 + 16, two.flops());
    assertEquals(two.flops() / 1e6, two.megaFlops());
  }

  @Test
  void maxpoolAndInputToOutputEdgesAreCounted() {
    // input -> maxpool -> output and input -> output, C = 4, 1 stack x 1 cell, 2 classes, 4x4:
    // projection to the maxpool vertex (24 params, 448 FLOPs), the pool 9 * 4 * 16 = 576 FLOPs,
    // the input-to-output projection (24, 448)
    ModelSpec s =
        ModelSpec.of(
            new int[][] {{0, 1, 1}, {0, 0, 1}, {0, 0, 0}},
            List.of(Op.INPUT, Op.MAXPOOL3X3, Op.OUTPUT));
    NetworkCost c = NetworkCost.of(s, new NetworkCost.Shape(4, 1, 1, 2, 4));
    assertEquals(116 + 24 + 24 + 10, c.parameters());
    assertEquals(1_920 + 448 + 576 + 448 + 8, c.flops());
    assertThrows(IllegalArgumentException.class, () -> new NetworkCost.Shape(4, 4, 1, 2, 4));
  }

  @Test
  void vertexOrderDecidesTheChannelsOfIsomorphicCopies() {
    // three vertices feed the output: 128 = 43 + 43 + 42, the last one gets 42. A conv3x3 in the
    // last position or in the first gives two isomorphic cells with different costs.
    int[][] m = {
      {0, 1, 1, 1, 0},
      {0, 0, 0, 0, 1},
      {0, 0, 0, 0, 1},
      {0, 0, 0, 0, 1},
      {0, 0, 0, 0, 0}
    };
    ModelSpec first =
        ModelSpec.of(m, List.of(Op.INPUT, Op.CONV3X3, Op.MAXPOOL3X3, Op.MAXPOOL3X3, Op.OUTPUT));
    ModelSpec last =
        ModelSpec.of(m, List.of(Op.INPUT, Op.MAXPOOL3X3, Op.MAXPOOL3X3, Op.CONV3X3, Op.OUTPUT));
    assertEquals(first.hash(), last.hash());
    assertNotEquals(NetworkCost.of(first).parameters(), NetworkCost.of(last).parameters());
  }

  @Test
  void theRealRecordHasItsPublishedParameterCount() {
    // the cell of first_record_nasbench_full.tfrecord: trainable_parameters 8,555,530
    ModelSpec spec =
        ModelSpec.parse(
            "0100110001000000010010000010000001000000010000000",
            "input,conv3x3-bn-relu,maxpool3x3,conv3x3-bn-relu,conv3x3-bn-relu,conv1x1-bn-relu,output");
    assertEquals("00005c142e6f48ac74fdcf73e3439874", spec.hash());
    assertEquals(8_555_530L, NetworkCost.of(spec).parameters());
  }

  @Test
  void parametersEqualTheDumpForAll20001Cells() throws IOException {
    PartialDump dump =
        PartialDump.visData(
            TestData.require("nasbench101-partial/nasbench-vis_data-20k.json"), FullSpace.get());
    assertEquals(20_001, dump.size());
    int equal = 0;
    for (Iterator<String> it = dump.hashes().iterator(); it.hasNext(); ) {
      String h = it.next();
      assertEquals(dump.trainableParameters(h), dump.cost(h).parameters(), h);
      equal++;
    }
    assertEquals(20_001, equal);
  }

  @Test
  void flopsAndParametersEqualNaslibsFileForAll500Rows() throws IOException {
    JsonNode cells =
        new ObjectMapper()
            .readTree(
                TestData.require("nasbench101-partial/naslib_zc_nasbench101_500.json").toFile())
            .path("nasbench101")
            .path("cifar10");
    int rows = 0;
    int otherOrder = 0;
    int otherCost = 0;
    double worst = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = cells.fields(); it.hasNext(); rows++) {
      Map.Entry<String, JsonNode> row = it.next();
      ModelSpec spec = PartialDump.naslibSpec(row.getKey()); // the file's own vertex order
      NetworkCost cost = NetworkCost.of(spec);
      double fileFlops = row.getValue().get("flops").asDouble();
      double relative = Math.abs(cost.megaFlops() - fileFlops) / fileFlops;
      worst = Math.max(worst, relative);
      assertTrue(relative <= 1e-5, row.getKey() + ": " + cost.megaFlops() + " vs " + fileFlops);
      // the file prints MFLOPs and millions of parameters with 6 decimals: both are exact
      assertEquals(Math.round(fileFlops * 1e6), cost.flops(), row.getKey());
      assertEquals(
          Math.round(row.getValue().get("params").asDouble() * 1e6),
          cost.parameters(),
          row.getKey());
      ModelSpec stored = FullSpace.get().spec(spec.hash());
      if (!stored.equals(spec)) {
        otherOrder++;
        otherCost += NetworkCost.of(stored).equals(cost) ? 0 : 1;
      }
    }
    assertEquals(500, rows);
    // 90 rows number the vertices otherwise than NAS-Bench-101 stores them; for 28 of them that
    // changes the parameters and FLOPs: the file's own matrix is what its figures were made from
    assertEquals(90, otherOrder);
    assertEquals(28, otherCost);
    assertEquals(0.0, worst);
  }
}
