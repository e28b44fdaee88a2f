package dev.nasrank.harness.search.stage;

import dev.nasrank.harness.candidates.Candidate;
import dev.nasrank.harness.search.Strategy;
import dev.nasrank.harness.search.score.GroundTruthScorer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * search.md: what was searched, regret per setting and strategy beside random search and the
 * oracle.
 */
final class SearchMarkdown {

  private SearchMarkdown() {}

  private static String pp(double fraction) {
    return String.format(Locale.ROOT, "%.2f", 100 * fraction);
  }

  private static String interval(double mean, double low, double high) {
    return pp(mean) + " [" + pp(low) + ", " + pp(high) + "]";
  }

  private static String ratio(double mean, double low, double high) {
    return String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", mean, low, high);
  }

  static String render(
      SearchRequest r,
      String space,
      List<SearchRow> runs,
      List<SummaryRow> summary,
      List<String> plots,
      boolean hasFront) {
    Set<Strategy> strategies = new LinkedHashSet<>();
    summary.forEach(s -> strategies.add(s.strategy()));
    List<Candidate.Setting> settings =
        summary.stream().map(SummaryRow::setting).distinct().toList();
    Set<Integer> pools = runs.stream().map(SearchRow::pool).collect(Collectors.toSet());
    Set<Integer> archs = runs.stream().map(SearchRow::architectures).collect(Collectors.toSet());
    SummaryRow any = summary.get(0);
    StringBuilder sb = new StringBuilder();
    sb.append("# Search: regret against the ground truth\n\n");
    sb.append("Run `")
        .append(r.run())
        .append("`, space `")
        .append(space)
        .append("`, ground truth: ")
        .append(r.groundTruth().description())
        .append(".\n\n");
    sb.append(
        String.format(
            Locale.ROOT,
            "Each of %d settings x %d supernet seeds is searched with %d search seeds (from %d) by %s, with a budget of "
                + "%d distinct queries (%s candidates per pool, %s architectures). The oracle is the run's recorded "
                + "one-shot accuracy; the same searches on the ground truth (mean validation accuracy) are the oracle "
                + "baseline. NSGA-II minimises %s of the NAS-Bench-101 network; population %d, tournament sample %d. "
                + "Regret: the pool's best ground-truth accuracy minus the returned architecture's, in percentage points. "
                + "Intervals: 95%% percentile bootstrap over supernet seeds and search seeds (crossed, %d resamples, "
                + "seed %d); differences are paired with random search on the same supernet seed and search seed. "
                + "Hypervolume ratio: the queried front's (ground truth, cost) hypervolume over the true front's, "
                + "reference point the pool's worst accuracy and cost moved %.0f%% of the range out. docs/search.md "
                + "defines everything.\n\n",
            settings.size(),
            any.supernetSeeds(),
            any.searchSeeds(),
            r.firstSeed(),
            strategies.stream().map(Strategy::cliName).collect(Collectors.joining(", ")),
            any.queries(),
            join(pools),
            join(archs),
            r.objective().unit(),
            r.options().population(),
            r.options().sample(),
            r.resamples(),
            r.bootstrapSeed(),
            100 * GroundTruthScorer.REFERENCE_MARGIN));
    sb.append("Reproduce: `java -jar harness/target/harness.jar ")
        .append(SearchFiles.command(r))
        .append("`\n\n");

    sb.append("## Regret per setting (on the supernet)\n\n");
    List<String> head = new ArrayList<>(List.of("setting"));
    for (Strategy s : strategies) {
      head.add(s.cliName() + " regret (pp)");
      if (s != Strategy.RANDOM) {
        head.add(s.cliName() + " - random (pp)");
      }
    }
    if (strategies.contains(Strategy.NSGA2)) {
      head.add("nsga2 HV ratio");
    }
    row(sb, head);
    row(sb, head.stream().map(h -> "---").toList());
    for (Candidate.Setting st : settings) {
      List<String> cells = new ArrayList<>(List.of(st.label()));
      for (Strategy s : strategies) {
        SummaryRow x = find(summary, st, s, OracleKind.SUPERNET);
        cells.add(interval(x.meanRegret(), x.regretLow(), x.regretHigh()));
        if (s != Strategy.RANDOM) {
          cells.add(interval(x.regretMinusRandom(), x.differenceLow(), x.differenceHigh()));
        }
      }
      if (strategies.contains(Strategy.NSGA2)) {
        SummaryRow x = find(summary, st, Strategy.NSGA2, OracleKind.SUPERNET);
        cells.add(ratio(x.meanHypervolumeRatio(), x.hypervolumeLow(), x.hypervolumeHigh()));
      }
      row(sb, cells);
    }

    sb.append("\n## The same searches on the ground truth (oracle baseline)\n\n");
    boolean onePool = pools.size() == 1;
    sb.append(
        onePool
            ? "Every setting searches the same pool, so these rows are the same for all; shown once.\n\n"
            : "Per setting (the pools differ).\n\n");
    row(
        sb,
        List.of(
            "setting", "strategy", "regret (pp)", "mean true rank", "optimum found", "HV ratio"));
    row(sb, List.of("---", "---", "---", "---", "---", "---"));
    for (Candidate.Setting st : onePool ? settings.subList(0, 1) : settings) {
      for (Strategy s : strategies) {
        SummaryRow x = find(summary, st, s, OracleKind.GROUND_TRUTH);
        row(
            sb,
            List.of(
                onePool ? "all" : st.label(),
                s.cliName(),
                interval(x.meanRegret(), x.regretLow(), x.regretHigh()),
                String.format(Locale.ROOT, "%.2f", x.meanTrueRank()),
                String.format(Locale.ROOT, "%.0f%%", 100 * x.optimumShare()),
                ratio(x.meanHypervolumeRatio(), x.hypervolumeLow(), x.hypervolumeHigh())));
      }
    }

    sb.append("\n## True rank and optimum found (on the supernet)\n\n");
    List<String> h2 = new ArrayList<>(List.of("setting"));
    strategies.forEach(s -> h2.add(s.cliName() + " rank / found"));
    row(sb, h2);
    row(sb, h2.stream().map(h -> "---").toList());
    for (Candidate.Setting st : settings) {
      List<String> cells = new ArrayList<>(List.of(st.label()));
      for (Strategy s : strategies) {
        SummaryRow x = find(summary, st, s, OracleKind.SUPERNET);
        cells.add(
            String.format(Locale.ROOT, "%.2f / %.0f%%", x.meanTrueRank(), 100 * x.optimumShare()));
      }
      row(sb, cells);
    }
    if (!plots.isEmpty()) {
      sb.append("\n## Plots\n\n");
      for (String p : plots) {
        sb.append("![").append(p).append("](").append(p).append(")\n\n");
      }
      if (hasFront) {
        sb.append(
            "The front plot shows the setting whose NSGA-II has the highest mean hypervolume ratio, its first "
                + "supernet seed and first search seed, in ground-truth coordinates.\n");
      }
    }
    return sb.toString();
  }

  private static String join(Set<Integer> values) {
    return values.stream().sorted().map(String::valueOf).collect(Collectors.joining(" / "));
  }

  private static SummaryRow find(
      List<SummaryRow> rows, Candidate.Setting st, Strategy s, OracleKind o) {
    return rows.stream()
        .filter(x -> x.setting().equals(st) && x.strategy() == s && x.oracle() == o)
        .findFirst()
        .orElseThrow();
  }

  private static void row(StringBuilder sb, List<String> cells) {
    sb.append("| ").append(String.join(" | ", cells)).append(" |\n");
  }
}
