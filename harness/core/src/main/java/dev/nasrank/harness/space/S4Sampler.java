package dev.nasrank.harness.space;

import dev.nasrank.benchbridge.Op;
import java.util.Arrays;
import java.util.Random;

/**
 * Samples one S4 choice per training step, as MixPath does: m' uniform in 1..m, then m' distinct
 * nodes (from all four nodes, or from the first m in {@link SamplerMode#REFERENCE} mode), then one
 * op uniform per chosen node.
 *
 * <p>Seeded and repeatable; its generator state can be saved into a checkpoint and restored ({@link
 * #saveState()}, {@link #restoreState(byte[])}), so a resumed run continues the same sequence. Not
 * thread-safe.
 */
public final class S4Sampler implements ArchitectureSampler<S4Choice> {

  private final int maxPaths;
  private final SamplerMode mode;
  private Random random;

  /**
   * @param maxPaths m, 1..4
   * @param mode which nodes may be drawn
   * @param seed generator seed
   */
  public S4Sampler(int maxPaths, SamplerMode mode, long seed) {
    S4Space.checkMaxPaths(maxPaths);
    this.maxPaths = maxPaths;
    this.mode = mode;
    this.random = new Random(seed);
  }

  /** m. */
  public int maxPaths() {
    return maxPaths;
  }

  /** The node-drawing mode. */
  public SamplerMode mode() {
    return mode;
  }

  /** Draws the next choice. */
  @Override
  public S4Choice next() {
    int paths = 1 + random.nextInt(maxPaths);
    int pool = mode == SamplerMode.REFERENCE ? maxPaths : S4Choice.NODES;
    int[] nodes = new int[pool];
    for (int i = 0; i < pool; i++) {
      nodes[i] = i;
    }
    // Partial Fisher-Yates: the first `paths` entries become a uniform random subset.
    for (int i = 0; i < paths; i++) {
      int j = i + random.nextInt(pool - i);
      int t = nodes[i];
      nodes[i] = nodes[j];
      nodes[j] = t;
    }
    Op[] ops = new Op[S4Choice.NODES];
    int[] chosen = Arrays.copyOf(nodes, paths);
    Arrays.sort(chosen);
    for (int node : chosen) {
      ops[node] = S4Choice.NODE_OPS[random.nextInt(S4Choice.NODE_OPS.length)];
    }
    return S4Choice.of(Arrays.asList(ops));
  }

  /** The generator state, for a checkpoint. */
  @Override
  public byte[] saveState() {
    return RandomState.save(random);
  }

  /**
   * Restores a state saved by {@link #saveState()}.
   *
   * @throws IllegalArgumentException if the bytes are not a saved sampler state
   */
  @Override
  public void restoreState(byte[] state) {
    this.random = RandomState.restore(state);
  }
}
