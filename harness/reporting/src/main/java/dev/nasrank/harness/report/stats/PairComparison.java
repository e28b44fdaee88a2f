package dev.nasrank.harness.report.stats;

import dev.nasrank.harness.candidates.Candidate;

/**
 * Two settings compared (default variant): A minus B.
 *
 * @param seeds number of seeds both settings have a ranking for
 * @param meanTauA mean tau-b of A over its seeds
 * @param meanTauB mean tau-b of B over its seeds
 * @param difference {@code meanTauA - meanTauB}
 * @param low lower bound of the paired bootstrap interval of the difference
 * @param high upper bound of that interval
 * @param resamplesUsed resamples in which both means were defined
 * @param pValue two-sided bootstrap p-value of "no difference"
 * @param holmP the p-value after Holm's adjustment over all pairs of the report
 * @param verdict A better, B better or undecided at the family-wise level
 * @param seedsToDecide for an undecided pair, the seeds that would decide it
 * @param groundTruthShare variance of the difference with only ground-truth repeats resampled,
 *     divided by its variance under the full scheme
 */
public record PairComparison(
    Candidate.Setting a,
    Candidate.Setting b,
    int seeds,
    double meanTauA,
    double meanTauB,
    double difference,
    double low,
    double high,
    int resamplesUsed,
    double pValue,
    double holmP,
    PairVerdict verdict,
    SeedsToDecide seedsToDecide,
    double groundTruthShare) {

  /** The same comparison as B minus A. */
  public PairComparison flipped() {
    return new PairComparison(
        b,
        a,
        seeds,
        meanTauB,
        meanTauA,
        -difference,
        -high,
        -low,
        resamplesUsed,
        pValue,
        holmP,
        verdict.flipped(),
        seedsToDecide,
        groundTruthShare);
  }

  /** E.g. {@code mixpath/linear_sbn/calibrated better}, or {@code undecided}. */
  public String verdictText() {
    return switch (verdict) {
      case A_BETTER -> a.label() + " better";
      case B_BETTER -> b.label() + " better";
      case UNDECIDED -> "undecided";
    };
  }
}
