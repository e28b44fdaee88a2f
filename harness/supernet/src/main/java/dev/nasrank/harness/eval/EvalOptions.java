package dev.nasrank.harness.eval;

import dev.nasrank.harness.train.CalibrationMode;

/**
 * What {@link OneShotEvaluator} runs per candidate.
 *
 * @param uncalibrated evaluate with the trained BN statistics
 * @param calibrated evaluate after BN post-calibration
 * @param mode calibration protocol
 * @param calibrationBatches K, the fixed training batches of {@link CalibrationMode#EXACT} (ignored
 *     by REFERENCE, which uses the evaluation batches)
 * @param maxEvalBatches cap on validation batches per candidate, 0 = the whole split (smoke runs
 *     and tests)
 * @param progress draw a progress bar on stderr
 */
public record EvalOptions(
    boolean uncalibrated,
    boolean calibrated,
    CalibrationMode mode,
    int calibrationBatches,
    int maxEvalBatches,
    boolean progress) {

  /** Validates the values. */
  public EvalOptions {
    if (!uncalibrated && !calibrated) {
      throw new IllegalArgumentException(
          "nothing to evaluate: enable uncalibrated and/or calibrated evaluation");
    }
    if (mode == null) {
      throw new IllegalArgumentException("calibration mode is required");
    }
    if (calibrated && mode == CalibrationMode.EXACT && calibrationBatches < 1) {
      throw new IllegalArgumentException(
          "calibration batches K must be >= 1, got " + calibrationBatches);
    }
    if (maxEvalBatches < 0) {
      throw new IllegalArgumentException("max eval batches must be >= 0, got " + maxEvalBatches);
    }
  }
}
