package dev.nasrank.harness.regress;

import java.util.List;
import java.util.Locale;

/**
 * A {@link RegressionResult} in the forms CI systems show natively: JUnit XML (one test case per
 * gated setting, a regression is a failure whose message gives tau, interval and band) and a
 * Markdown summary (e.g. for {@code $GITHUB_STEP_SUMMARY}).
 */
public final class RegressionReports {
  private RegressionReports() {}

  /**
   * JUnit XML: one {@code <testsuite>} named {@code nasrank.regress.<profile>}; one {@code
   * <testcase>} per baseline entry (the gated settings) and one named {@code run profile} / {@code
   * run configuration} when those differ; a failing finding is a {@code <failure>} typed by its
   * status. Settings new to the run are listed in {@code <system-out>}.
   */
  public static String junitXml(RegressionResult r, String baseline) {
    List<RegressionResult.Finding> gated =
        r.findings().stream().filter(f -> f.status() != RegressionResult.Status.NEW).toList();
    long failures = gated.stream().filter(f -> f.status().failing()).count();
    String suite = "nasrank.regress." + r.profile();
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    sb.append(
        String.format(
            Locale.ROOT,
            "<testsuites name=\"nasrank regress\" tests=\"%d\" failures=\"%d\" "
                + "errors=\"0\">%n",
            gated.size(),
            failures));
    sb.append(
        String.format(
            Locale.ROOT,
            "  <testsuite name=\"%s\" tests=\"%d\" failures=\"%d\" errors=\"0\" "
                + "skipped=\"0\" time=\"0\">%n",
            esc(suite),
            gated.size(),
            failures));
    sb.append("    <properties><property name=\"baseline\" value=\"")
        .append(esc(baseline))
        .append("\"/><property name=\"oneSided\" value=\"")
        .append(r.oneSided())
        .append("\"/></properties>\n");
    for (RegressionResult.Finding f : gated) {
      String name = f.setting() == null ? nonSettingLabel(f) : f.setting().label();
      sb.append("    <testcase classname=\"")
          .append(esc(suite))
          .append("\" name=\"")
          .append(esc(name))
          .append("\" time=\"0\"");
      if (f.status().failing()) {
        sb.append(">\n      <failure type=\"")
            .append(f.status())
            .append("\" message=\"")
            .append(esc(f.describe()))
            .append("\">")
            .append(esc(f.status() + ": " + f.describe()))
            .append("</failure>\n    </testcase>\n");
      } else {
        sb.append(">\n      <system-out>")
            .append(esc(f.describe()))
            .append("</system-out>\n    </testcase>\n");
      }
    }
    String news =
        r.findings().stream()
            .filter(f -> f.status() == RegressionResult.Status.NEW)
            .map(f -> f.setting().label() + ": " + f.describe())
            .reduce((a, b) -> a + "\n" + b)
            .orElse("");
    if (!news.isEmpty()) {
      sb.append("    <system-out>").append(esc(news)).append("</system-out>\n");
    }
    return sb.append("  </testsuite>\n</testsuites>\n").toString();
  }

  /** A Markdown summary: verdict line, then one table row per finding. */
  public static String markdown(RegressionResult r, String baseline) {
    long failing = r.regressions().size();
    StringBuilder sb =
        new StringBuilder("## Ranking regression: ")
            .append(r.passed() ? "passed" : "FAILED")
            .append("\n\n");
    sb.append(
        String.format(
            Locale.ROOT,
            "Baseline `%s` (profile %s, %s). %d of %d gated settings within their "
                + "bands, %d failing. Tau: Kendall tau-b, default variant, mean over the run's seeds; band: baseline mean "
                + "± its band, fixed by the baseline or derived from its sd and both seed counts (docs/report.md).%n%n",
            baseline,
            r.profile(),
            r.oneSided() ? "one-sided" : "two-sided",
            r.findings().stream().filter(f -> f.status() == RegressionResult.Status.OK).count(),
            r.findings().stream().filter(f -> f.status() != RegressionResult.Status.NEW).count(),
            failing));
    sb.append("| setting | status | tau | interval | seeds | baseline | band | delta |\n");
    sb.append("|---|---|---|---|---|---|---|---|\n");
    for (RegressionResult.Finding f : r.findings()) {
      sb.append("| ")
          .append(f.setting() == null ? nonSettingLabel(f) : f.setting().label())
          .append(" | ")
          .append(f.status().failing() ? "**" + f.status() + "**" : f.status().toString())
          .append(" | ")
          .append(RegressionResult.num(f.actual()))
          .append(" | ")
          .append(RegressionResult.interval(f))
          .append(" | ")
          .append(f.seeds())
          .append(" | ")
          .append(RegressionResult.num(f.expected()))
          .append(" | ")
          .append(Double.isNaN(f.band()) ? "-" : "± " + RegressionResult.num(f.band()))
          .append(" | ")
          .append(RegressionResult.num(f.actual() - f.expected()))
          .append(" |\n");
    }
    r.findings().stream()
        .filter(f -> f.setting() == null)
        .forEach(f -> sb.append("\n").append(f.message()).append('\n'));
    return sb.toString();
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("\n", "&#10;");
  }

  /** Label of a finding about the whole run (profile or configuration), not one setting. */
  private static String nonSettingLabel(RegressionResult.Finding f) {
    return f.status() == RegressionResult.Status.CONFIGURATION_MISMATCH
        ? "run configuration"
        : "run profile";
  }
}
