package dev.nasrank.benchbridge.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nasrank.benchbridge.FullSpace;
import dev.nasrank.benchbridge.Metric;
import dev.nasrank.benchbridge.ModelSpec;
import dev.nasrank.benchbridge.QueryResult;
import dev.nasrank.datasets.TestData;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The partial dumps through the common query interface: what they record, and clear refusals for
 * the rest.
 */
class PartialDumpTest {
  private static final String FIRST = "00005c142e6f48ac74fdcf73e3439874";

  @Test
  void visData1kHasCellsAndOneRepeatOfValidationAccuracy() throws IOException {
    PartialDump d =
        PartialDump.visData(
            TestData.require("nasbench101-partial/nasbench-vis_data-1k.json"), null);
    assertEquals(1000, d.size());
    assertTrue(d.hasSpecs());
    assertEquals(FIRST, d.spec(FIRST).hash());
    assertEquals(1, d.repeats(FIRST, 108));
    // SOURCE.md: hash 00005c14... has 108-epoch validation 0.93049 in this dump (one repeat)
    assertEquals(0.93049, d.finalMetric(FIRST, 108, 0, Metric.VALIDATION_ACCURACY), 0.000005);
    assertEquals(0.93049, d.meanFinalValidationAccuracy(FIRST, 108), 0.000005);
    assertTrue(d.has(Metric.TRAINING_TIME, 108));
    assertFalse(d.has(Metric.TRAINING_TIME, 4));
    assertFalse(d.has(Metric.TEST_ACCURACY, 108));
    UnsupportedOperationException e =
        assertThrows(
            UnsupportedOperationException.class, () -> d.meanFinalTestAccuracy(FIRST, 108));
    assertTrue(
        e.getMessage().contains("nasbench-vis_data-1k.json")
            && e.getMessage().contains("test_accuracy"),
        e.getMessage());
    e = assertThrows(UnsupportedOperationException.class, () -> d.halfwayEvaluation(FIRST, 108, 0));
    assertTrue(e.getMessage().contains("halfway"), e.getMessage());
    QueryResult q = d.session(1).query(d.spec(FIRST), 108, false);
    assertEquals(0.93049, q.validationAccuracy(), 0.000005);
    assertTrue(q.find(Metric.TEST_ACCURACY).isEmpty());
    assertThrows(UnsupportedOperationException.class, q::testAccuracy);
    assertTrue(d.metrics(FIRST).missing().contains("final_test_accuracy@108"));
  }

  @Test
  void visData20kRecoversSpecsByEnumeration() throws IOException {
    var path = TestData.require("nasbench101-partial/nasbench-vis_data-20k.json");
    PartialDump bare = PartialDump.visData(path, null);
    assertEquals(20_001, bare.size());
    assertFalse(bare.hasSpecs());
    UnsupportedOperationException e =
        assertThrows(UnsupportedOperationException.class, () -> bare.spec(FIRST));
    assertTrue(e.getMessage().contains("20k"), e.getMessage());
    PartialDump joined = PartialDump.visData(path, FullSpace.get());
    assertTrue(joined.hasSpecs());
    PartialDump small =
        PartialDump.visData(
            TestData.require("nasbench101-partial/nasbench-vis_data-1k.json"), null);
    // the 1k file is the first 1,000 of the 20k: the recovered specs are isomorphic to the 1k cells
    small
        .hashes()
        .forEach(
            h -> {
              assertEquals(h, joined.spec(h).hash());
              assertEquals(
                  small.finalMetric(h, 108, 0, Metric.VALIDATION_ACCURACY),
                  joined.finalMetric(h, 108, 0, Metric.VALIDATION_ACCURACY));
              assertEquals(small.trainableParameters(h), joined.trainableParameters(h));
            });
  }

