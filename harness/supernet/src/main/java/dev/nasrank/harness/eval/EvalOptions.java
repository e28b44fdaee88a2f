package dev.nasrank.harness.eval;

import dev.nasrank.harness.config.EvalBudget;
import dev.nasrank.harness.setting.CalibrationMode;

/**
 * What {@link OneShotEvaluator} runs per candidate. {@link #of(EvalBudget)} is the suite's (both
 * passes, calibration on the budget's K batches); {@link #builder()} assembles any other.
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

  /**
   * The suite's evaluation under a budget: with the trained statistics and after calibration with
   * {@code mode} (exact: on the budget's K batches), capped at its validation batches; no progress
   * bar.
   */
  public static EvalOptions of(EvalBudget budget, CalibrationMode mode) {
    return builder()
        .optCalibration(mode, budget.calibrationBatches())
        .optMaxEvalBatches(budget.maxEvalBatches())
        .build();
  }

  /** A copy with the progress bar on or off. */
  public EvalOptions withProgress(boolean on) {
    return new EvalOptions(uncalibrated, calibrated, mode, calibrationBatches, maxEvalBatches, on);
  }

  /** A builder; defaults below. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Assembles {@link EvalOptions}; every field has a default: both passes, exact calibration on
   * {@value EvalBudget#DEFAULT_CALIBRATION_BATCHES} batches, the whole validation part, no bar.
   */
  public static final class Builder {
    private boolean uncalibrated = true;
    private boolean calibrated = true;
    private CalibrationMode mode = CalibrationMode.EXACT;
    private int calibrationBatches = EvalBudget.DEFAULT_CALIBRATION_BATCHES;
    private int maxEvalBatches;
    private boolean progress;

    private Builder() {}

    /** Whether to evaluate with the trained statistics; default true. */
    public Builder optUncalibrated(boolean on) {
      this.uncalibrated = on;
      return this;
    }

    /** Whether to evaluate after BN post-calibration; default true. */
    public Builder optCalibrated(boolean on) {
      this.calibrated = on;
      return this;
    }

    /**
     * The calibration protocol and its K (used by {@link CalibrationMode#EXACT}); default exact,
     * {@value EvalBudget#DEFAULT_CALIBRATION_BATCHES}.
     */
    public Builder optCalibration(CalibrationMode mode, int batches) {
      this.mode = mode;
      this.calibrationBatches = batches;
      return this;
    }

    /** Cap on validation batches per candidate; default 0, all. */
    public Builder optMaxEvalBatches(int n) {
      this.maxEvalBatches = n;
      return this;
    }

    /** Draw a progress bar on stderr; default false. */
    public Builder optProgress(boolean on) {
      this.progress = on;
      return this;
    }

    /**
     * The options.
     *
     * @throws IllegalArgumentException when nothing would be evaluated or a value is out of range
     */
    public EvalOptions build() {
      return new EvalOptions(
          uncalibrated, calibrated, mode, calibrationBatches, maxEvalBatches, progress);
    }
  }
}
