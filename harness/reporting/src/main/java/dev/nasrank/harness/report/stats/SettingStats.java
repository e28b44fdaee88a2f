package dev.nasrank.harness.report.stats;

import dev.nasrank.harness.candidates.Candidate;

/**
 * The statistics of one setting over its seeds (default variant; ground truth = mean of the
 * repeats' final validation accuracies).
 *
 * @param seeds number of training seeds the setting has a ranking for
 * @param n number of unique architectures it ranks
 * @param meanTau mean Kendall tau-b over its seeds
 * @param seedSd sample standard deviation of tau-b over its seeds (NaN with one seed)
 * @param low lower bound of the hierarchical bootstrap interval of {@code meanTau}
 * @param high upper bound of that interval
 * @param resamplesUsed bootstrap resamples in which the statistic was defined
 * @param noiseCeiling mean tau-b between ground-truth repeats over the same architectures
 * @param groundTruthShare variance of the mean tau when only ground-truth repeats are resampled,
 *     divided by its variance under the full scheme (NaN when the latter is 0)
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
    double groundTruthShare) {}
