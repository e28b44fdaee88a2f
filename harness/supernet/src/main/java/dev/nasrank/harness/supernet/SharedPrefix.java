package dev.nasrank.harness.supernet;

/**
 * The part of a supernet's forward pass over one batch that every candidate shares ({@link
 * Supernet#prefix}); each candidate's remaining pass borrows it ({@link
 * Supernet#logits(ai.djl.training.ParameterStore, SharedPrefix,
 * dev.nasrank.harness.space.Architecture, ai.djl.ndarray.NDManager)}). {@link S4Prefix} is the S4
 * supernet's: the stem and the first cell's candidate-op outputs.
 */
public interface SharedPrefix extends AutoCloseable {

  /** Whether the prefix ran in training mode (batch statistics, running statistics updated). */
  boolean training();

  /** Frees every array the prefix holds. */
  @Override
  void close();
}
