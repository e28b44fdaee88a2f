package dev.nasrank.harness.report;

import java.util.Locale;

/** How the report prints numbers and derives file names (one definition for every section). */
final class ReportFormat {
  private ReportFormat() {}

  /** A number to 3 decimals ("NaN" for an undefined one), as every report table prints it. */
  static String f(double v) {
    return Double.isNaN(v) ? "NaN" : String.format(Locale.ROOT, "%.3f", v);
  }

  /** A p-value: 3 decimals, or 2 significant figures below 0.001 ({@code 3.4e-06}). */
  static String p(double v) {
    return !Double.isNaN(v) && v < 0.001 && v > 0 ? String.format(Locale.ROOT, "%.1e", v) : f(v);
  }

  /** A label as a file-name part: lower case, runs of other characters as one '-'. */
  static String slug(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
  }
}
