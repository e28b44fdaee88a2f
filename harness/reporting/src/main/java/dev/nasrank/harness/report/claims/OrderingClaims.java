package dev.nasrank.harness.report.claims;

import dev.nasrank.harness.candidates.Candidate;
import dev.nasrank.harness.report.stats.PairComparison;
import dev.nasrank.harness.report.stats.SettingStats;
import dev.nasrank.harness.report.stats.StudyStatistics;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Claims 1-6: statements about which setting ranks better, tested on the pairs of {@link
 * StudyStatistics} (paired hierarchical bootstrap, Holm-adjusted over all pairs of the report). An
 * ordering part "A better than B" is reproduced when the pair is decided for A, contradicted when
 * decided for B, undecided otherwise; a claim with several parts combines them with {@link
 * ClaimVerdict#all}. A part whose settings the study lacks is undecided.
 */
final class OrderingClaims {
  private final StudyStatistics st;

  OrderingClaims(StudyStatistics st) {
    this.st = st;
  }

  static Candidate.Setting mixpath(String bn, boolean calibrated) {
    return new Candidate.Setting("mixpath", bn, calibrated);
  }

  static final Candidate.Setting SPOS_CAL = new Candidate.Setting("spos", "vanilla", true);

  /** The parts of a claim as they are evaluated: verdicts and texts. */
  private static final class Parts {
    final List<ClaimVerdict> verdicts = new ArrayList<>();
    final List<String> texts = new ArrayList<>();

    String text() {
      return String.join("; ", texts);
    }
  }

  private void ordering(
      Parts parts, Candidate.Setting better, Candidate.Setting worse, String label) {
    Optional<PairComparison> c = st.pair(better, worse);
    parts.verdicts.add(
        c.map(p -> ClaimVerdict.ofOrdering(p.verdict())).orElse(ClaimVerdict.UNDECIDED));
    parts.texts.add(label + " " + c.map(Texts::difference).orElse("not in this run"));
  }

  private String tauOf(Candidate.Setting s) {
    return st.setting(s).map(Texts::tau).orElse("not in this run");
  }

  private String inInterval(double paper, Candidate.Setting s) {
    return st.setting(s).map(x -> Texts.inInterval(paper, x)).orElse("-");
  }

  ClaimResult calibrationRaisesTau() {
    Parts parts = new Parts();
    for (SettingStats s : st.settings()) {
      Candidate.Setting u = s.setting();
      if (!u.calibrated()) {
        Candidate.Setting c = new Candidate.Setting(u.method(), u.bnStrategy(), true);
        ordering(
            parts, c, u, (u.method().equals("mixpath") ? "" : u.method() + " ") + u.bnStrategy());
      }
    }
    return new ClaimResult(
        1,
        "BN post-calibration raises tau, for each strategy",
        "-",
        "calibrated - uncalibrated: " + parts.text(),
        ClaimVerdict.all(parts.verdicts),
        "-",
        "per method and BN strategy, the pair calibrated vs uncalibrated; reproduced when every pair is decided for "
            + "calibration, contradicted when any is decided against it");
  }

  ClaimResult withoutShadowBnRanksPoorly() {
    Parts parts = new Parts();
    Candidate.Setting vanilla = mixpath("vanilla", false);
    ordering(parts, mixpath("linear_sbn", false), vanilla, "linear_sbn uncal - vanilla uncal");
    return new ClaimResult(
        2,
        "without Shadow BN the supernet ranks poorly (vanilla BN, uncalibrated)",
        "0.05",
        "vanilla uncal " + tauOf(vanilla) + "; " + parts.text(),
        ClaimVerdict.all(parts.verdicts),
        inInterval(0.05, vanilla),
        "vanilla BN ranks worse than linear Shadow BN, both uncalibrated (pair decided)");
  }

  ClaimResult linearSbnCalibratedIsBest() {
    Parts parts = new Parts();
    Candidate.Setting best = mixpath("linear_sbn", true);
    for (SettingStats s : st.settings()) {
      if (!s.setting().equals(best)) {
        ordering(parts, best, s.setting(), "vs " + s.setting().shortLabel());
      }
    }
    long above = parts.verdicts.stream().filter(v -> v == ClaimVerdict.REPRODUCED).count();
    long below = parts.verdicts.stream().filter(v -> v == ClaimVerdict.CONTRADICTED).count();
    String summary =
        st.setting(best).isEmpty()
            ? "linear_sbn cal not in this run"
            : "linear_sbn cal "
                + tauOf(best)
                + "; decided above "
                + above
                + " and below "
                + below
                + " of the "
                + parts.verdicts.size()
                + " other settings";
    return new ClaimResult(
        3,
        "linear Shadow BN with calibration is the best setting",
        "0.597",
        summary,
        st.setting(best).isEmpty() ? ClaimVerdict.UNDECIDED : ClaimVerdict.all(parts.verdicts),
        inInterval(0.597, best),
        "linear_sbn cal decided better than every other setting; contradicted when any "
            + "other setting is decided better than it");
  }

  ClaimResult linearBeatsExponential() {
    Parts parts = new Parts();
    ordering(
        parts,
        mixpath("linear_sbn", true),
        mixpath("exponential_sbn", true),
        "linear - exponential (cal)");
    Optional<PairComparison> profit =
        st.pair(mixpath("exponential_sbn", true), mixpath("exponential_sbn", false));
    // "exponential does not profit from calibration": only a decided gain contradicts it
    parts.verdicts.add(
        profit
            .map(
                p ->
                    p.verdict() == dev.nasrank.harness.report.stats.PairVerdict.A_BETTER
                        ? ClaimVerdict.CONTRADICTED
                        : ClaimVerdict.REPRODUCED)
            .orElse(ClaimVerdict.UNDECIDED));
    parts.texts.add(
        "exponential cal - uncal " + profit.map(Texts::difference).orElse("not in this run"));
    return new ClaimResult(
        4,
        "linear beats exponential Shadow BN with calibration (exponential does not profit "
            + "from calibration)",
        "-",
        parts.text(),
        ClaimVerdict.all(parts.verdicts),
        "-",
        "linear_sbn cal decided better than exponential_sbn cal, and calibration not decided better for "
            + "exponential_sbn");
  }

  ClaimResult simpleScalingBetween() {
    Parts parts = new Parts();
    Candidate.Setting simple = mixpath("simple_scaling", true);
    ordering(parts, simple, mixpath("vanilla", true), "simple_scaling - vanilla");
    ordering(parts, simple, mixpath("exponential_sbn", true), "simple_scaling - exponential_sbn");
    ordering(parts, mixpath("linear_sbn", true), simple, "linear_sbn - simple_scaling");
    return new ClaimResult(
        5,
        "simple scaling ranks better than vanilla BN and exponential SBN, worse than linear "
            + "SBN (calibrated)",
        "-",
        "calibrated: "
            + parts.text()
            + "; caveat: in this supernet the BN after the "
            + "cell's 1x1 conv cancels the 1/k scale, so calibrated simple scaling equals vanilla BN up to epsilon "
            + "(docs/harness.md)",
        ClaimVerdict.all(parts.verdicts),
        "-",
        "three pairs, all calibrated; all decided as claimed: reproduced, any decided the other way: contradicted");
  }

  ClaimResult mixpathBeatsSpos() {
    Parts parts = new Parts();
    Candidate.Setting mix = mixpath("linear_sbn", true);
    ordering(parts, mix, SPOS_CAL, "MixPath - SPOS");
    return new ClaimResult(
        6,
        "MixPath (linear SBN) beats SPOS on the multi-path space (both calibrated)",
        "0.504 vs -0.225",
        "MixPath " + tauOf(mix) + ", SPOS " + tauOf(SPOS_CAL) + "; " + parts.text(),
        ClaimVerdict.all(parts.verdicts),
        inInterval(0.504, mix) + "; " + inInterval(-0.225, SPOS_CAL),
        "mixpath/linear_sbn/calibrated decided better than spos/vanilla/calibrated");
  }
}
