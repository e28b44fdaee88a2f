package dev.nasrank.harness.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nasrank.harness.manifest.ManifestIo;
import dev.nasrank.harness.regress.Baseline;
import dev.nasrank.harness.regress.RegressionCheck;
import dev.nasrank.harness.regress.RegressionResult;
import dev.nasrank.harness.report.RankingCsv;
import dev.nasrank.harness.report.RankingRow;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code harness regress}: checks a run's Kendall taus against a committed baseline, or writes one. */
@Command(name = "regress", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Compares DIR/ranking.csv (written by `harness report`) with a baseline: per method x BN strategy x "
            + "calibration, the run's Kendall tau-b (mean over seeds) must lie within the baseline's band around "
            + "the expected tau. A setting missing from the run, or a NaN tau, is a regression; a setting absent "
            + "from the baseline is listed but passes; a run whose run.json profile differs from the baseline's, "
            + "or without a run.json profile, fails.",
        "With --write-baseline, writes a baseline from the run instead.",
        "Exit codes: 0 all within band (or baseline written), 1 regression or bad data, 2 usage."})
final class RegressCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--run", required = true, paramLabel = "DIR", description = "Run directory with ranking.csv.")
  Path run;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Mode mode;

  static final class Mode {
    @Option(names = "--baseline", paramLabel = "FILE", description = "Baseline to check against "
        + "(results/baselines/<profile>.json).")
    Path baseline;

    @Option(names = "--write-baseline", paramLabel = "FILE", description = "Write a baseline from the run.")
    Path writeBaseline;
  }

  @Option(names = "--band", paramLabel = "TAU", description = "With --write-baseline: tolerance band of every "
      + "entry, in tau units (default 0.15).")
  Double band;

  @Option(names = "--profile", paramLabel = "NAME", description = "With --write-baseline: the profile the "
      + "baseline belongs to (default: the profile in DIR/run.json, else 'default').")
  String profile;

  @Option(names = "--one-sided", negatable = true, defaultValue = "false", fallbackValue = "true",
      description = "Only a tau below the band fails (default: ${DEFAULT-VALUE}: a tau above it fails too, as "
          + "the baseline is then stale).")
  boolean oneSided;

  @Option(names = "--all", negatable = true, defaultValue = "false", fallbackValue = "true",
      description = "Print every setting, not only the failing ones (default: ${DEFAULT-VALUE}).")
  boolean all;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<RankingRow> rows = RankingCsv.read(run.resolve("ranking.csv"));
    JsonNode manifest = Files.isRegularFile(run.resolve("run.json")) ? ManifestIo.read(run.resolve("run.json"))
        : null;
    String runProfile = manifest != null && manifest.hasNonNull("profile") ? manifest.get("profile").asText()
        : null;
    if (mode.writeBaseline != null) {
      double b = band == null ? 0.15 : band;
      if (!(b >= 0 && b <= 2)) {
        throw new ParameterException(spec.commandLine(), "--band must be in [0,2], got " + b);
      }
      String commit = manifest != null && manifest.path("git").hasNonNull("commit")
          ? manifest.path("git").get("commit").asText() : "unknown";
      Baseline baseline = Baseline.fromRun(rows, profile != null ? profile
          : runProfile != null ? runProfile : "default", b, run.toString(), commit);
      baseline.write(mode.writeBaseline);
      out.println(String.format(Locale.ROOT, "wrote %s: %d settings, profile %s, band %.3f",
          mode.writeBaseline, baseline.entries().size(), baseline.profile(), b));
      out.flush();
      return Main.OK;
    }
    if (band != null || profile != null) {
      throw new ParameterException(spec.commandLine(), "--band and --profile only go with --write-baseline");
    }
    Baseline baseline = Baseline.read(mode.baseline);
    if (manifest == null) {
      throw new IllegalArgumentException(run.resolve("run.json") + " is missing, so the run's profile cannot be "
          + "checked against the baseline's profile '" + baseline.profile() + "'");
    }
    if (runProfile == null) {
      throw new IllegalArgumentException(run.resolve("run.json") + " has no \"profile\", so the run cannot be "
          + "checked against the baseline's profile '" + baseline.profile() + "'");
    }
    RegressionResult result = RegressionCheck.against(baseline).withOneSided(oneSided).withRunProfile(runProfile)
        .check(rows);
    if (result.passed()) {
      out.println("ok: every tau within its band of " + mode.baseline + " (profile " + baseline.profile() + ")");
      if (all || result.findings().stream().anyMatch(f -> f.status() == RegressionResult.Status.NEW)) {
        out.print(result.table(true));
      }
      out.flush();
      return Main.OK;
    }
    out.println("REGRESSION against " + mode.baseline + " (profile " + baseline.profile() + "): "
        + result.regressions().size() + " failing");
    out.print(result.table(all));
    out.flush();
    return Main.FAILURE;
  }
}
