package dev.nasrank.harness.groundtruth;

import ai.djl.training.tracker.Tracker;

/**
 * Per-step learning rate: linear warm-up from 0 to {@code peak} over {@code warmupSteps}, then
 * cosine decay to 0 at {@code totalSteps} ({@code 0.5 * peak * (1 + cos(pi * progress))}, the
 * {@code COSINE_BY_STEP} rule of NAS-Bench-101). DJL passes the 0-based update count of each
 * parameter.
 */
public record LearningRateSchedule(double peak, int warmupSteps, int totalSteps)
    implements Tracker {

  /** Validates the ranges. */
  public LearningRateSchedule {
    if (totalSteps < 1 || warmupSteps < 0 || warmupSteps >= totalSteps) {
      throw new IllegalArgumentException(
          "need 0 <= warm-up steps < total steps, got " + warmupSteps + " and " + totalSteps);
    }
  }

  /** Learning rate of 0-based step {@code step}. */
  public double at(int step) {
    if (step < warmupSteps) {
      return peak * (step + 1) / (warmupSteps + 1);
    }
    double progress = Math.min(1.0, (double) (step - warmupSteps) / (totalSteps - warmupSteps));
    return 0.5 * peak * (1 + Math.cos(Math.PI * progress));
  }

  @Override
  public float getNewValue(int numUpdate) {
    return (float) at(numUpdate);
  }
}
