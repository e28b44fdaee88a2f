package dev.nasrank.harness.regress;

import dev.nasrank.harness.report.Candidate;
import dev.nasrank.harness.report.RankingRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks a run's rankings against a {@link Baseline}: per setting, the run's Kendall tau-b (default variant, mean
 * over its seeds) must stay within the entry's band. A setting of the baseline missing from the run, or a NaN
 * tau, is a regression; a setting of the run absent from the baseline is reported but passes. Immutable;
 * configure with {@code withX(...)}, then {@link #check(List)} returns a {@link RegressionResult}.
 */
public final class RegressionCheck {
  private final Baseline baseline;
  private final boolean oneSided;
  private final String runProfile;

  private RegressionCheck(Baseline baseline, boolean oneSided, String runProfile) {
    this.baseline = baseline;
    this.oneSided = oneSided;
    this.runProfile = runProfile;
  }

  /** Two-sided check against the baseline, run profile not checked. */
  public static RegressionCheck against(Baseline baseline) {
    return new RegressionCheck(baseline, false, null);
  }

  /**
   * One-sided: only a tau below {@code expected - band} fails. Default two-sided: a tau above
   * {@code expected + band} fails as well, since it means the measurement changed and the baseline is stale.
   */
  public RegressionCheck withOneSided(boolean b) {
    return new RegressionCheck(baseline, b, runProfile);
  }

  /** The run's profile (from its run.json); a profile other than the baseline's fails the check. */
  public RegressionCheck withRunProfile(String profile) {
    return new RegressionCheck(baseline, oneSided, profile);
  }

  /** Runs the check over the rows of a ranking.csv. */
  public RegressionResult check(List<RankingRow> rows) {
    Map<Candidate.Setting, List<RankingRow>> run = new TreeMap<>();
    rows.forEach(r -> run.computeIfAbsent(r.setting(), k -> new ArrayList<>()).add(r));
    List<RegressionResult.Finding> findings = new ArrayList<>();
    if (runProfile != null && !runProfile.equals(baseline.profile())) {
      findings.add(new RegressionResult.Finding(null, RegressionResult.Status.PROFILE_MISMATCH, Double.NaN,
          Double.NaN, Double.NaN, 0, "run profile '" + runProfile + "' differs from baseline profile '"
              + baseline.profile() + "'"));
    }
    for (Baseline.Entry e : baseline.entries()) {
      List<RankingRow> rs = run.remove(e.setting());
      if (rs == null) {
        findings.add(new RegressionResult.Finding(e.setting(), RegressionResult.Status.MISSING, e.expectedTau(),
            e.band(), Double.NaN, 0, "no rows in the run"));
        continue;
      }
      double tau = rs.stream().mapToDouble(RankingRow::kendallTau).average().orElse(Double.NaN);
      if (Double.isNaN(tau)) {
        findings.add(new RegressionResult.Finding(e.setting(), RegressionResult.Status.NAN, e.expectedTau(),
            e.band(), tau, rs.size(), "tau is NaN (undefined ranking) in at least one seed"));
        continue;
      }
      double delta = tau - e.expectedTau();
      boolean below = delta < -e.band() - 1e-12;
      boolean above = delta > e.band() + 1e-12;
      RegressionResult.Status st = below || (above && !oneSided) ? RegressionResult.Status.REGRESSED
          : RegressionResult.Status.OK;
      String msg = below ? "below the band" : above ? (oneSided ? "above the band (one-sided: ok)"
          : "above the band: baseline stale?") : "within the band";
      findings.add(new RegressionResult.Finding(e.setting(), st, e.expectedTau(), e.band(), tau, rs.size(), msg));
    }
    run.forEach((s, rs) -> findings.add(new RegressionResult.Finding(s, RegressionResult.Status.NEW, Double.NaN,
        Double.NaN, rs.stream().mapToDouble(RankingRow::kendallTau).average().orElse(Double.NaN), rs.size(),
        "not in the baseline (not a failure)")));
    return new RegressionResult(baseline.profile(), oneSided, List.copyOf(findings));
  }
}
