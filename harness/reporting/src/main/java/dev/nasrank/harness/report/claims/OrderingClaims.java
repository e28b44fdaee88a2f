package dev.nasrank.harness.report.claims;

import dev.nasrank.harness.candidates.Candidate;
import dev.nasrank.harness.report.stats.InferenceTarget;
import dev.nasrank.harness.report.stats.PairComparison;
import dev.nasrank.harness.report.stats.SettingStats;
import dev.nasrank.harness.report.stats.StudyStatistics;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Claims 1-6: statements about which setting ranks better, each tested as its own family ({@link
 * ClaimTest}: intersection-union for "reproduced", Holm over the claim's parts for "contradicted",
 * two one-sided tests for claim 4's "does not profit") under both inference targets; the claim's
 * {@code verdict} is the primary target's. The pairs' p-values are unadjusted here: the 66-pair
 * matrix's Holm adjustment belongs to the exploratory table, not to the claims.
 */
final class OrderingClaims {
  private final StudyStatistics st;
  private final double margin;

  OrderingClaims(StudyStatistics st, double margin) {
    this.st = st;
    this.margin = margin;
  }

  static Candidate.Setting mixpath(String bn, boolean calibrated) {
    return new Candidate.Setting("mixpath", bn, calibrated);
  }

  static final Candidate.Setting SPOS_CAL = new Candidate.Setting("spos", "vanilla", true);

  private InferenceTarget primary() {
    return st.primary();
  }

  private ClaimTest test() {
    return new ClaimTest(st.alpha(), margin);
  }

  private static void ordering(
      ClaimTest t,
      StudyStatistics st,
      Candidate.Setting better,
      Candidate.Setting worse,
      String label) {
    t.add(label, ClaimTest.Kind.ORDERING, st.pair(better, worse));
  }

  /**
   * The parts in words under the primary target, e.g. {@code vanilla +0.229 [0.1, 0.3] p 0.004 >}.
   */
  private String text(ClaimTest t) {
    List<String> out = new ArrayList<>();
    for (ClaimTest.Part p : t.parts()) {
      out.add(p.label() + " " + p.pair().map(c -> partText(t, p, c)).orElse("not in this run"));
    }
    return String.join("; ", out);
  }

  private String partText(ClaimTest t, ClaimTest.Part p, PairComparison c) {
    InferenceTarget g = primary();
    String nums =
        Texts.signed(c.difference(g))
            + " ["
            + Texts.f(c.low(g, st.alpha()))
            + ", "
            + Texts.f(c.high(g, st.alpha()))
            + "]";
    if (p.kind() == ClaimTest.Kind.EQUIVALENCE) {
      return nums
          + String.format(
              Locale.ROOT,
              " equivalence (within +-%s) p %s, gain above %s p %s",
              Texts.f(margin),
              Texts.p(t.supportP(p, g)),
              Texts.f(margin),
              Texts.p(t.againstP(p, g)))
          + " "
          + word(t.partVerdict(p, g), "equivalent", "gain above margin");
    }
    return nums
        + " p "
        + Texts.p(c.pValue(g))
        + " "
        + word(t.partVerdict(p, g), "decided >", "decided <");
  }

  private static String word(ClaimVerdict v, String yes, String no) {
    return v == ClaimVerdict.REPRODUCED ? yes : v == ClaimVerdict.CONTRADICTED ? no : "undecided";
  }

  private String tauOf(Candidate.Setting s) {
    return st.setting(s).map(x -> Texts.tau(x, primary(), st.alpha())).orElse("not in this run");
  }

  private String inInterval(double paper, Candidate.Setting s) {
    return st.setting(s).map(x -> Texts.inInterval(paper, x, primary(), st.alpha())).orElse("-");
  }

  private ClaimResult result(
      int id,
      String claim,
      String paper,
      String ours,
      ClaimTest t,
      String inInterval,
      String rule) {
    ClaimVerdict space = t.verdict(InferenceTarget.SPACE);
    ClaimVerdict arch = t.verdict(InferenceTarget.ARCHITECTURES);
    return new ClaimResult(
        id,
        claim,
        paper,
        ours,
        primary() == InferenceTarget.SPACE ? space : arch,
        inInterval,
        rule + "; " + SCHEMES,
        primary().key(),
        space,
        arch);
  }

  /** How the parts' p-values are computed under each target. */
  static final String SCHEMES =
      "p-values: space target = paired t over seeds with the ground-truth variance added "
          + "(Satterthwaite df), architectures target = hierarchical bootstrap; unadjusted for "
          + "the 66-pair matrix";

  private String iut(ClaimTest t, String part) {
    int n = t.parts().size();
    return "intersection-union over "
        + n
        + (n == 1 ? " part: " : " parts: ")
        + part
        + " at two-sided alpha "
        + Texts.f(st.alpha())
        + (n == 1 ? "" : " each, all needed")
        + " = reproduced; contradicted when "
        + (n == 1 ? "it goes the other way" : "any goes the other way after Holm over the " + n);
  }

  ClaimResult calibrationRaisesTau() {
    ClaimTest t = test();
    for (SettingStats s : st.settings()) {
      Candidate.Setting u = s.setting();
      if (!u.calibrated()) {
        Candidate.Setting c = new Candidate.Setting(u.method(), u.bnStrategy(), true);
        ordering(
            t, st, c, u, (u.method().equals("mixpath") ? "" : u.method() + " ") + u.bnStrategy());
      }
    }
    return result(
        1,
        "BN post-calibration raises tau, for each strategy",
        "-",
        "calibrated - uncalibrated: " + text(t),
        t,
        "-",
        iut(t, "per method and BN strategy, calibrated minus uncalibrated above 0"));
  }

  ClaimResult withoutShadowBnRanksPoorly() {
    ClaimTest t = test();
    Candidate.Setting vanilla = mixpath("vanilla", false);
    ordering(t, st, mixpath("linear_sbn", false), vanilla, "linear_sbn uncal - vanilla uncal");
    return result(
        2,
        "without Shadow BN the supernet ranks poorly (vanilla BN, uncalibrated)",
        "0.05",
        "vanilla uncal " + tauOf(vanilla) + "; " + text(t),
        t,
        inInterval(0.05, vanilla),
        iut(t, "linear Shadow BN minus vanilla BN, both uncalibrated, above 0"));
  }

  ClaimResult linearSbnCalibratedIsBest() {
    ClaimTest t = test();
    Candidate.Setting best = mixpath("linear_sbn", true);
    for (SettingStats s : st.settings()) {
      if (!s.setting().equals(best)) {
        ordering(t, st, best, s.setting(), "vs " + s.setting().shortLabel());
      }
    }
    long above =
        t.parts().stream()
            .filter(p -> t.partVerdict(p, primary()) == ClaimVerdict.REPRODUCED)
            .count();
    long below =
        t.parts().stream()
            .filter(p -> t.partVerdict(p, primary()) == ClaimVerdict.CONTRADICTED)
            .count();
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
                + t.parts().size()
                + " other settings (each at alpha alone)";
    ClaimTest tested = st.setting(best).isEmpty() ? test() : t;
    return result(
        3,
        "linear Shadow BN with calibration is the best setting",
        "0.597",
        summary,
        tested,
        inInterval(0.597, best),
        iut(t, "linear_sbn cal minus each other setting above 0"));
  }

  ClaimResult linearBeatsExponential() {
    ClaimTest t = test();
    ordering(
        t,
        st,
        mixpath("linear_sbn", true),
        mixpath("exponential_sbn", true),
        "linear - exponential (cal)");
    t.add(
        "exponential cal - uncal",
        ClaimTest.Kind.EQUIVALENCE,
        st.pair(mixpath("exponential_sbn", true), mixpath("exponential_sbn", false)));
    return result(
        4,
        "linear beats exponential Shadow BN with calibration (exponential does not profit "
            + "from calibration)",
        "-",
        text(t),
        t,
        "-",
        "intersection-union over 2 parts, each at alpha "
            + Texts.f(st.alpha())
            + ": linear_sbn cal minus exponential_sbn cal above 0 (two-sided), and exponential_sbn"
            + " cal minus uncal within +-"
            + Texts.f(margin)
            + " tau (two one-sided tests, equivalence margin of docs/report.md) = reproduced; "
            + "contradicted when, after Holm over the 2, exponential beats linear or calibration's "
            + "gain exceeds the margin");
  }

  ClaimResult simpleScalingBetween() {
    ClaimTest t = test();
    Candidate.Setting simple = mixpath("simple_scaling", true);
    ordering(t, st, simple, mixpath("vanilla", true), "simple_scaling - vanilla");
    ordering(t, st, simple, mixpath("exponential_sbn", true), "simple_scaling - exponential_sbn");
    ordering(t, st, mixpath("linear_sbn", true), simple, "linear_sbn - simple_scaling");
    return result(
        5,
        "simple scaling ranks better than vanilla BN and exponential SBN, worse than linear "
            + "SBN (calibrated)",
        "-",
        "calibrated: "
            + text(t)
            + "; caveat: in this supernet the BN after the cell's 1x1 conv cancels the 1/k scale,"
            + " so calibrated simple scaling equals vanilla BN up to epsilon (docs/harness.md)",
        t,
        "-",
        iut(t, "the three calibrated differences as claimed above 0"));
  }

  ClaimResult mixpathBeatsSpos() {
    ClaimTest t = test();
    Candidate.Setting mix = mixpath("linear_sbn", true);
    ordering(t, st, mix, SPOS_CAL, "MixPath - SPOS");
    return result(
        6,
        "MixPath (linear SBN) beats SPOS on the multi-path space (both calibrated)",
        "0.504 vs -0.225",
        "MixPath " + tauOf(mix) + ", SPOS " + tauOf(SPOS_CAL) + "; " + text(t),
        t,
        inInterval(0.504, mix) + "; " + inInterval(-0.225, SPOS_CAL),
        iut(t, "mixpath/linear_sbn/calibrated minus spos/vanilla/calibrated above 0"));
  }
}
