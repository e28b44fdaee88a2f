package dev.nasrank.harness.space;

import dev.nasrank.benchbridge.ModelSpec;
import dev.nasrank.benchbridge.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * {@link CellSampling#RANDOM_SPEC}: draws a cell by per-decision uniform choices, as the
 * NAS-Bench-101 API's {@code random_spec} does (Ying et al. 2019; facts from its documentation):
 * each of the 21 entries above the diagonal of a 7 x 7 adjacency matrix is 1 with probability 1/2
 * and each of the 5 inner vertices gets one of the three ops uniformly; the draw is repeated until
 * the pruned cell is valid, has at most 9 edges and lies in the space. Seeded ({@code new
 * Random(seed)}, matrix entries row by row, then the ops), resumable. Not thread-safe.
 *
 * <p>Unlike {@link UniformCellSampler} it favours cells with many labelled graphs (and so, in the
 * whole space, large cells). Most draws are rejected (too many edges after pruning, or outside a
 * subspace); a draw costs microseconds, negligible beside a training step.
 */
public final class RandomSpecSampler implements ArchitectureSampler<Nb101Cell> {

  private static final int N = CellPath.MAX_VERTICES;
  private static final int MAX_EDGES = 9;
  private static final int MAX_TRIES = 10_000_000;

  private final CellSearchSpace space;
  private Random random;

  RandomSpecSampler(CellSearchSpace space, long seed) {
    this.space = space;
    this.random = new Random(seed);
  }

  @Override
  public Nb101Cell next() {
    for (int t = 0; t < MAX_TRIES; t++) {
      int[][] m = new int[N][N];
      for (int u = 0; u < N; u++) {
        for (int v = u + 1; v < N; v++) {
          m[u][v] = random.nextBoolean() ? 1 : 0;
        }
      }
      List<Op> ops = new ArrayList<>(N);
      ops.add(Op.INPUT);
      for (int v = 1; v < N - 1; v++) {
        ops.add(Op.INNER[random.nextInt(Op.INNER.length)]);
      }
      ops.add(Op.OUTPUT);
      ModelSpec spec;
      try {
        spec = ModelSpec.of(m, ops);
      } catch (IllegalArgumentException tooManyEdges) {
        continue; // more than 9 edges after pruning: outside every NAS-Bench-101 space
      }
      if (spec.isValid() && spec.edgeCount() <= MAX_EDGES && space.containsHash(spec.hash())) {
        return Nb101Cell.of(spec);
      }
    }
    throw new IllegalStateException(
        "no cell of space " + space.id() + " in " + MAX_TRIES + " random_spec draws");
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
