package dev.nasrank.harness.space;

import java.util.Random;

/**
 * Draws one unique cell of a {@link CellSearchSpace} per training step, uniformly over the space's
 * unique cells (not over its labelled graphs or its per-vertex decisions): index {@code
 * nextInt(size)} of the hash-sorted enumeration with {@code new Random(seed)}. Seeded and
 * repeatable; its state goes into a checkpoint like {@link S4Sampler}'s. Not thread-safe.
 */
public final class UniformCellSampler implements ArchitectureSampler<Nb101Cell> {

  private final CellSearchSpace space;
  private final int size;
  private Random random;

  UniformCellSampler(CellSearchSpace space, long seed) {
    this.space = space;
    this.size = space.size();
    this.random = new Random(seed);
  }

  @Override
  public Nb101Cell next() {
    return Nb101Cell.of(space.enumeration().specAt(random.nextInt(size)));
  }

  @Override
  public byte[] saveState() {
    return RandomState.save(random);
  }

  @Override
  public void restoreState(byte[] state) {
    this.random = RandomState.restore(state);
  }
}
