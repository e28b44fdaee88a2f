package dev.nasrank.harness.train;

/**
 * Training stopped because the loss became NaN or infinite; the last good checkpoint is left
 * untouched.
 */
public final class NonFiniteLossException extends IllegalStateException {

  private final int epoch;
  private final int step;
  private final float value;

  NonFiniteLossException(
      int epoch, int step, long globalStep, float value, String choice, String checkpointNote) {
    super(
        "non-finite loss "
            + value
            + " at epoch "
            + epoch
            + " (zero-based), step "
            + step
            + " of the epoch (global step "
            + globalStep
            + "), choice "
            + choice
            + "; training stopped, "
            + checkpointNote);
    this.epoch = epoch;
    this.step = step;
    this.value = value;
  }

  /** Zero-based epoch of the bad loss. */
  public int epoch() {
    return epoch;
  }

  /** Zero-based step within the epoch. */
  public int step() {
    return step;
  }

  /** The loss value (NaN or infinite). */
  public float value() {
    return value;
  }
}
