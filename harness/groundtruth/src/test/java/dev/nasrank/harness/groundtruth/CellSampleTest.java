package dev.nasrank.harness.groundtruth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nasrank.benchbridge.GroundTruthSource;
import dev.nasrank.benchbridge.ModelSpec;
import dev.nasrank.datasets.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stratified cell sample, on the real 1k nasbench-vis dump (which carries the cells). */
class CellSampleTest {

  private static GroundTruthSource oneK() throws IOException {
    return CellSample.open(TestData.require("nasbench101-partial/nasbench-vis_data-1k.json"));
  }

  @Test
  void oneCellPerNonEmptyStratumThenUniformFillAscendingAndSeeded() throws IOException {
    GroundTruthSource src = oneK();
    int n = 12;
    List<ModelSpec> a = CellSample.draw(src, n, 108, 2020);
    assertEquals(n, a.size());
    assertEquals(n, a.stream().map(ModelSpec::hash).distinct().count());
    double[] acc =
        a.stream().mapToDouble(s -> src.meanFinalValidationAccuracy(s.hash(), 108)).toArray();
    for (int i = 1; i < acc.length; i++) {
      assertTrue(acc[i - 1] <= acc[i], "ascending by accuracy");
    }
    // Strata computed independently: equal-width bins over [min, max] of the 1,000 accuracies.
    double lo =
        src.hashes().mapToDouble(h -> src.meanFinalValidationAccuracy(h, 108)).min().orElseThrow();
    double hi =
        src.hashes().mapToDouble(h -> src.meanFinalValidationAccuracy(h, 108)).max().orElseThrow();
    Set<Integer> nonEmpty = new HashSet<>();
    src.hashes()
        .forEach(h -> nonEmpty.add(bin(src.meanFinalValidationAccuracy(h, 108), lo, hi, n)));
    Set<Integer> covered = new HashSet<>();
    for (double x : acc) {
      covered.add(bin(x, lo, hi, n));
    }
    assertEquals(nonEmpty, covered, "every stratum that holds a cell is sampled");
    assertEquals(lo, acc[0], 0.0, "the lowest stratum's only cells sit at the bottom of the range");
    assertEquals(a, CellSample.draw(src, n, 108, 2020), "same seed, same sample");
    assertNotEquals(a, CellSample.draw(src, n, 108, 2021));
  }

  private static int bin(double x, double lo, double hi, int n) {
    return (int) Math.min(n - 1, Math.floor((x - lo) / ((hi - lo) / n)));
  }

  @Test
  void badRequestsNameTheProblem(@TempDir Path dir) throws IOException {
    GroundTruthSource src = oneK();
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> CellSample.draw(src, 0, 108, 1))
            .getMessage()
            .contains("1..1000"));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> CellSample.draw(src, 5, 200, 1))
            .getMessage()
            .contains("no 200-epoch budget"));
    assertTrue(
        assertThrows(IOException.class, () -> CellSample.open(dir.resolve("none.json")))
            .getMessage()
            .contains("none.json"));
  }

  @Test
  void jsonLinesCellsAreReadAndBadLinesNamed(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("cells.jsonl");
    Files.writeString(
        f,
        "{\"matrix\": [[0,1,1],[0,0,1],[0,0,0]], \"ops\": [\"input\", \"conv3x3-bn-relu\", "
            + "\"output\"]}\n\n{\"matrix\": [[0,1],[0,0]], \"ops\": [\"input\", \"output\"]}\n");
    List<ModelSpec> cells = Architectures.readJsonLines(f);
    assertEquals(2, cells.size());
    Files.writeString(
        f, "{\"matrix\": [[0,1],[0,0]], \"ops\": [\"input\", \"output\"]} xyz\n{\"matrix\": 5}\n");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Architectures.readJsonLines(f));
    assertTrue(e.getMessage().startsWith(f + ":"), e.getMessage());
  }
}
