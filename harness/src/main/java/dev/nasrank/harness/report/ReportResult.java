package dev.nasrank.harness.report;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link Reporter#render} produced.
 *
 * @param directory the run directory written into
 * @param ranking the rows of ranking.csv (default variant, one per setting and seed)
 * @param variants every measured variant of every ranking
 * @param plots the PNG files written
 * @param manifestWritten whether run.json was absent and a report-time manifest was written
 */
public record ReportResult(RunDirectory directory, List<RankingRow> ranking, List<VariantResult> variants,
    List<Path> plots, boolean manifestWritten) {

  /** One variant of one ranking. */
  public record VariantResult(Candidate.RunKey run, RankingEvaluator.Result result) {}
}
