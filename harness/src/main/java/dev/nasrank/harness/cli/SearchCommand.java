package dev.nasrank.harness.cli;

import dev.nasrank.harness.config.Seeds;
import dev.nasrank.harness.report.GroundTruth;
import dev.nasrank.harness.report.GroundTruthFiles;
import dev.nasrank.harness.search.SearchOptions;
import dev.nasrank.harness.search.Strategy;
import dev.nasrank.harness.search.stage.CostObjective;
import dev.nasrank.harness.search.stage.OracleKind;
import dev.nasrank.harness.search.stage.RunSearch;
import dev.nasrank.harness.search.stage.SearchRequest;
import dev.nasrank.harness.search.stage.SearchResult;
import dev.nasrank.harness.search.stage.SummaryRow;
import dev.nasrank.harness.suite.RecordedGroundTruth;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code harness search}: searches a finished run folder (docs/search.md) and writes search.csv,
 * search-runs.csv, search-anytime.csv, search.md, plots and search.json.
 */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Searches every setting x supernet seed of DIR/candidates.csv with random search, regularized evolution and "
          + "NSGA-II (one-shot accuracy against FLOPs or parameters), the oracle being the recorded one-shot "
          + "accuracies, beside random search and the same searches on the ground truth; scores each search by "
          + "regret against the ground truth and writes search.csv (means over seeds with 95%% bootstrap intervals), "
          + "search-runs.csv, search-anytime.csv, search.md, plots/ and search.json into --out.",
      "Exit codes: 0 ok, 1 bad data or missing files, 2 usage."
    })
final class SearchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--run",
      required = true,
      paramLabel = "DIR",
      description = "Run folder with candidates.csv.")
  Path run;

  @Option(
      names = "--strategy",
      split = ",",
      paramLabel = "NAME",
      description =
          "Strategies, comma separated: random, evolution, nsga2 (default: all; random runs in any case).")
  List<String> strategies;

  @Option(
      names = "--budget",
      defaultValue = "" + SearchRequest.DEFAULT_BUDGET,
      paramLabel = "N",
      description = "Distinct oracle queries per search (default: ${DEFAULT-VALUE}).")
  int budget;

  @Option(
      names = "--seeds",
      defaultValue = "" + SearchRequest.DEFAULT_SEEDS,
      paramLabel = "K",
      description = "Search seeds per setting and supernet seed (default: ${DEFAULT-VALUE}).")
  int seeds;

  @Option(
      names = "--seed",
      defaultValue = Seeds.DEFAULT_TEXT,
      paramLabel = "SEED",
      description = "First search seed; the others follow it (default: ${DEFAULT-VALUE}).")
  long firstSeed;

  @Option(
      names = "--objective",
      defaultValue = "flops",
      paramLabel = "COST",
      description =
          "NSGA-II's cost of the NAS-Bench-101 network: flops or params (default: ${DEFAULT-VALUE}).")
  String objective;

  @Option(
      names = "--population",
      defaultValue = "" + SearchOptions.DEFAULT_POPULATION,
      paramLabel = "P",
      description = "Population of evolution and NSGA-II (default: ${DEFAULT-VALUE}).")
  int population;

  @Option(
      names = "--sample",
      defaultValue = "" + SearchOptions.DEFAULT_SAMPLE,
      paramLabel = "S",
      description = "Tournament sample of regularized evolution (default: ${DEFAULT-VALUE}).")
  int sample;

  @Option(
      names = "--bootstrap",
      defaultValue = "" + SearchRequest.DEFAULT_RESAMPLES,
      paramLabel = "N",
      description = "Bootstrap resamples of the intervals (default: ${DEFAULT-VALUE}).")
  int resamples;

  @Option(
      names = "--groundtruth",
      paramLabel = "FILE",
      description =
          "Ground truth (as for 'report'). Default: the one DIR/run.json records, else DIR/groundtruth.csv.")
  Path groundTruth;

  @Option(
      names = "--epochs",
      paramLabel = "N",
      description = "Epoch budget of the ground truth. Default: the file's largest.")
  Integer epochs;

  @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: DIR/search).")
  Path out;

  @Option(
      names = "--plots",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description = "Render PNG plots (default: ${DEFAULT-VALUE}).")
  boolean plots;

  @Override
  public Integer call() {
    List<Strategy> chosen;
    SearchOptions options;
    CostObjective cost;
    try {
      chosen =
          strategies == null
              ? List.of(Strategy.values())
              : strategies.stream().map(Strategy::parse).toList();
      options = new SearchOptions(population, sample);
      cost = CostObjective.parse(objective);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    // A missing run folder, ground truth or bad data is exit 1 (Main's handler), not a usage error.
    GroundTruth gt =
        GroundTruthFiles.open(
            groundTruth != null ? groundTruth : RecordedGroundTruth.of(run),
            epochs == null ? OptionalInt.empty() : OptionalInt.of(epochs));
    SearchRequest request;
    try {
      request =
          SearchRequest.builder(run, gt)
              .optOut(out)
              .optStrategies(chosen)
              .optBudget(budget)
              .optSeeds(seeds)
              .optFirstSeed(firstSeed)
              .optObjective(cost)
              .optOptions(options)
              .optResamples(resamples)
              .optPlots(plots)
              .build();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    PrintWriter pw = spec.commandLine().getOut();
    pw.println("ground truth: " + gt.description());
    SearchResult result = RunSearch.run(request);
    for (SummaryRow r : result.summary()) {
      if (r.oracle() == OracleKind.SUPERNET) {
        pw.println(
            String.format(
                Locale.ROOT,
                "%-40s %-9s regret %6.2f pp [%5.2f, %5.2f]  vs random %+6.2f pp [%+5.2f, %+5.2f]  HV ratio %.3f",
                r.setting().label(),
                r.strategy().cliName(),
                100 * r.meanRegret(),
                100 * r.regretLow(),
                100 * r.regretHigh(),
                100 * r.regretMinusRandom(),
                100 * r.differenceLow(),
                100 * r.differenceHigh(),
                r.meanHypervolumeRatio()));
      }
    }
    pw.println("wrote " + result.files().size() + " files into " + request.out());
    pw.flush();
    return Main.OK;
  }
}