  @Test
  void naslibCellsAreParsedWithItsOpCoding() throws IOException {
    PartialDump d =
        PartialDump.naslib(TestData.require("nasbench101-partial/naslib_zc_nasbench101_500.json"));
    // the 500 entries are raw (unpruned, unlabelled-isomorphic) matrices: they collapse to 292
    // NB101 cells
    assertEquals(292, d.size());
    int runs = d.hashes().mapToInt(h -> d.repeats(h, 108)).sum();
    assertEquals(500, runs);
    // entries that hash alike carry at most 3 distinct accuracies: NASLib sampled one of NB101's 3
    // repeats
    int maxDistinct =
        d.hashes()
            .mapToInt(
                h -> {
                  java.util.Set<Double> vals = new java.util.HashSet<>();
                  for (int r = 0; r < d.repeats(h, 108); r++) {
                    vals.add(d.finalMetric(h, 108, r, Metric.VALIDATION_ACCURACY));
                  }
                  return vals.size();
                })
            .max()
            .orElseThrow();
    assertTrue(
        maxDistinct >= 2 && maxDistinct <= 3, "max distinct accuracies per hash " + maxDistinct);
    // where NASLib and the 20k dump overlap, both are repeats of one cell: close, not necessarily
    // equal
    PartialDump vis =
        PartialDump.visData(
            TestData.require("nasbench101-partial/nasbench-vis_data-20k.json"), null);
    long overlap = d.hashes().filter(vis::contains).count();
    double worst =
        d.hashes()
            .filter(vis::contains)
            .mapToDouble(
                x ->
                    Math.abs(
                        d.finalMetric(x, 108, 0, Metric.VALIDATION_ACCURACY)
                            - vis.finalMetric(x, 108, 0, Metric.VALIDATION_ACCURACY)))
            .max()
            .orElse(0);
    System.out.println("NASLib/20k overlap " + overlap + " cells, largest |difference| " + worst);
    assertTrue(worst < 0.05, "NASLib and 20k disagree by " + worst);
    // the first entry of the file: 7 raw vertices (input, maxpool x2, conv3x3 x3, output); one
    // conv3x3 vertex
    // is not on an input-output path, so pruning leaves 6 vertices; 92.578125 %
    ModelSpec first =
        PartialDump.naslibSpec(
            "(0, 1, 1, 1, 1, 0, 1, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 1, 0, "
                + "0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 2, 4, 4, 4, 1)");
    assertEquals(
        "input,maxpool3x3,maxpool3x3,conv3x3-bn-relu,conv3x3-bn-relu,output",
        first.operationsString());
    String h = first.hash();
    assertTrue(d.contains(h));
    boolean found = false;
    for (int r = 0; r < d.repeats(h, 108); r++) {
      found |= Math.abs(d.finalMetric(h, 108, r, Metric.VALIDATION_ACCURACY) - 0.92578125) < 1e-12;
    }
    assertTrue(found);
    assertEquals(4_095_778, d.trainableParameters(h));
    assertArrayEqualsInt(new int[] {108}, d.epochBudgets());
    assertThrows(
        UnsupportedOperationException.class, () -> d.finalMetric(h, 108, 0, Metric.TRAINING_TIME));
    assertThrows(IllegalArgumentException.class, () -> PartialDump.naslibOp(5));
    assertThrows(IllegalArgumentException.class, () -> PartialDump.naslibSpec("(0, 1)"));
  }

  private static void assertArrayEqualsInt(int[] a, int[] b) {
    assertEquals(java.util.Arrays.toString(a), java.util.Arrays.toString(b));
  }

  @Test
  void openTellsTheTwoKindsApartByContent(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws IOException {
    PartialDump vis =
        PartialDump.open(TestData.require("nasbench101-partial/nasbench-vis_data-1k.json"), null);
    assertEquals(1000, vis.size());
    assertTrue(vis.hasSpecs());
    PartialDump naslib =
        PartialDump.open(
            TestData.require("nasbench101-partial/naslib_zc_nasbench101_500.json"), null);
    assertEquals(292, naslib.size());
    java.nio.file.Path other = dir.resolve("other.json");
    java.nio.file.Files.writeString(other, "{\"keys\": []}");
    IOException e = assertThrows(IOException.class, () -> PartialDump.open(other, null));
    assertTrue(
        e.getMessage().contains("other.json")
            && e.getMessage().contains("nasbench-vis")
            && e.getMessage().contains("NASLib"),
        e.getMessage());
  }
}
