package dev.nasrank.harness.report.stats;

import dev.nasrank.harness.candidates.Candidate;

/**
 * Two settings compared (default variant): A minus B, under both inference targets. The fields
 * without a prefix are the {@link InferenceTarget#ARCHITECTURES} target's (the hierarchical
 * bootstrap, as before the targets existed); {@code space*} fields are the {@link
 * InferenceTarget#SPACE} target's (paired t over seeds with the ground-truth variance added).
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
 * @param space the space target's estimate of the mean over common seeds of the per-seed difference
 * @param spaceHolmP its two-sided p-value after Holm's adjustment over all pairs
 * @param spaceVerdict its verdict at the family-wise level
 * @param spaceSeedsToDecide its seeds (and repeats) to decide
 * @param resampled the bootstrap's resampled differences (for the claims' one-sided tests)
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
    double groundTruthShare,
    TEstimate space,
    double spaceHolmP,
    PairVerdict spaceVerdict,
    SeedsToDecide spaceSeedsToDecide,
    Resampled resampled) {

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
        groundTruthShare,
        new TEstimate(
            -space.estimate(),
            space.seedVariance(),
            space.seedDf(),
            space.groundTruthVariance(),
            space.groundTruthDf()),
        spaceHolmP,
        spaceVerdict.flipped(),
        spaceSeedsToDecide,
        resampled.negated());
  }

  /** The verdict under a target. */
  public PairVerdict verdict(InferenceTarget t) {
    return t == InferenceTarget.SPACE ? spaceVerdict : verdict;
  }

  /** The two-sided p-value (unadjusted) under a target. */
  public double pValue(InferenceTarget t) {
    return t == InferenceTarget.SPACE ? space.pValue() : pValue;
  }

  /** The Holm-adjusted p-value over all pairs under a target. */
  public double holmP(InferenceTarget t) {
    return t == InferenceTarget.SPACE ? spaceHolmP : holmP;
  }

  /** The difference estimated under a target (the space target's is over the common seeds). */
  public double difference(InferenceTarget t) {
    return t == InferenceTarget.SPACE ? space.estimate() : difference;
  }

  /** The lower bound of the 1 - alpha interval under a target. */
  public double low(InferenceTarget t, double alpha) {
    return t == InferenceTarget.SPACE ? space.low(alpha) : low;
  }

  /** The upper bound of the 1 - alpha interval under a target. */
  public double high(InferenceTarget t, double alpha) {
    return t == InferenceTarget.SPACE ? space.high(alpha) : high;
  }

  /** Seeds to decide under a target. */
  public SeedsToDecide seedsToDecide(InferenceTarget t) {
    return t == InferenceTarget.SPACE ? spaceSeedsToDecide : seedsToDecide;
  }

  /** E.g. {@code mixpath/linear_sbn/calibrated better}, or {@code undecided}. */
  public String verdictText() {
    return verdictText(InferenceTarget.ARCHITECTURES);
  }

  /** The verdict under a target in words. */
  public String verdictText(InferenceTarget t) {
    return switch (verdict(t)) {
      case A_BETTER -> a.label() + " better";
      case B_BETTER -> b.label() + " better";
      case UNDECIDED -> "undecided";
    };
  }
}
