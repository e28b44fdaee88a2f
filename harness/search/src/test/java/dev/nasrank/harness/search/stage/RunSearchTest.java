package dev.nasrank.harness.search.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nasrank.harness.candidates.Candidate;
import dev.nasrank.harness.candidates.CandidatesCsv;
import dev.nasrank.harness.report.InMemoryGroundTruth;
import dev.nasrank.harness.search.Strategy;
import dev.nasrank.harness.space.S4Choice;
import dev.nasrank.harness.space.S4Space;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunSearchTest {

  private static final long[] SUPERNET_SEEDS = {2020, 2021};

  /**
   * Ground truth of an S4 architecture: 0.80 + 0.02 per conv3x3 + 0.01 per conv1x1 node (op
   * multiset, so isomorphic choices agree), plus a small hash-derived spread that breaks ties.
   */
  private static double truth(S4Choice c) {
    double v = 0.80;
    for (int n = 0; n < S4Choice.NODES; n++) {
      v += c.opIndex(n) == 1 ? 0.02 : c.opIndex(n) == 0 ? 0.01 : 0;
    }
    return v + (Math.floorMod(c.moduleHash().hashCode(), 97)) * 1e-5;
  }

  /** Two settings: a perfect supernet (one-shot = ground truth) and an inverted one (1 - truth). */
  private static InMemoryGroundTruth write(Path dir) {
    List<Candidate> rows = new ArrayList<>();
    Map<String, double[]> gt = new LinkedHashMap<>();
    for (S4Choice c : S4Space.full().candidates()) {
      gt.put(c.moduleHash(), new double[] {truth(c)});
      for (long seed : SUPERNET_SEEDS) {
        for (boolean calibrated : new boolean[] {true, false}) {
          rows.add(
              Candidate.builder()
                  .setMethod("mixpath")
                  .setBnStrategy("linear_sbn")
                  .setCalibrated(calibrated)
                  .setSeed(seed)
                  .setArchitecture(c.id(), c.activePaths(), c.moduleHash())
                  .setOneShotAccuracy(calibrated ? truth(c) : 1 - truth(c))
                  .build());
        }
      }
    }
    CandidatesCsv.write(dir.resolve("candidates.csv"), rows, CandidatesCsv.Columns.MERGED);
    return InMemoryGroundTruth.of("synthetic", 12, gt);
  }

  @Test
  void wholeBudgetAndThePerfectAndInvertedSupernet(@TempDir Path dir) throws IOException {
    InMemoryGroundTruth gt = write(dir);
    double best =
        S4Space.full().candidates().stream().mapToDouble(RunSearchTest::truth).max().orElseThrow();
    double worst =
        S4Space.full().candidates().stream().mapToDouble(RunSearchTest::truth).min().orElseThrow();
    SearchResult r =
        RunSearch.run(
            SearchRequest.builder(dir, gt)
                .optBudget(255)
                .optSeeds(2)
                .optResamples(200)
                .optPlots(false)
                .build());
    assertEquals(
        2 * 2 * 3 * 2 * 2,
        r.runs().size(),
        "settings x seeds x strategies x oracles x search seeds");
    for (SearchRow row : r.runs()) {
      assertEquals(255, row.queries());
      assertEquals(34, row.architectures());
      assertEquals(best, row.bestAccuracy(), 1e-12);
      boolean inverted = !row.setting().calibrated() && row.oracle() == OracleKind.SUPERNET;
      // the whole pool queried: the perfect supernet returns the optimum, the inverted one the
      // worst
      assertEquals(inverted ? best - worst : 0, row.regret(), 1e-12, row.toString());
      assertEquals(inverted ? 34 : 1, row.trueRank(), row.toString());
      if (!inverted) {
        assertEquals(1.0, row.hypervolumeRatio(), 1e-12, row.toString());
      }
    }
  }

  @Test
  void perfectSupernetMatchesTheOracleAndFilesAreWritten(@TempDir Path dir) throws IOException {
    InMemoryGroundTruth gt = write(dir);
    SearchResult r =
        RunSearch.run(
            SearchRequest.builder(dir, gt).optBudget(20).optSeeds(3).optResamples(500).build());
    Candidate.Setting perfect = new Candidate.Setting("mixpath", "linear_sbn", true);
    for (Strategy s : Strategy.values()) {
      SummaryRow sup = find(r, perfect, s, OracleKind.SUPERNET);
      SummaryRow ora = find(r, perfect, s, OracleKind.GROUND_TRUTH);
      assertEquals(ora.meanRegret(), sup.meanRegret(), 0.0, s.cliName());
      assertEquals(ora.meanHypervolumeRatio(), sup.meanHypervolumeRatio(), 0.0, s.cliName());
      // the mean over the 2 x 3 searches of search-runs.csv
      double mean =
          r.runs().stream()
              .filter(
                  x ->
                      x.setting().equals(perfect)
                          && x.strategy() == s
                          && x.oracle() == OracleKind.SUPERNET)
              .mapToDouble(SearchRow::regret)
              .average()
              .orElseThrow();
      assertEquals(mean, sup.meanRegret(), 1e-12);
      assertTrue(sup.regretLow() <= sup.meanRegret() && sup.meanRegret() <= sup.regretHigh());
      assertEquals(20, sup.queries());
    }
    assertEquals(
        0.0, find(r, perfect, Strategy.RANDOM, OracleKind.SUPERNET).regretMinusRandom(), 0.0);
    // the inverted supernet is worse than the perfect one for every strategy
    Candidate.Setting inverted = new Candidate.Setting("mixpath", "linear_sbn", false);
    for (Strategy s : Strategy.values()) {
      assertTrue(
          find(r, inverted, s, OracleKind.SUPERNET).meanRegret()
              > find(r, perfect, s, OracleKind.SUPERNET).meanRegret(),
          s.cliName());
    }
    Path out = dir.resolve("search");
    assertEquals(
        String.join(",", SearchFiles.SUMMARY_HEADER),
        Files.readAllLines(out.resolve(SearchFiles.SEARCH_CSV)).get(0));
    assertEquals(1 + 2 * 3 * 2, Files.readAllLines(out.resolve(SearchFiles.SEARCH_CSV)).size());
    assertEquals(1 + r.runs().size(), Files.readAllLines(out.resolve(SearchFiles.RUNS_CSV)).size());
    assertEquals(
        1 + 2 * 3 * 2 * 20, Files.readAllLines(out.resolve(SearchFiles.ANYTIME_CSV)).size());
    String md = Files.readString(out.resolve(SearchFiles.SEARCH_MD));
    assertTrue(md.contains("| mixpath/linear_sbn/calibrated |"), md);
    for (String png :
        List.of("search-anytime.png", "search-anytime-nsga2.png", "search-front.png")) {
      assertTrue(Files.size(out.resolve("plots").resolve(png)) > 1000, png);
    }
    assertTrue(Files.readString(out.resolve(SearchFiles.SEARCH_JSON)).contains("\"budget\" : 20"));
  }

  private static SummaryRow find(SearchResult r, Candidate.Setting st, Strategy s, OracleKind o) {
    return r.summary().stream()
        .filter(x -> x.setting().equals(st) && x.strategy() == s && x.oracle() == o)
        .findFirst()
        .orElseThrow();
  }
}
