package dev.nasrank.harness.report;

import java.util.OptionalDouble;

/**
 * Stand-alone accuracies of architectures, keyed by NAS-Bench-101 module hash, at one epoch budget:
 * per training repeat, the final validation accuracy and (when known) the final test accuracy, as
 * fractions in [0,1]. The reporter's default ground truth is the mean of the repeats' validation
 * accuracies; the "one seeded repeat" variant picks one repeat per architecture.
 */
public interface GroundTruth {

  /** Human-readable source, e.g. {@code NAS-Bench-101 nasbench_only108.tfrecord, 108 epochs}. */
  String description();

  /** The epoch budget these accuracies belong to. */
  int epochs();

  /** Whether the architecture is known. */
  boolean contains(String moduleHash);

  /** Number of training repeats recorded for the architecture (NAS-Bench-101: 3). */
  int repeats(String moduleHash);

  /** Final validation accuracy (fraction) of one repeat, 0-based. */
  double validationAccuracy(String moduleHash, int repeat);

  /** Final test accuracy (fraction) of one repeat, when recorded. */
  OptionalDouble testAccuracy(String moduleHash, int repeat);

  /** Mean final validation accuracy over all repeats (the default ground truth). */
  default double meanValidationAccuracy(String moduleHash) {
    int n = repeats(moduleHash);
    double sum = 0;
    for (int r = 0; r < n; r++) {
      sum += validationAccuracy(moduleHash, r);
    }
    return sum / n;
  }
}
