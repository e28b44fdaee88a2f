package dev.nasrank.harness.report.claims;

import dev.nasrank.harness.report.stats.PairComparison;
import dev.nasrank.harness.report.stats.PairVerdict;
import dev.nasrank.harness.report.stats.SettingStats;
import java.util.Locale;

/** Number and label formatting of the claims table (3 decimals, locale-independent). */
final class Texts {
  private Texts() {}

  static String f(double v) {
    return Double.isNaN(v) ? "NaN" : String.format(Locale.ROOT, "%.3f", v);
  }

  static String signed(double v) {
    return Double.isNaN(v) ? "NaN" : String.format(Locale.ROOT, "%+.3f", v);
  }

  /** E.g. {@code 0.455 [0.193, 0.692]}. */
  static String tau(SettingStats s) {
    return f(s.meanTau()) + " [" + f(s.low()) + ", " + f(s.high()) + "]";
  }

  /**
   * E.g. {@code +0.220 [-0.05, 0.49] undecided}: A minus B, its interval and what the pair says.
   */
  static String difference(PairComparison c) {
    String decided =
        c.verdict() == PairVerdict.UNDECIDED
            ? "undecided"
            : (c.verdict() == PairVerdict.A_BETTER ? "decided >" : "decided <");
    return signed(c.difference()) + " [" + f(c.low()) + ", " + f(c.high()) + "] " + decided;
  }

  /** Whether a paper figure lies in a setting's interval. */
  static String inInterval(double paper, SettingStats s) {
    return paper >= s.low() && paper <= s.high() ? "yes" : "no";
  }
}
