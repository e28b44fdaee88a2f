package dev.nasrank.harness.report;

import dev.nasrank.harness.candidates.Candidate;
import dev.nasrank.harness.report.claims.ClaimResult;
import dev.nasrank.harness.report.stats.StudyStatistics;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@link Reporter#render} produced.
 *
 * @param directory the run directory written into
 * @param ranking the rows of ranking.csv (default variant, one per setting and seed)
 * @param variants every measured variant of every ranking
 * @param statistics per setting and per pair of settings, over seeds (settings.csv,
 *     comparisons.csv)
 * @param claims the paper's claims audited (claims.csv)
 * @param plots the PNG files written
 * @param stalePlots PNG files of an earlier report that this one no longer draws, removed from
 *     {@code plots/} (none when plots were not drawn)
 * @param manifestWritten whether run.json was absent and a report-time manifest was written
 * @param headline the report's first paragraph as lines (best setting, what it beats under each
 *     target, the claims' verdicts, the ceiling and the evaluation images), which the report and
 *     suite commands print last
 */
public record ReportResult(
    RunDirectory directory,
    List<RankingRow> ranking,
    List<VariantResult> variants,
    StudyStatistics statistics,
    List<ClaimResult> claims,
    List<Path> plots,
    List<Path> stalePlots,
    boolean manifestWritten,
    List<String> headline) {

  /** Copies the lists. */
  public ReportResult {
    headline = List.copyOf(headline);
  }

  /** One variant of one ranking. */
  public record VariantResult(Candidate.RunKey run, RankingEvaluator.Result result) {}
}
