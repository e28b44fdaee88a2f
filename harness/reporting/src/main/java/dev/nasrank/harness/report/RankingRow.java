package dev.nasrank.harness.report;

import dev.nasrank.harness.candidates.Candidate;

/**
 * One row of {@code ranking.csv}: the default variant (unique architectures, ground truth = mean of
 * the repeats' final validation accuracies, no filter) of one supernet.
 *
 * @param n number of unique architectures ranked
 * @param kendallTau Kendall tau-b
 * @param kendallTauLow lower bound of the bootstrap 95% interval
 * @param kendallTauHigh upper bound of the bootstrap 95% interval
 * @param spearman Spearman's rho
 * @param noiseCeiling mean tau-b between ground-truth repeats over the same architectures
 */
public record RankingRow(
    String method,
    String bnStrategy,
    boolean calibrated,
    long seed,
    int n,
    double kendallTau,
    double kendallTauLow,
    double kendallTauHigh,
    double spearman,
    double noiseCeiling) {

  /** The supernet configuration of the row. */
  public Candidate.Setting setting() {
    return new Candidate.Setting(method, bnStrategy, calibrated);
  }
}
