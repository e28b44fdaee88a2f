package dev.nasrank.harness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nasrank.benchbridge.CellSpace;
import dev.nasrank.benchbridge.ModelSpec;
import dev.nasrank.datasets.DataRoot;
import dev.nasrank.harness.candidates.Candidate;
import dev.nasrank.harness.candidates.CandidatesCsv;
import dev.nasrank.harness.space.CandidateSample;
import dev.nasrank.harness.space.CellSearchSpace;
import dev.nasrank.harness.space.Nb101Cell;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cell-space report: the trivial predictors ranked like settings, against the 20k dump, whose
 * label every table and the report carry.
 */
class TrivialPredictorsTest {

  @TempDir Path tmp;

  /**
   * Kendall tau-b of the dump's trainable_parameters against its 108-epoch validation accuracy over
   * the uniform 500 of its cells (seed 2020), computed independently: the sample by a Python
   * re-implementation of java.util.Random over the dump's sorted keys, tau-b by
   * scipy.stats.kendalltau 1.17.1 (0.31418324394909675).
   */
  static final double PARAMS_TAU_500 = 0.31418324394909675;

  @Test
  void predictorsAreRankedAndComparedLikeSettingsAgainstOneRepeatOfThe20kDump() throws Exception {
    Path file =
        DataRoot.resolve(null).root().resolve("nasbench101-partial/nasbench-vis_data-20k.json");
    assumeTrue(Files.isRegularFile(file), file + " is absent (shared datasets); skipping");
    GroundTruth gt = GroundTruthFiles.open(file, OptionalInt.empty());
    assertEquals(
        "NAS-Bench-101 nasbench-vis_data-20k.json, 108 epochs, one repeat (20k dump)",
        gt.description());
    CellSearchSpace nb101 = CellSearchSpace.of(CellSpace.NB101);
    List<Nb101Cell> cells =
        CandidateSample.uniform(500).draw(nb101, gt::contains, gt::meanValidationAccuracy);
    // a supernet setting whose calibrated scores are the truth itself and uncalibrated its reverse
    List<Candidate> rows = new ArrayList<>();
    for (boolean calibrated : new boolean[] {false, true}) {
      for (Nb101Cell c : cells) {
        double a = gt.meanValidationAccuracy(c.id());
        rows.add(
            Candidate.builder()
                .setMethod("mixpath")
                .setBnStrategy("vanilla")
                .setCalibrated(calibrated)
                .setSeed(2020)
                .setArchitecture(c.id(), c.activePaths(), c.moduleHash())
                .setOneShotAccuracy(calibrated ? a : 1 - a)
                .optSpace("nb101")
                .build());
      }
    }
    RunDirectory dir = new RunDirectory(tmp);
    CandidatesCsv.write(dir.candidatesCsv(), rows, CandidatesCsv.Columns.MERGED);
    ReportResult r =
        Reporter.render(
            dir,
            gt,
            ReportOptions.builder()
                .optPlots(false)
                .optStudyResamples(400)
                .optBootstrapResamples(200)
                .build());
    List<String> settings =
        r.ranking().stream()
            .map(x -> x.method() + "/" + x.bnStrategy() + "/" + x.calibrated())
            .toList();
    assertEquals(
        List.of(
            "mixpath/vanilla/false",
            "mixpath/vanilla/true",
            "predictor/params/false",
            "predictor/flops/false",
            "predictor/conv3x3/false"),
        settings);
    RankingRow params = r.ranking().get(2);
    assertEquals(500, params.n());
    assertEquals(PARAMS_TAU_500, params.kendallTau(), 1e-12);
    assertEquals(1.0, r.ranking().get(1).kendallTau(), 1e-12);
    // conv3x3 counted here from the stored matrices, ranked by hand with the reporter's tau-b
    double[] conv = new double[cells.size()];
    double[] truth = new double[cells.size()];
    for (int i = 0; i < cells.size(); i++) {
      ModelSpec spec = cells.get(i).spec();
      for (int v = 1; v < spec.vertexCount() - 1; v++) {
        conv[i] += spec.op(v) == dev.nasrank.benchbridge.Op.CONV3X3 ? 1 : 0;
      }
      truth[i] = gt.meanValidationAccuracy(cells.get(i).id());
    }
    assertEquals(cells.get(0).conv3x3Count(), (int) conv[0]);
    assertEquals(
        dev.nasrank.harness.metrics.RankMetrics.kendallTauB(conv, truth),
        r.ranking().get(4).kendallTau(),
        1e-12);
    System.out.printf(
        Locale.ROOT,
        "uniform 500 of the 20k dump, seed 2020, tau-b vs 108-epoch accuracy: params %.4f [%.4f,"
            + " %.4f], flops %.4f, conv3x3 %.4f%n",
        params.kendallTau(),
        params.kendallTauLow(),
        params.kendallTauHigh(),
        r.ranking().get(3).kendallTau(),
        r.ranking().get(4).kendallTau());
    String csv = Files.readString(dir.comparisonsCsv());
    assertTrue(csv.contains("\nmixpath,vanilla,true,predictor,params,false,1,"), csv);
    String md = Files.readString(dir.reportMd());
    assertTrue(
        md.contains(
            "Space nb101: 500 cells ranked, a sample of its 423,624 unique cells (the plan's"
                + " cells.txt). Ground truth: one repeat (20k dump), 108 epochs."),
        md);
    assertTrue(md.contains("none is audited"), md);
  }
}
