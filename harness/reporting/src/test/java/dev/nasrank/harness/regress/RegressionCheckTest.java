package dev.nasrank.harness.regress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nasrank.harness.report.RankingRow;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegressionCheckTest {
  static RankingRow row(String strategy, boolean cal, long seed, double tau) {
    return new RankingRow("mixpath", strategy, cal, seed, 34, tau, tau - 0.1, tau + 0.1, tau, 0.8);
  }

  /** Fixed bands, as every v1 entry has. */
  private static Baseline baseline() {
    return baseline(null);
  }

  private static Baseline baseline(String configurationSha256) {
    return new Baseline(
        Baseline.SCHEMA_V1,
        "smoke",
        "2026-01-01T00:00:00Z",
        "runs/x",
        "abc",
        configurationSha256,
        List.of(
            new Baseline.Entry("mixpath", "linear_sbn", true, 0.60, Double.NaN, "none", 2, 0.15),
            new Baseline.Entry("mixpath", "none", false, 0.05, Double.NaN, "none", 2, 0.15),
            new Baseline.Entry("mixpath", "vanilla", false, 0.30, Double.NaN, "none", 2, 0.10)));
  }

  @Test
  void withinBandPassesAndNewSettingsOnlyReport() {
    List<RankingRow> rows =
        List.of(
            row("linear_sbn", true, 1, 0.50),
            row("linear_sbn", true, 2, 0.60),
            row("none", false, 1, 0.18),
            row("vanilla", false, 1, 0.39),
            row("simple_scaling", false, 1, 0.4));
    RegressionResult r = RegressionCheck.against(baseline()).check(rows);
    assertTrue(r.passed(), r.table(true));
    assertEquals(RegressionResult.Status.NEW, r.findings().get(3).status());
    // mean over seeds: (0.50 + 0.60) / 2 = 0.55
    assertEquals(0.55, r.findings().get(0).actual(), 1e-12);
    assertEquals(2, r.findings().get(0).seeds());
    // one seed: its ranking.csv interval is shown; two seeds without settings.csv: none
    assertEquals(0.08, r.findings().get(1).low(), 1e-12);
    assertTrue(Double.isNaN(r.findings().get(0).low()));
  }

  @Test
  void outOfBandMissingAndNaNAreRegressions() {
    List<RankingRow> rows =
        List.of(row("linear_sbn", true, 1, 0.40), row("none", false, 1, Double.NaN));
    RegressionResult r = RegressionCheck.against(baseline()).check(rows);
    assertFalse(r.passed());
    assertEquals(
        List.of(
            RegressionResult.Status.REGRESSED,
            RegressionResult.Status.NAN,
            RegressionResult.Status.MISSING),
        r.regressions().stream().map(RegressionResult.Finding::status).toList());
    String table = r.table(false);
    assertTrue(
        table.contains("mixpath/linear_sbn/calibrated")
            && table.contains("-0.200")
            && table.contains("below the band")
            && table.contains("[0.300, 0.500]"),
        table);
    assertTrue(
        table.contains("mixpath/vanilla/uncalibrated") && table.contains("no rows in the run"),
        table);
    assertEquals(
        "tau 0.400 [0.300, 0.500] (1 seed), band 0.600 ± 0.150: below the band",
        r.regressions().get(0).describe());
  }

  @Test
  void aboveTheBandFailsTwoSidedOnly() {
    List<RankingRow> rows =
        List.of(
            row("linear_sbn", true, 1, 0.90),
            row("none", false, 1, 0.0),
            row("vanilla", false, 1, 0.3));
    assertFalse(RegressionCheck.against(baseline()).check(rows).passed());
    assertTrue(RegressionCheck.against(baseline()).withOneSided(true).check(rows).passed());
  }

  @Test
  void profileMismatchFails() {
    List<RankingRow> rows =
        List.of(
            row("linear_sbn", true, 1, 0.6),
            row("none", false, 1, 0.05),
            row("vanilla", false, 1, 0.3));
    assertTrue(RegressionCheck.against(baseline()).withRunProfile("smoke").check(rows).passed());
    RegressionResult r = RegressionCheck.against(baseline()).withRunProfile("paper").check(rows);
    assertEquals(RegressionResult.Status.PROFILE_MISMATCH, r.regressions().get(0).status());
  }

  @Test
  void aConfigurationHashOtherThanTheBaselinesFails() {
    List<RankingRow> rows =
        List.of(
            row("linear_sbn", true, 1, 0.6),
            row("none", false, 1, 0.05),
            row("vanilla", false, 1, 0.3));
    String a = "0a".repeat(32);
    String b = "0b".repeat(32);
    assertTrue(RegressionCheck.against(baseline(a)).withRunConfiguration(a).check(rows).passed());
    // a baseline recorded before configuration hashes, or a run without one, is not checked on it
    assertTrue(RegressionCheck.against(baseline()).withRunConfiguration(b).check(rows).passed());
    assertTrue(RegressionCheck.against(baseline(a)).check(rows).passed());
    RegressionResult r = RegressionCheck.against(baseline(a)).withRunConfiguration(b).check(rows);
    assertFalse(r.passed());
    assertEquals(
        List.of(RegressionResult.Status.CONFIGURATION_MISMATCH),
        r.regressions().stream().map(RegressionResult.Finding::status).toList());
    assertTrue(
        r.regressions().get(0).message().contains(b + " differs from the baseline's " + a),
        r.regressions().get(0).message());
    assertTrue(
        RegressionReports.junitXml(r, "b.json").contains("name=\"run configuration\""),
        RegressionReports.junitXml(r, "b.json"));
  }
}
