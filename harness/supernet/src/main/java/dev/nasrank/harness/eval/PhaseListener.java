package dev.nasrank.harness.eval;

/**
 * Told when a {@link OneShotEvaluator} starts a part of its work. The per-choice path alternates
 * between the phases once per choice; the shared path enters each once.
 */
@FunctionalInterface
public interface PhaseListener {

  /** A listener that ignores every phase. */
  PhaseListener NONE = phase -> {};

  /** The work from now on belongs to {@code phase}, on the calling thread. */
  void enter(EvalPhase phase);
}
