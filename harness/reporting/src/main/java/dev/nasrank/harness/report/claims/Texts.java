package dev.nasrank.harness.report.claims;

import dev.nasrank.harness.report.stats.InferenceTarget;
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

  /** A p-value: 3 significant figures below 0.001 ({@code 4.1e-04}), else 3 decimals. */
  static String p(double v) {
    return Double.isNaN(v)
        ? "NaN"
        : v < 0.001 ? String.format(Locale.ROOT, "%.1e", v) : String.format(Locale.ROOT, "%.3f", v);
  }

  /** E.g. {@code 0.455 [0.193, 0.692]}: the mean and its interval under a target. */
  static String tau(SettingStats s, InferenceTarget t, double alpha) {
    return f(s.meanTau()) + " [" + f(s.low(t, alpha)) + ", " + f(s.high(t, alpha)) + "]";
  }

  /** Whether a paper figure lies in a setting's interval under a target. */
  static String inInterval(double paper, SettingStats s, InferenceTarget t, double alpha) {
    return paper >= s.low(t, alpha) && paper <= s.high(t, alpha) ? "yes" : "no";
  }
}
