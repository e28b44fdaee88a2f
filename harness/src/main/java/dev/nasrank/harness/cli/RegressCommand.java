package dev.nasrank.harness.cli;

import dev.nasrank.files.AtomicFiles;
import dev.nasrank.harness.regress.Baseline;
import dev.nasrank.harness.regress.RegressionReports;
import dev.nasrank.harness.regress.RegressionResult;
import dev.nasrank.harness.regress.RunRegression;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code harness regress}: checks a run's Kendall taus against a committed baseline, or writes one.
 */
@Command(
    name = "regress",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Compares DIR/ranking.csv (written by `harness report`) with a baseline: per method x BN strategy x "
          + "calibration, the run's Kendall tau-b (mean over seeds) must lie within a band around the baseline's "
          + "mean tau. The band is derived from the baseline's sd over seeds and from the seed counts of baseline "
          + "and run (docs/report.md), unless the baseline fixes it. A setting missing from the run, or a NaN tau, "
          + "is a regression; a setting absent from the baseline is listed but passes; a run whose run.json "
          + "profile differs from the baseline's, or without a run.json profile, fails.",
      "With --write-baseline, writes a baseline (mean and sd per setting) from the run instead.",
      "Exit codes: 0 all within band (or baseline written), 1 regression or bad data, 2 usage."
    })
final class RegressCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--run",
      required = true,
      paramLabel = "DIR",
      description = "Run directory with ranking.csv.")
  Path run;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Mode mode;

  static final class Mode {
    @Option(
        names = "--baseline",
        paramLabel = "FILE",
        description = "Baseline to check against " + "(results/baselines/<profile>.json).")
    Path baseline;

    @Option(
        names = "--write-baseline",
        paramLabel = "FILE",
        description = "Write a baseline from the run.")
    Path writeBaseline;
  }

  @Option(
      names = "--band",
      paramLabel = "TAU",
      description =
          "With --write-baseline: a fixed band for every "
              + "entry, in tau units, instead of the band derived from the noise (default: derived).")
  Double band;

  @Option(
      names = "--false-alarm",
      paramLabel = "ALPHA",
      description =
          "Chance that noise alone fails any gated "
              + "setting with a derived band (default 0.01).")
  Double falseAlarm;

  @Option(
      names = "--junit-xml",
      paramLabel = "FILE",
      description =
          "Also write a JUnit XML report: one test case "
              + "per gated setting, a regression is a failure.")
  Path junitXml;

  @Option(
      names = "--summary",
      paramLabel = "FILE",
      description = "Also write a Markdown summary (e.g. " + "$GITHUB_STEP_SUMMARY).")
  Path summary;

  @Option(
      names = "--profile",
      paramLabel = "NAME",
      description =
          "With --write-baseline: the profile the "
              + "baseline belongs to (default: the profile in DIR/run.json, else 'default').")
  String profile;

  @Option(
      names = "--one-sided",
      negatable = true,
      defaultValue = "false",
      fallbackValue = "true",
      description =
          "Only a tau below the band fails (default: ${DEFAULT-VALUE}: a tau above it fails too, as "
              + "the baseline is then stale).")
  boolean oneSided;

  @Option(
      names = "--all",
      negatable = true,
      defaultValue = "false",
      fallbackValue = "true",
      description = "Print every setting, not only the failing ones (default: ${DEFAULT-VALUE}).")
  boolean all;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (mode.writeBaseline != null) {
      if (falseAlarm != null || junitXml != null || summary != null) {
        throw new ParameterException(
            spec.commandLine(), "--false-alarm, --junit-xml and --summary go with --baseline");
      }
      double b = band == null ? Double.NaN : band;
      if (band != null && !(b >= 0 && b <= 2)) {
        throw new ParameterException(spec.commandLine(), "--band must be in [0,2], got " + b);
      }
      Baseline baseline = RunRegression.baseline(run, profile, b);
      baseline.write(mode.writeBaseline);
      out.println(
          String.format(
              Locale.ROOT,
              "wrote %s: %d settings, profile %s, %s",
              mode.writeBaseline,
              baseline.entries().size(),
              baseline.profile(),
              band == null
                  ? "bands derived from the noise"
                  : String.format(Locale.ROOT, "fixed band %.3f", b)));
      out.flush();
      return Main.OK;
    }
    if (band != null || profile != null) {
      throw new ParameterException(
          spec.commandLine(), "--band and --profile only go with --write-baseline");
    }
    if (falseAlarm != null && !(falseAlarm > 0 && falseAlarm < 1)) {
      throw new ParameterException(
          spec.commandLine(), "--false-alarm must be in (0,1), got " + falseAlarm);
    }
    Baseline baseline = Baseline.read(mode.baseline);
    RegressionResult result = RunRegression.check(run, baseline, oneSided, falseAlarm);
    if (junitXml != null) {
      AtomicFiles.writeString(
          junitXml, RegressionReports.junitXml(result, mode.baseline.toString()));
    }
    if (summary != null) {
      AtomicFiles.writeString(
          summary, RegressionReports.markdown(result, mode.baseline.toString()));
    }
    if (result.passed()) {
      out.println(
          "ok: every tau within its band of "
              + mode.baseline
              + " (profile "
              + baseline.profile()
              + ")");
      if (baseline.schema().equals(Baseline.SCHEMA_V1)) {
        out.println(
            "note: "
                + mode.baseline
                + " is a "
                + Baseline.SCHEMA_V1
                + " baseline (fixed bands); re-record "
                + "it with --write-baseline to derive bands from the noise");
      }
      if (all
          || result.findings().stream().anyMatch(f -> f.status() == RegressionResult.Status.NEW)) {
        out.print(result.table(true));
      }
      out.flush();
      return Main.OK;
    }
    out.println(
        "REGRESSION against "
            + mode.baseline
            + " (profile "
            + baseline.profile()
            + "): "
            + result.regressions().size()
            + " failing");
    out.print(result.table(all));
    out.flush();
    return Main.FAILURE;
  }
}
