package dev.nasrank.harness.regress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nasrank.harness.report.RankingRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegressionCheckTest {
  @TempDir
  Path tmp;

  private static RankingRow row(String strategy, boolean cal, long seed, double tau) {
    return new RankingRow("mixpath", strategy, cal, seed, 34, tau, tau - 0.1, tau + 0.1, tau, 0.8);
  }

  private static Baseline baseline() {
    return new Baseline(Baseline.SCHEMA, "smoke", "2026-01-01T00:00:00Z", "runs/x", "abc", List.of(
        new Baseline.Entry("mixpath", "linear_sbn", true, 0.60, 0.15, 2),
        new Baseline.Entry("mixpath", "none", false, 0.05, 0.15, 2),
        new Baseline.Entry("mixpath", "vanilla", false, 0.30, 0.10, 2)));
  }

  @Test
  void withinBandPassesAndNewSettingsOnlyReport() {
    List<RankingRow> rows = List.of(row("linear_sbn", true, 1, 0.50), row("linear_sbn", true, 2, 0.60),
        row("none", false, 1, 0.18), row("vanilla", false, 1, 0.39), row("simple_scaling", false, 1, 0.4));
    RegressionResult r = RegressionCheck.against(baseline()).check(rows);
    assertTrue(r.passed(), r.table(true));
    assertEquals(RegressionResult.Status.NEW, r.findings().get(3).status());
    // mean over seeds: (0.50 + 0.60) / 2 = 0.55
    assertEquals(0.55, r.findings().get(0).actual(), 1e-12);
    assertEquals(2, r.findings().get(0).seeds());
  }

  @Test
  void outOfBandMissingAndNaNAreRegressions() {
    List<RankingRow> rows = List.of(row("linear_sbn", true, 1, 0.40), row("none", false, 1, Double.NaN));
    RegressionResult r = RegressionCheck.against(baseline()).check(rows);
    assertFalse(r.passed());
    assertEquals(List.of(RegressionResult.Status.REGRESSED, RegressionResult.Status.NAN,
        RegressionResult.Status.MISSING), r.regressions().stream().map(RegressionResult.Finding::status).toList());
    String table = r.table(false);
    assertTrue(table.contains("mixpath/linear_sbn/calibrated") && table.contains("-0.200")
        && table.contains("below the band"), table);
    assertTrue(table.contains("mixpath/vanilla/uncalibrated") && table.contains("no rows in the run"), table);
  }

  @Test
  void aboveTheBandFailsTwoSidedOnly() {
    List<RankingRow> rows = List.of(row("linear_sbn", true, 1, 0.90), row("none", false, 1, 0.0),
        row("vanilla", false, 1, 0.3));
    assertFalse(RegressionCheck.against(baseline()).check(rows).passed());
    assertTrue(RegressionCheck.against(baseline()).withOneSided(true).check(rows).passed());
  }

  @Test
  void profileMismatchFails() {
    List<RankingRow> rows = List.of(row("linear_sbn", true, 1, 0.6), row("none", false, 1, 0.05),
        row("vanilla", false, 1, 0.3));
    assertTrue(RegressionCheck.against(baseline()).withRunProfile("smoke").check(rows).passed());
    RegressionResult r = RegressionCheck.against(baseline()).withRunProfile("paper").check(rows);
    assertEquals(RegressionResult.Status.PROFILE_MISMATCH, r.regressions().get(0).status());
  }

  @Test
  void baselineFromRunRoundTripsAndRejectsBadFiles() throws Exception {
    List<RankingRow> rows = List.of(row("linear_sbn", true, 1, 0.5), row("linear_sbn", true, 2, 0.7),
        row("none", false, 1, 0.05));
    Baseline b = Baseline.fromRun(rows, "smoke", 0.15, "runs/a", "abc");
    assertEquals(2, b.entries().size());
    // entries in setting order: none before linear_sbn
    assertEquals("none", b.entries().get(0).bnStrategy());
    assertEquals(0.6, b.entries().get(1).expectedTau(), 1e-12);
    assertEquals(2, b.entries().get(1).seeds());
    Path f = tmp.resolve("smoke.json");
    b.write(f);
    assertEquals(b, Baseline.read(f));
    assertTrue(RegressionCheck.against(Baseline.read(f)).check(rows).passed());

    assertThrows(IllegalArgumentException.class,
        () -> Baseline.fromRun(List.of(row("none", false, 1, Double.NaN)), "smoke", 0.1, "r", "c"));
    Files.writeString(f, Files.readString(f).replace("0.15", "-1"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Baseline.read(f));
    assertTrue(e.getMessage().contains("smoke.json") && e.getMessage().contains("band"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Baseline.read(tmp.resolve("none.json")));
    assertTrue(e.getMessage().contains("none.json"), e.getMessage());
  }

  // issue 11, defects 3, 4, 9: empty entries passed, a missing band or expectedTau read as 0.0, a file holding
  // null gave a NullPointerException naming no file
  @Test
  void incompleteBaselinesAreRefusedNamingFileAndField() throws Exception {
    Path f = tmp.resolve("ci.json");
    String head = "{\"schema\": \"nasrank-baseline/1\", \"profile\": \"ci\", \"created\": \"2026-01-01T00:00:00Z\", "
        + "\"sourceRun\": \"r\", \"sourceCommit\": \"c\", \"entries\": ";
    String[][] cases = {
        {head + "[]}", "no entries"},
        {head.replace("\"entries\": ", "\"x\": 0}").replace(", \"x\": 0}", "}"), "no entries"},
        {head + "[{\"method\": \"mixpath\", \"bnStrategy\": \"none\", \"calibrated\": false, "
            + "\"expectedTau\": 0.2, \"seeds\": 1}]}", "band"},
        {head + "[{\"method\": \"mixpath\", \"bnStrategy\": \"none\", \"calibrated\": false, "
            + "\"band\": 0.2, \"seeds\": 1}]}", "expectedTau"},
        {head + "[{\"method\": \"mixpath\", \"bnStrategy\": \"none\", \"calibrated\": false, "
            + "\"expectedTau\": 0.2, \"band\": null, \"seeds\": 1}]}", "band"},
        {head + "[null]}", "entry 0"},
        {"null", "JSON null"},
        {"", "empty"},
        {head.replace("\"profile\": \"ci\", ", "") + "[{\"method\": \"mixpath\", \"bnStrategy\": \"none\", "
            + "\"calibrated\": false, \"expectedTau\": 0.2, \"band\": 0.1, \"seeds\": 1}]}", "profile"},
    };
    for (String[] c : cases) {
      Files.writeString(f, c[0]);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Baseline.read(f), c[0]);
      assertTrue(e.getMessage().startsWith(f.toString()) && e.getMessage().contains(c[1]), c[0] + " -> "
          + e.getMessage());
    }
  }
}
