package dev.nasrank.harness.cli;

import dev.nasrank.harness.config.Seeds;
import dev.nasrank.harness.report.RankingRow;
import dev.nasrank.harness.report.ReportOptions;
import dev.nasrank.harness.report.ReportResult;
import dev.nasrank.harness.report.RunDirectory;
import dev.nasrank.harness.report.claims.ClaimResult;
import dev.nasrank.harness.report.claims.ClaimVerdict;
import dev.nasrank.harness.suite.RunReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code harness report}: renders report.md, report.html, ranking.csv and plots of a run directory.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Measures the rankings in DIR/candidates.csv against NAS-Bench-101 ground truth and writes, into DIR: "
          + "ranking.csv (Kendall tau-b with bootstrap 95%% interval, Spearman and noise ceiling per method, BN "
          + "strategy, calibration and seed), variants.csv, summary.csv, settings.csv (mean tau over seeds with "
          + "a hierarchical bootstrap interval), comparisons.csv (every pair of settings, Holm-adjusted), claims.csv "
          + "(the MixPath paper's claims audited), plots/*.png, report.md and a self-contained report.html; run.json "
          + "too when DIR has none.",
      "Accuracies are fractions in [0,1]; the default ground truth is the mean of the repeats' final validation "
          + "accuracies. Exit codes: 0 ok, 1 bad data or missing files, 2 usage."
    })
final class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--run",
      required = true,
      paramLabel = "DIR",
      description = "Run directory with candidates.csv.")
  Path run;

  @Option(
      names = "--groundtruth",
      paramLabel = "FILE",
      description = {
        "Ground truth: a NAS-Bench-101 TFRecord (or its binary cache), the CSV of 'nasbench export-csv', or a CSV",
        "module_hash,repeat,validation_accuracy[,test_accuracy]. Default: the one DIR/run.json records (the suite's),",
        "else DIR/groundtruth.csv."
      })
  Path groundTruth;

  @Option(
      names = "--epochs",
      paramLabel = "N",
      description = "Epoch budget of the ground truth. Default: the file's largest.")
  Integer epochs;

  @Option(
      names = "--bootstrap",
      defaultValue = "1000",
      paramLabel = "N",
      description = "Bootstrap resamples for the tau interval (default: ${DEFAULT-VALUE}).")
  int resamples;

  @Option(
      names = "--bootstrap-seed",
      defaultValue = Seeds.DEFAULT_TEXT,
      paramLabel = "SEED",
      description = "Seed of every bootstrap of the report (default: ${DEFAULT-VALUE}).")
  long bootstrapSeed;

  @Option(
      names = "--study-bootstrap",
      paramLabel = "N",
      description =
          "Resamples of the hierarchical bootstrap "
              + "behind settings.csv, comparisons.csv and claims.csv (default 10,000; see docs/report.md).")
  Integer studyResamples;

  @Option(
      names = "--repeat-seed",
      defaultValue = Seeds.DEFAULT_TEXT,
      paramLabel = "SEED",
      description =
          "Seed choosing the repeat in the 'one seeded repeat' variant (default: ${DEFAULT-VALUE}).")
  long repeatSeed;

  @Option(
      names = "--precision-k",
      defaultValue = "5,10",
      split = ",",
      paramLabel = "K",
      description = "The k of precision@k, comma separated (default: ${DEFAULT-VALUE}).")
  List<Integer> precisionKs;

  @Option(
      names = "--plots",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description = "Render PNG plots (default: ${DEFAULT-VALUE}).")
  boolean plots;

  @Override
  public Integer call() {
    if (resamples < 1) {
      throw new ParameterException(
          spec.commandLine(), "--bootstrap must be >= 1, got " + resamples);
    }
    if (studyResamples != null && studyResamples < 1) {
      throw new ParameterException(
          spec.commandLine(), "--study-bootstrap must be >= 1, got " + studyResamples);
    }
    if (precisionKs.stream().anyMatch(k -> k < 1)) {
      throw new ParameterException(
          spec.commandLine(), "--precision-k values must be >= 1, got " + precisionKs);
    }
    PrintWriter out = spec.commandLine().getOut();
    ReportOptions.Builder options =
        ReportOptions.builder()
            .optBootstrapResamples(resamples)
            .optBootstrapSeed(bootstrapSeed)
            .optRepeatSeed(repeatSeed)
            .optPrecisionKs(precisionKs)
            .optPlots(plots);
    if (studyResamples != null) {
      options.optStudyResamples(studyResamples);
    }
    ReportResult result;
    try (ProgressBar bar =
        new ProgressBarBuilder()
            .setTaskName("measuring rankings")
            .setInitialMax(1)
            .setConsumer(new ConsoleProgressBarConsumer(System.err))
            .continuousUpdate()
            .build()) {
      result =
          RunReport.render(
                  run,
                  groundTruth,
                  epochs == null ? OptionalInt.empty() : OptionalInt.of(epochs),
                  options.build(),
                  gt -> out.println("ground truth: " + gt.description()),
                  (done, total) -> {
                    bar.maxHint(total);
                    bar.stepTo(done);
                  })
              .result();
    }
    RunDirectory dir = new RunDirectory(run);
    for (RankingRow r : result.ranking()) {
      out.println(
          String.format(
              Locale.ROOT,
              "%-40s seed %-6d n=%-4d tau-b %7.3f [%6.3f, %6.3f]  ceiling %.3f",
              r.setting().label(),
              r.seed(),
              r.n(),
              r.kendallTau(),
              r.kendallTauLow(),
              r.kendallTauHigh(),
              r.noiseCeiling()));
    }
    out.println(
        String.format(
            Locale.ROOT,
            "claims (claims.csv): %d reproduced, %d contradicted, %d undecided",
            result.claims().stream().filter(c -> c.verdict() == ClaimVerdict.REPRODUCED).count(),
            result.claims().stream().filter(c -> c.verdict() == ClaimVerdict.CONTRADICTED).count(),
            result.claims().stream().filter(c -> c.verdict() == ClaimVerdict.UNDECIDED).count()));
    for (ClaimResult c : result.claims()) {
      out.println(
          String.format(Locale.ROOT, "  %d. %-13s %s", c.id(), c.verdict().key(), c.claim()));
    }
    out.println(
        String.format(
            Locale.ROOT,
            "pairs (comparisons.csv): %d of %d decided (Holm, family-wise %.2f) under %s (primary), "
                + "%d under %s",
            result.statistics().decided(result.statistics().primary()),
            result.statistics().pairs().size(),
            result.statistics().alpha(),
            result.statistics().primary().key(),
            result.statistics().decided(result.statistics().secondary()),
            result.statistics().secondary().key()));
    out.println(
        "wrote "
            + dir.reportMd()
            + ", "
            + dir.reportHtml()
            + ", "
            + dir.rankingCsv()
            + " and "
            + result.plots().size()
            + " plots"
            + (result.stalePlots().isEmpty()
                ? ""
                : " (removed " + result.stalePlots().size() + " an earlier report drew)")
            + (result.manifestWritten() ? "; run.json (report-only)" : ""));
    result.headline().forEach(out::println);
    out.flush();
    return Main.OK;
  }
}
