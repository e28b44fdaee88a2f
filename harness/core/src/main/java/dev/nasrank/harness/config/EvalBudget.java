package dev.nasrank.harness.config;

/**
 * How much work the one-shot evaluation of a supernet does per choice: batch size, the K training
 * batches of exact BN post-calibration, and caps on validation batches and choices.
 *
 * @param batchSize images per evaluation and calibration batch (>= 1)
 * @param calibrationBatches K, training batches of exact BN post-calibration per choice (>= 1)
 * @param maxEvalBatches cap on validation batches per choice, 0 = the whole validation part
 * @param maxChoices evaluate only the first this many choices, 0 = all (microscopic test profiles
 *     only)
 */
public record EvalBudget(
    int batchSize, int calibrationBatches, int maxEvalBatches, int maxChoices) {

  /**
   * K when nobody says otherwise: 20 batches ({@code evaluate}'s default and the paper profile's).
   * Stated once here.
   */
  public static final int DEFAULT_CALIBRATION_BATCHES = 20;

  /** Validates the values, naming the bad one. */
  public EvalBudget {
    if (batchSize < 1) {
      throw new IllegalArgumentException("evaluation batch size must be >= 1, got " + batchSize);
    }
    if (calibrationBatches < 1) {
      throw new IllegalArgumentException(
          "calibration batches K must be >= 1, got " + calibrationBatches);
    }
    if (maxEvalBatches < 0 || maxChoices < 0) {
      throw new IllegalArgumentException(
          "caps on evaluation batches and choices must be >= 0 (0 = none), got "
              + maxEvalBatches
              + " and "
              + maxChoices);
    }
  }
}
