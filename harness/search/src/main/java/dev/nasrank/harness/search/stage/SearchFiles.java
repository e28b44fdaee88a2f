package dev.nasrank.harness.search.stage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nasrank.files.AtomicFiles;
import dev.nasrank.files.Checksums;
import dev.nasrank.harness.candidates.Candidate;
import dev.nasrank.harness.manifest.CodeCheckout;
import dev.nasrank.harness.manifest.GitInfo;
import dev.nasrank.harness.report.Charts;
import dev.nasrank.harness.search.Strategy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The search stage's files, each written atomically ({@link AtomicFiles}) into the request's output
 * folder:
 *
 * <ul>
 *   <li>{@value #SEARCH_CSV}: {@link SummaryRow}s, header {@link #SUMMARY_HEADER};
 *   <li>{@value #RUNS_CSV}: {@link SearchRow}s, header {@link #RUNS_HEADER};
 *   <li>{@value #ANYTIME_CSV}: mean anytime regret per setting, strategy, oracle and query;
 *   <li>{@value #SEARCH_MD}: the tables and plots; {@code plots/search-anytime*.png}, {@code
 *       plots/search-front.png};
 *   <li>{@value #SEARCH_JSON}: provenance (code commit, the request, candidates.csv's SHA-256, the
 *       ground truth) and the command that reproduces the folder.
 * </ul>
 */
public final class SearchFiles {

  /** The summary over seeds. */
  public static final String SEARCH_CSV = "search.csv";

  /** One row per search. */
  public static final String RUNS_CSV = "search-runs.csv";

  /** Mean anytime regret. */
  public static final String ANYTIME_CSV = "search-anytime.csv";

  /** The Markdown summary. */
  public static final String SEARCH_MD = "search.md";

  /** Provenance. */
  public static final String SEARCH_JSON = "search.json";

  /** search.csv's header. */
  public static final List<String> SUMMARY_HEADER =
      List.of(
          "method",
          "bn_strategy",
          "calibrated",
          "strategy",
          "oracle",
          "supernet_seeds",
          "search_seeds",
          "queries",
          "architectures",
          "mean_regret",
          "regret_low",
          "regret_high",
          "mean_true_rank",
          "optimum_share",
          "mean_hv_ratio",
          "hv_ratio_low",
          "hv_ratio_high",
          "regret_minus_random",
          "difference_low",
          "difference_high");

  /** search-runs.csv's header. */
  public static final List<String> RUNS_HEADER =
      List.of(
          "method",
          "bn_strategy",
          "calibrated",
          "supernet_seed",
          "strategy",
          "oracle",
          "search_seed",
          "queries",
          "pool",
          "architectures",
          "returned",
          "returned_hash",
          "returned_accuracy",
          "best_accuracy",
          "regret",
          "true_rank",
          "hv_ratio");

  static {
    System.setProperty("java.awt.headless", "true");
  }

  private SearchFiles() {}

  /**
   * What the front plot shows: (cost, ground truth) of every pool point, the true and found front.
   */
  record FrontPlot(String title, double[][] pool, double[][] trueFront, double[][] found) {}

  static List<Path> write(
      SearchRequest request,
      String space,
      List<SearchRow> runs,
      List<SummaryRow> summary,
      Map<SearchResult.Key, double[]> anytime,
      FrontPlot front) {
    Path out = request.out();
    List<Path> files = new ArrayList<>();
    try {
      Files.createDirectories(out);
      files.add(writeString(out.resolve(SEARCH_CSV), summaryCsv(summary)));
      files.add(writeString(out.resolve(RUNS_CSV), runsCsv(runs)));
      files.add(writeString(out.resolve(ANYTIME_CSV), anytimeCsv(anytime)));
      List<String> plots = new ArrayList<>();
      if (request.plots()) {
        Files.createDirectories(out.resolve("plots"));
        plots.add(
            writePng(out, "search-anytime.png", anytimeOverall(anytime, request.strategies())));
        for (Strategy s : strategiesIn(anytime)) {
          plots.add(
              writePng(
                  out, "search-anytime-" + s.cliName() + ".png", anytimeBySetting(anytime, s)));
        }
        if (front != null) {
          plots.add(writePng(out, "search-front.png", frontChart(front, request.objective())));
        }
        plots.forEach(p -> files.add(out.resolve(p)));
      }
      files.add(
          writeString(
              out.resolve(SEARCH_MD),
              SearchMarkdown.render(request, space, runs, summary, plots, front != null)));
      files.add(writeString(out.resolve(SEARCH_JSON), provenance(request, space)));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the search files into " + out + ": " + e.getMessage(), e);
    }
    return files;
  }

  private static Path writeString(Path file, String text) {
    AtomicFiles.writeString(file, text);
    return file;
  }

  private static String writePng(Path out, String name, byte[] png) {
    AtomicFiles.write(out.resolve("plots").resolve(name), png);
    return "plots/" + name;
  }

  static String f(double v) {
    return Double.isNaN(v) ? "NaN" : String.format(Locale.ROOT, "%.6f", v);
  }

  private static String settingCells(Candidate.Setting s) {
    return s.method() + "," + s.bnStrategy() + "," + s.calibrated();
  }

  static String summaryCsv(List<SummaryRow> rows) {
    StringBuilder sb = new StringBuilder(String.join(",", SUMMARY_HEADER)).append('\n');
    for (SummaryRow r : rows) {
      sb.append(settingCells(r.setting()))
          .append(',')
          .append(r.strategy().cliName())
          .append(',')
          .append(r.oracle().cliName())
          .append(',')
          .append(r.supernetSeeds())
          .append(',')
          .append(r.searchSeeds())
          .append(',')
          .append(r.queries())
          .append(',')
          .append(r.architectures())
          .append(',')
          .append(f(r.meanRegret()))
          .append(',')
          .append(f(r.regretLow()))
          .append(',')
          .append(f(r.regretHigh()))
          .append(',')
          .append(f(r.meanTrueRank()))
          .append(',')
          .append(f(r.optimumShare()))
          .append(',')
          .append(f(r.meanHypervolumeRatio()))
          .append(',')
          .append(f(r.hypervolumeLow()))
          .append(',')
          .append(f(r.hypervolumeHigh()))
          .append(',')
          .append(f(r.regretMinusRandom()))
          .append(',')
          .append(f(r.differenceLow()))
          .append(',')
          .append(f(r.differenceHigh()))
          .append('\n');
    }
    return sb.toString();
  }

  static String runsCsv(List<SearchRow> rows) {
    StringBuilder sb = new StringBuilder(String.join(",", RUNS_HEADER)).append('\n');
    for (SearchRow r : rows) {
      sb.append(settingCells(r.setting()))
          .append(',')
          .append(r.supernetSeed())
          .append(',')
          .append(r.strategy().cliName())
          .append(',')
          .append(r.oracle().cliName())
          .append(',')
          .append(r.searchSeed())
          .append(',')
          .append(r.queries())
          .append(',')
          .append(r.pool())
          .append(',')
          .append(r.architectures())
          .append(',')
          .append('"')
          .append(r.returned().replace("\"", "\"\""))
          .append('"')
          .append(',')
          .append(r.returnedHash())
          .append(',')
          .append(f(r.returnedAccuracy()))
          .append(',')
          .append(f(r.bestAccuracy()))
          .append(',')
          .append(f(r.regret()))
          .append(',')
          .append(r.trueRank())
          .append(',')
          .append(f(r.hypervolumeRatio()))
          .append('\n');
    }
    return sb.toString();
  }

  static String anytimeCsv(Map<SearchResult.Key, double[]> anytime) {
    StringBuilder sb =
        new StringBuilder("method,bn_strategy,calibrated,strategy,oracle,queries,mean_regret\n");
    anytime.forEach(
        (k, v) -> {
          for (int q = 0; q < v.length; q++) {
            sb.append(settingCells(k.setting()))
                .append(',')
                .append(k.strategy().cliName())
                .append(',')
                .append(k.oracle().cliName())
                .append(',')
                .append(q + 1)
                .append(',')
                .append(f(v[q]))
                .append('\n');
          }
        });
    return sb.toString();
  }

  private static List<Strategy> strategiesIn(Map<SearchResult.Key, double[]> anytime) {
    return anytime.keySet().stream().map(SearchResult.Key::strategy).distinct().sorted().toList();
  }

  private static XYChart lineChart(String title, String yTitle) {
    XYChart chart =
        new XYChartBuilder()
            .width(720)
            .height(480)
            .title(title)
            .xAxisTitle("distinct queries")
            .yAxisTitle(yTitle)
            .build();
    chart.getStyler().setLegendPosition(LegendPosition.InsideNE);
    chart.getStyler().setYAxisDecimalPattern("0.00");
    chart.getStyler().setXAxisDecimalPattern("0");
    return chart;
  }

  private static double[] queriesAxis(int n) {
    double[] x = new double[n];
    for (int q = 0; q < n; q++) {
      x[q] = q + 1;
    }
    return x;
  }

  private static double[] percent(double[] v) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = 100 * v[i];
    }
    return out;
  }

  /** Every strategy x oracle, mean over settings (each setting weighted equally). */
  static byte[] anytimeOverall(Map<SearchResult.Key, double[]> anytime, List<Strategy> requested) {
    XYChart chart =
        lineChart("Anytime regret, mean over settings and seeds", "regret (percentage points)");
    for (Strategy s : strategiesIn(anytime)) {
      for (OracleKind o : OracleKind.values()) {
        List<double[]> curves =
            anytime.entrySet().stream()
                .filter(e -> e.getKey().strategy() == s && e.getKey().oracle() == o)
                .map(Map.Entry::getValue)
                .toList();
        if (curves.isEmpty()) {
          continue;
        }
        double[] mean = new double[curves.get(0).length];
        for (double[] c : curves) {
          for (int q = 0; q < mean.length; q++) {
            mean[q] += c[q] / curves.size();
          }
        }
        chart
            .addSeries(
                s.cliName() + " on " + o.cliName().replace('_', ' '),
                queriesAxis(mean.length),
                percent(mean))
            .setMarker(SeriesMarkers.NONE);
      }
    }
    return png(chart);
  }

  /**
   * One strategy: each setting on the supernet, and the ground-truth search (mean over settings).
   */
  static byte[] anytimeBySetting(Map<SearchResult.Key, double[]> anytime, Strategy s) {
    XYChart chart =
        lineChart(
            "Anytime regret of " + s.cliName() + " per setting", "regret (percentage points)");
    chart.getStyler().setLegendPosition(LegendPosition.OutsideE);
    double[] oracle = null;
    int oracles = 0;
    for (Map.Entry<SearchResult.Key, double[]> e : anytime.entrySet()) {
      if (e.getKey().strategy() != s) {
        continue;
      }
      if (e.getKey().oracle() == OracleKind.SUPERNET) {
        chart
            .addSeries(
                e.getKey().setting().label(),
                queriesAxis(e.getValue().length),
                percent(e.getValue()))
            .setMarker(SeriesMarkers.NONE);
      } else {
        oracle = oracle == null ? new double[e.getValue().length] : oracle;
        for (int q = 0; q < oracle.length; q++) {
          oracle[q] += e.getValue()[q];
        }
        oracles++;
      }
    }
    if (oracle != null) {
      for (int q = 0; q < oracle.length; q++) {
        oracle[q] /= oracles;
      }
      chart
          .addSeries("on the ground truth", queriesAxis(oracle.length), percent(oracle))
          .setMarker(SeriesMarkers.NONE);
    }
    return png(chart);
  }

  static byte[] frontChart(FrontPlot p, CostObjective objective) {
    return Charts.scatter(
        "NSGA-II front (search seed 1), " + p.title(),
        objective.unit(),
        "ground-truth accuracy",
        List.of(
            new Charts.Series("every candidate", p.pool()[0], p.pool()[1]),
            new Charts.Series("true front", p.trueFront()[0], p.trueFront()[1]),
            new Charts.Series("front found on the supernet", p.found()[0], p.found()[1])));
  }

  private static byte[] png(XYChart chart) {
    try {
      return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The command that writes this folder again. */
  static String command(SearchRequest r) {
    return "search --run "
        + r.run()
        + " --strategy "
        + r.strategies().stream().map(Strategy::cliName).collect(Collectors.joining(","))
        + " --budget "
        + r.budget()
        + " --seeds "
        + r.seeds()
        + " --seed "
        + r.firstSeed()
        + " --objective "
        + r.objective().cliName()
        + " --population "
        + r.options().population()
        + " --sample "
        + r.options().sample()
        + " --bootstrap "
        + r.resamples()
        + " --out "
        + r.out();
  }

  private static String provenance(SearchRequest r, String space) throws IOException {
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = json.createObjectNode();
    root.put("schema", "nasrank-search/1");
    root.put("created", Instant.now().toString());
    root.put("command", command(r));
    GitInfo git =
        CodeCheckout.of(SearchFiles.class)
            .map(GitInfo::detect)
            .orElse(new GitInfo(GitInfo.UNKNOWN, null));
    ObjectNode g = root.putObject("git");
    g.put("commit", git.commit());
    if (git.dirty() != null) {
      g.put("dirty", git.dirty());
    }
    root.put("run", r.run().toString());
    root.put("space", space);
    root.put("candidatesSha256", Checksums.sha256(r.run().resolve("candidates.csv")));
    root.put("groundTruth", r.groundTruth().description());
    ObjectNode o = root.putObject("request");
    o.put(
        "strategies",
        r.strategies().stream().map(Strategy::cliName).collect(Collectors.joining(",")));
    o.put("budget", r.budget());
    o.put("searchSeeds", r.seeds());
    o.put("firstSearchSeed", r.firstSeed());
    o.put("objective", r.objective().cliName());
    o.put("population", r.options().population());
    o.put("sample", r.options().sample());
    o.put("bootstrapResamples", r.resamples());
    o.put("bootstrapSeed", r.bootstrapSeed());
    return json.writeValueAsString(root) + "\n";
  }
}
