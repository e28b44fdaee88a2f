package dev.nasrank.harness.space;

/**
 * Draws the candidate a supernet trains on each step: seeded and repeatable, with a state that a
 * checkpoint saves and a resumed run restores, so the resumed run draws the same sequence. Not
 * thread-safe.
 *
 * @param <A> the space's candidate type
 */
public interface ArchitectureSampler<A extends Architecture> {

  /** Draws the next candidate. */
  A next();

  /** The generator state, for a checkpoint. */
  byte[] saveState();

  /**
   * Restores a state saved by {@link #saveState()}.
   *
   * @throws IllegalArgumentException if the bytes are not a saved state of this sampler
   */
  void restoreState(byte[] state);
}
