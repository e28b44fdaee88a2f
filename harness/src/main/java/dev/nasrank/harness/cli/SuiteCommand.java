package dev.nasrank.harness.cli;

import dev.nasrank.harness.report.RankingRow;
import dev.nasrank.harness.suite.SuiteProfile;
import dev.nasrank.harness.suite.SuiteRunner;
import dev.nasrank.harness.train.DeviceOption;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code harness suite}: trains and evaluates every supernet of the study and writes the ranking report. */
@Command(
    name = "suite",
    mixinStandardHelpOptions = true,
    description = {"Runs the whole study: MixPath under none, vanilla, linear_sbn, exponential_sbn and "
        + "simple_scaling, and SPOS (vanilla sum BN), each evaluated on every S4 choice without and with BN "
        + "post-calibration; ranks them against the ground truth (Kendall tau-b, Spearman, bootstrap interval, "
        + "noise ceiling).",
        "Writes OUT/candidates.csv, ranking.csv, variants.csv, summary.csv, diagnostics.json, run.json, report.md, "
            + "report.html and OUT/units/<unit>/ (checkpoint, evaluation). Rerunning the same command resumes: "
            + "finished units are skipped, an interrupted one continues from its last epoch.",
        "Exit 0 when the report is written; 1 when there is no ground truth (candidates.csv is still written) "
            + "or on failure; 2 for usage errors. Profiles and timings: docs/suite.md."})
public final class SuiteCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  DataRootOption dataRoot;

  @Mixin
  VerifyOption verify;

  @Option(names = "--profile", paramLabel = "NAME", defaultValue = "mini",
      description = "mini (mini CIFAR-10 split, C=16, < 45 min on 2 cores), ci (a few minutes, for the CI "
          + "regression) or paper (C=128, 3x3 cells, 200 epochs: days). Default: ${DEFAULT-VALUE}.")
  String profile;

  @Option(names = "--out", paramLabel = "DIR", required = true, description = "Run folder (created; resumed).")
  Path out;

  @Option(names = "--groundtruth", paramLabel = "FILE",
      description = "A NAS-Bench-101-format TFRecord (e.g. nasbench_only108.tfrecord); ranks against the mean over "
          + "its repeats of the final validation accuracy at its largest epoch budget. Default: the embedded "
          + "S4-mini ground truth (datasets/groundtruth/s4-mini, or -Dnasrank.groundtruth=DIR).")
  Path groundTruth;

  @Option(names = "--seeds", paramLabel = "N", defaultValue = "1",
      description = "Repeat everything with N training seeds (--seed, --seed+1, ...); the report gives mean and "
          + "standard deviation of each tau. Default: ${DEFAULT-VALUE}.")
  int seeds;

  @Option(names = "--seed", paramLabel = "SEED", defaultValue = "2020",
      description = "First training seed. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--max-paths", paramLabel = "M", split = ",", defaultValue = "4",
      description = "Comma-separated m values (1..4). The largest trains all six supernets and is ranked; smaller "
          + "ones train MixPath + linear_sbn for the one-shot accuracy distributions by m. Default: "
          + "${DEFAULT-VALUE}.")
  List<Integer> maxPaths;

  @Option(names = "--epochs", paramLabel = "N", description = "Override the profile's training epochs.")
  Integer epochs;

  @Option(names = "--device", paramLabel = "DEVICE", defaultValue = "auto", converter = DeviceConverter.class,
      description = "auto, cpu or gpu. Default: ${DEFAULT-VALUE}.")
  DeviceOption device;

  @Mixin
  ProgressOption progressOption;

  @Override
  public Integer call() throws IOException {
    PrintStream o = WriterOutputStream.printStream(spec.commandLine().getOut());
    PrintStream e = WriterOutputStream.printStream(spec.commandLine().getErr());
    if (seeds < 1) {
      throw new ParameterException(spec.commandLine(), "--seeds must be >= 1, got " + seeds);
    }
    SuiteProfile p;
    try {
      p = SuiteProfile.of(profile);
      if (epochs != null) {
        p = p.withEpochs(epochs);
      }
    } catch (IllegalArgumentException ex) {
      throw new ParameterException(spec.commandLine(), ex.getMessage());
    }
    List<Long> seedList = new ArrayList<>();
    for (int i = 0; i < seeds; i++) {
      seedList.add(seed + i);
    }
    return run(new SuiteRunner.Settings(p, maxPaths, seedList, verify.apply(dataRoot.resolve()), device, groundTruth,
        out, progressOption.enabled()), o, e);
  }

  /** Runs the suite and prints the summary; the exit code. */
  static int run(SuiteRunner.Settings settings, PrintStream o, PrintStream e) throws IOException {
    SuiteRunner.Outcome r = new SuiteRunner(o, e).run(settings);
    o.printf("%d units: %d run now, %d finished earlier -> %s%n", r.units().size(), r.trainedOrEvaluated(),
        r.skipped(), settings.out());
    o.println(r.groundTruth().coverageLine());
    if (r.report() == null) {
      o.println("no ranking: " + r.groundTruth().problem());
      o.println("candidates.csv, diagnostics.json and run.json are written. To rank, generate the S4-mini ground "
          + "truth ('harness groundtruth generate --profile mini --out datasets/groundtruth/s4-mini', see "
          + "docs/groundtruth.md) or pass --groundtruth nasbench_only108.tfrecord (epochs 108, mean of the 3 "
          + "repeats' final validation accuracy), then rerun the same suite command (finished units are reused).");
      return Main.FAILURE;
    }
    o.printf("ranked n = %d unique architectures per setting (mean over repeats of the final validation "
        + "accuracy)%n", r.report().ranking().isEmpty() ? 0 : r.report().ranking().get(0).n());
    o.println("method    bn_strategy      calibrated  seed   n  kendall_tau [95% interval]   spearman  ceiling");
    for (RankingRow row : r.report().ranking()) {
      o.printf(Locale.ROOT, "%-9s %-16s %-11s %-6d %-3d %6.3f [%6.3f, %6.3f]  %8.3f  %7.3f%n", row.method(),
          row.bnStrategy(), row.calibrated(), row.seed(), row.n(), row.kendallTau(), row.kendallTauLow(),
          row.kendallTauHigh(), row.spearman(), row.noiseCeiling());
    }
    o.println("report: " + settings.out().resolve("report.md") + " and report.html");
    return Main.OK;
  }
}
