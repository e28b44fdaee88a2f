package dev.nasrank.harness.eval;

import java.util.Locale;

/** How {@link OneShotEvaluator} orders its work; both give bit-identical results. */
public enum EvalPath {
  /**
   * The default: batch by batch, the stem and the first cell's candidate-op outputs computed once
   * per batch and shared by every choice, BN post-calibration of all choices in one pass over the
   * calibration batches.
   */
  SHARED,
  /**
   * The reference: choice by choice, every choice runs its whole forward pass on every batch and is
   * calibrated on its own (the evaluator before issue 14; kept for equivalence tests and
   * before/after benchmarks).
   */
  PER_CHOICE;

  /** Lower-case CLI name with a hyphen ({@code shared}, {@code per-choice}). */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Parses a {@link #cliName()}. */
  public static EvalPath parse(String s) {
    for (EvalPath p : values()) {
      if (p.cliName().equals(s.toLowerCase(Locale.ROOT))) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "unknown evaluation path '" + s + "' (expected shared or per-choice)");
  }
}
