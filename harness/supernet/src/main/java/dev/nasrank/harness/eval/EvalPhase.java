package dev.nasrank.harness.eval;

/**
 * The parts of a one-shot evaluation, as reported to a {@link PhaseListener} (benchmarks time
 * each).
 */
public enum EvalPhase {
  /** Accuracy with the trained BN statistics. */
  UNCALIBRATED,
  /** BN post-calibration: training-mode passes that recompute the running statistics. */
  CALIBRATION,
  /** Accuracy with the post-calibrated statistics. */
  CALIBRATED
}
