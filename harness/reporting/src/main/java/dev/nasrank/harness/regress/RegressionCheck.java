package dev.nasrank.harness.regress;

import dev.nasrank.harness.candidates.Candidate;
import dev.nasrank.harness.report.RankingRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks a run's rankings against a {@link Baseline}: per setting, the run's Kendall tau-b (default
 * variant, mean over its seeds) must stay within the band around the baseline's mean, the band
 * derived from the baseline's sd and both seed counts ({@link NoiseBand}) unless the entry fixes
 * it. A setting of the baseline missing from the run, or a NaN tau, is a regression, and so is a
 * run profile or configuration hash other than the baseline's; a setting of the run absent from the
 * baseline is reported but passes. Immutable; configure with {@code withX(...)}, then {@link
 * #check(List)} returns a {@link RegressionResult}.
 */
public final class RegressionCheck {
  private final Baseline baseline;
  private final boolean oneSided;
  private final String runProfile;
  private final String runConfiguration;
  private final double alpha;
  private final Map<Candidate.Setting, double[]> intervals;

  private RegressionCheck(
      Baseline baseline,
      boolean oneSided,
      String runProfile,
      String runConfiguration,
      double alpha,
      Map<Candidate.Setting, double[]> intervals) {
    this.runConfiguration = runConfiguration;
    this.baseline = baseline;
    this.oneSided = oneSided;
    this.runProfile = runProfile;
    this.alpha = alpha;
    this.intervals = intervals;
  }

  /**
   * The run's configuration hash (run.json {@code configurationSha256}); when the baseline records
   * one too and they differ, the check fails: the numbers were not made the same way.
   */
  public RegressionCheck withRunConfiguration(String sha256) {
    return new RegressionCheck(baseline, oneSided, runProfile, sha256, alpha, intervals);
  }

  /**
   * Two-sided, family-wise false-alarm rate 0.01, run profile not checked, intervals from
   * ranking.csv.
   */
  public static RegressionCheck against(Baseline baseline) {
    return new RegressionCheck(baseline, false, null, null, 0.01, Map.of());
  }

  /**
   * One-sided: only a tau below {@code expected - band} fails. Default two-sided: a tau above
   * {@code expected + band} fails as well, since it means the measurement changed and the baseline
   * is stale.
   */
  public RegressionCheck withOneSided(boolean b) {
    return new RegressionCheck(baseline, b, runProfile, runConfiguration, alpha, intervals);
  }

  /** The run's profile (from its run.json); a profile other than the baseline's fails the check. */
  public RegressionCheck withRunProfile(String profile) {
    return new RegressionCheck(baseline, oneSided, profile, runConfiguration, alpha, intervals);
  }

  /** The chance that noise alone fails any gated setting of a derived band (default 0.01). */
  public RegressionCheck withFalseAlarmRate(double a) {
    NoiseBand.z(a, 1, false);
    return new RegressionCheck(baseline, oneSided, runProfile, runConfiguration, a, intervals);
  }

  /**
   * The run's interval of each setting's mean tau ({@code {low, high}}, e.g. from settings.csv),
   * shown beside the tau; without one, a one-seed setting shows its ranking.csv interval and others
   * none. Not used by the gate.
   */
  public RegressionCheck withIntervals(Map<Candidate.Setting, double[]> byS) {
    return new RegressionCheck(
        baseline, oneSided, runProfile, runConfiguration, alpha, Map.copyOf(byS));
  }

  /** Runs the check over the rows of a ranking.csv. */
  public RegressionResult check(List<RankingRow> rows) {
    Map<Candidate.Setting, List<RankingRow>> run = new TreeMap<>();
    rows.forEach(r -> run.computeIfAbsent(r.setting(), k -> new ArrayList<>()).add(r));
    double z = NoiseBand.z(alpha, baseline.entries().size(), oneSided);
    List<RegressionResult.Finding> findings = new ArrayList<>();
    if (runProfile != null && !runProfile.equals(baseline.profile())) {
      findings.add(
          new RegressionResult.Finding(
              null,
              RegressionResult.Status.PROFILE_MISMATCH,
              Double.NaN,
              Double.NaN,
              Double.NaN,
              0,
              Double.NaN,
              Double.NaN,
              "run profile '"
                  + runProfile
                  + "' differs from baseline profile '"
                  + baseline.profile()
                  + "'"));
    }
    String expected = baseline.configurationSha256();
    if (expected != null && runConfiguration != null && !expected.equals(runConfiguration)) {
      findings.add(
          new RegressionResult.Finding(
              null,
              RegressionResult.Status.CONFIGURATION_MISMATCH,
              Double.NaN,
              Double.NaN,
              Double.NaN,
              0,
              Double.NaN,
              Double.NaN,
              "run configuration sha256 "
                  + runConfiguration
                  + " differs from the baseline's "
                  + expected
                  + " ('harness manifest diff' names the fields)"));
    }
    for (Baseline.Entry e : baseline.entries()) {
      List<RankingRow> rs = run.remove(e.setting());
      if (rs == null) {
        findings.add(
            new RegressionResult.Finding(
                e.setting(),
                RegressionResult.Status.MISSING,
                e.meanTau(),
                NoiseBand.of(e, e.seeds(), z),
                Double.NaN,
                0,
                Double.NaN,
                Double.NaN,
                "no rows in the run"));
        continue;
      }
      double tau = rs.stream().mapToDouble(RankingRow::kendallTau).average().orElse(Double.NaN);
      double band = NoiseBand.of(e, rs.size(), z);
      double[] iv = interval(e.setting(), rs);
      if (Double.isNaN(tau)) {
        findings.add(
            new RegressionResult.Finding(
                e.setting(),
                RegressionResult.Status.NAN,
                e.meanTau(),
                band,
                tau,
                rs.size(),
                iv[0],
                iv[1],
                "tau is NaN (undefined ranking) in at least one seed"));
        continue;
      }
      double delta = tau - e.meanTau();
      boolean below = delta < -band - 1e-12;
      boolean above = delta > band + 1e-12;
      RegressionResult.Status st =
          below || (above && !oneSided)
              ? RegressionResult.Status.REGRESSED
              : RegressionResult.Status.OK;
      String msg =
          below
              ? "below the band"
              : above
                  ? (oneSided
                      ? "above the band (one-sided: ok)"
                      : "above the band: baseline stale?")
                  : "within the band";
      findings.add(
          new RegressionResult.Finding(
              e.setting(), st, e.meanTau(), band, tau, rs.size(), iv[0], iv[1], msg));
    }
    run.forEach(
        (s, rs) -> {
          double[] iv = interval(s, rs);
          findings.add(
              new RegressionResult.Finding(
                  s,
                  RegressionResult.Status.NEW,
                  Double.NaN,
                  Double.NaN,
                  rs.stream().mapToDouble(RankingRow::kendallTau).average().orElse(Double.NaN),
                  rs.size(),
                  iv[0],
                  iv[1],
                  "not in the baseline (not a failure)"));
        });
    return new RegressionResult(baseline.profile(), oneSided, List.copyOf(findings));
  }

  private double[] interval(Candidate.Setting s, List<RankingRow> rs) {
    double[] iv = intervals.get(s);
    if (iv != null) {
      return iv;
    }
    return rs.size() == 1
        ? new double[] {rs.get(0).kendallTauLow(), rs.get(0).kendallTauHigh()}
        : new double[] {Double.NaN, Double.NaN};
  }
}
