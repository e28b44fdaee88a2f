package dev.nasrank.harness.search.stage;

import dev.nasrank.harness.candidates.Candidate;
import dev.nasrank.harness.search.Strategy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What {@link RunSearch#run} measured and wrote.
 *
 * @param space the run's search space id
 * @param summary search.csv's rows, setting by setting
 * @param runs search-runs.csv's rows
 * @param anytime per setting, strategy and oracle, the mean regret after each query (element k - 1
 *     after k queries)
 * @param files the files written
 */
public record SearchResult(
    String space,
    List<SummaryRow> summary,
    List<SearchRow> runs,
    Map<Key, double[]> anytime,
    List<Path> files) {

  /** A setting's strategy on one oracle. */
  public record Key(Candidate.Setting setting, Strategy strategy, OracleKind oracle) {}
}
