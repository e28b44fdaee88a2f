package dev.nasrank.harness.report.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nasrank.benchbridge.GroundTruthSource;
import dev.nasrank.benchbridge.Metric;
import dev.nasrank.benchbridge.ModelSpec;
import dev.nasrank.harness.metrics.BootstrapInterval;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fidelity study on five hand-made cells whose correlations are computed by hand. */
class FidelityStudyTest {

  /** Cells c0..c5 of a chain input -> k convs -> output; a source answering from fixed tables. */
  private record Table(
      String name, Map<String, double[]> byBudget, int[] budgets, Map<String, Integer> params)
      implements GroundTruthSource {
    static ModelSpec cell(int k) {
      int n = k + 2;
      int[][] m = new int[n][n];
      for (int i = 0; i + 1 < n; i++) {
        m[i][i + 1] = 1;
      }
      List<String> ops = new java.util.ArrayList<>();
      ops.add("input");
      for (int i = 0; i < k; i++) {
        ops.add(i % 2 == 0 ? "conv3x3-bn-relu" : "conv1x1-bn-relu");
      }
      ops.add("output");
      return ModelSpec.ofNames(m, ops);
    }

    @Override
    public int size() {
      return byBudget.size();
    }

    @Override
    public Stream<String> hashes() {
      return byBudget.keySet().stream().sorted();
    }

    @Override
    public boolean contains(String hash) {
      return byBudget.containsKey(hash);
    }

    @Override
    public boolean hasSpecs() {
      return true;
    }

    @Override
    public ModelSpec spec(String hash) {
      for (int k = 0; k < 6; k++) {
        if (cell(k).hash().equals(hash)) {
          return cell(k);
        }
      }
      throw new java.util.NoSuchElementException(hash);
    }

    @Override
    public int[] epochBudgets() {
      return budgets;
    }

    @Override
    public int repeats(String hash, int epochs) {
      return contains(hash) ? 1 : 0;
    }

    @Override
    public boolean hasHalfway() {
      return false;
    }

    @Override
    public boolean has(Metric metric, int epochs) {
      return metric == Metric.VALIDATION_ACCURACY;
    }

    @Override
    public double finalMetric(String hash, int epochs, int repeat, Metric metric) {
      int b = java.util.Arrays.stream(budgets).boxed().toList().indexOf(epochs);
      return byBudget.get(hash)[b];
    }

    @Override
    public double halfwayMetric(String hash, int epochs, int repeat, Metric metric) {
      throw new UnsupportedOperationException();
    }

    @Override
    public int trainableParameters(String hash) {
      return params.get(hash);
    }
  }

  private static String h(int k) {
    return Table.cell(k).hash();
  }

  @Test
  void correlationsAndParameterChecksMatchHandComputedValues(@TempDir Path dir) throws IOException {
    Map<String, double[]> ours = new LinkedHashMap<>();
    Map<String, double[]> nb = new LinkedHashMap<>();
    Map<String, Integer> params = new LinkedHashMap<>();
    // ours at 12 epochs; NB101 at (12, 108). Final accuracies rank the cells 1,2,3,5,4 against ours
    // 1..5.
    double[] o = {0.10, 0.20, 0.30, 0.40, 0.50};
    double[] n12 = {0.30, 0.10, 0.20, 0.40, 0.50};
    double[] n108 = {0.50, 0.60, 0.70, 0.90, 0.80};
    for (int k = 0; k < 5; k++) {
      ours.put(h(k), new double[] {o[k]});
      nb.put(h(k), new double[] {n12[k], n108[k]});
      params.put(h(k), 1000 + k);
    }
    ours.put(h(5), new double[] {0.9});
    Table mine = new Table("ours", ours, new int[] {12}, Map.of());
    Table nb101 = new Table("nb101", nb, new int[] {12, 108}, params);
    // our count agrees except for cell 3
    FidelityStudy.Result r =
        FidelityStudy.compute(
            mine,
            12,
            nb101,
            12,
            108,
            s ->
                s.hash().equals(h(3))
                    ? 7
                    : 1000 + List.of(h(0), h(1), h(2), h(3), h(4)).indexOf(s.hash()),
            BootstrapInterval.defaults().withResamples(200));
    assertEquals(5, r.rows().size());
    assertEquals(List.of(h(5)), r.missing());
    assertEquals(4, r.parameterMatches());
    FidelityStudy.Correlation finalC = r.correlations().get(0);
    assertEquals("ours (12 ep)", finalC.x());
    assertEquals("NB101 108 ep", finalC.y());
    // 10 pairs, one discordant (cells 3 and 4): tau = (9 - 1) / 10; Spearman: sum d^2 = 2 -> 1 -
    // 12/120.
    assertEquals(0.8, finalC.kendall().estimate(), 1e-12);
    assertEquals(0.9, finalC.spearman().estimate(), 1e-12);
    // ours vs NB101 12 ep: ranks 3,1,2,4,5 -> discordant pairs (0,1),(0,2): tau = 6/10, sum d^2 =
    // 4+1+1 = 6.
    FidelityStudy.Correlation shortC = r.correlations().get(1);
    assertEquals(0.6, shortC.kendall().estimate(), 1e-12);
    assertEquals(0.7, shortC.spearman().estimate(), 1e-12);
    assertTrue(finalC.kendall().low() <= 0.8 && finalC.kendall().high() >= 0.8);
    FidelityReport.write(r, dir, "test sources");
    List<String> csv = Files.readAllLines(dir.resolve("fidelity.csv"));
    assertEquals(6, csv.size());
    assertEquals(h(0) + ",0.100000,1,0.300000,0.500000,1000,1000", csv.get(1));
    assertTrue(
        Files.readString(dir.resolve("fidelity.md")).contains("equal NAS-Bench-101's for 4 of 5"));
    assertTrue(Files.size(dir.resolve("plots").resolve("fidelity-final.png")) > 1000);
  }

  @Test
  void tooFewCommonCellsOrAMissingBudgetIsAnError() {
    Map<String, double[]> one = Map.of(h(0), new double[] {0.5});
    Table mine = new Table("ours", one, new int[] {12}, Map.of());
    Table nb =
        new Table(
            "nb", Map.of(h(0), new double[] {0.4, 0.6}), new int[] {12, 108}, Map.of(h(0), 1));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    FidelityStudy.compute(
                        mine, 12, nb, 12, 108, s -> 1, BootstrapInterval.defaults()))
            .getMessage()
            .contains("at least 3"));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    FidelityStudy.compute(
                        mine, 12, nb, 36, 108, s -> 1, BootstrapInterval.defaults()))
            .getMessage()
            .contains("no 36-epoch budget"));
  }
}
