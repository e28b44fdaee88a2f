package dev.nasrank.harness.report.stats;

import dev.nasrank.harness.candidates.Candidate;

/**
 * The statistics of one setting over its seeds (default variant; ground truth = mean of the
 * repeats' final validation accuracies). Fields without a prefix are as before the inference
 * targets existed ({@link InferenceTarget#ARCHITECTURES} for the interval).
 *
 * @param seeds number of training seeds the setting has a ranking for
 * @param n number of unique architectures it ranks
 * @param meanTau mean Kendall tau-b over its seeds
 * @param seedSd sample standard deviation of tau-b over its seeds (NaN with one seed)
 * @param low lower bound of the hierarchical bootstrap interval of {@code meanTau}
 * @param high upper bound of that interval
 * @param resamplesUsed bootstrap resamples in which the statistic was defined
 * @param noiseCeiling mean tau-b between one ground-truth repeat and another over the same
 *     architectures ({@link Ceiling#oneRepeat})
 * @param groundTruthShare variance of the mean tau when only ground-truth repeats are resampled,
 *     divided by its variance under the full scheme (NaN when the latter is 0)
 * @param space the space target's t estimate of the mean tau (seeds and repeats random)
 * @param ceiling the ground truth's reliability figures over the setting's architectures
 * @param evaluationSe binomial standard error sqrt(p (1 - p) / N) of one one-shot accuracy
 *     (fraction), p the setting's mean one-shot accuracy, N the evaluation images (NaN when N is
 *     unknown)
 * @param scoreSd the spread of the architectures' scores: mean over seeds of the sample sd over
 *     architectures of the predicted score (fraction)
 */
public record SettingStats(
    Candidate.Setting setting,
    int seeds,
    int n,
    double meanTau,
    double seedSd,
    double low,
    double high,
    int resamplesUsed,
    double noiseCeiling,
    double groundTruthShare,
    TEstimate space,
    Ceiling ceiling,
    double evaluationSe,
    double scoreSd) {

  /** The lower bound of the 1 - alpha interval under a target. */
  public double low(InferenceTarget t, double alpha) {
    return t == InferenceTarget.SPACE ? space.low(alpha) : low;
  }

  /** The upper bound of the 1 - alpha interval under a target. */
  public double high(InferenceTarget t, double alpha) {
    return t == InferenceTarget.SPACE ? space.high(alpha) : high;
  }
}
