package dev.nasrank.benchbridge;

/**
 * The cells with at most {@code max} vertices (input and output included), at most 9 edges and the
 * three inner operations: the reference {@code generate_graphs} run with {@code max_vertices =
 * max}, as Yu et al. (ICLR 2020, kcyu2014/eval-nas) do for their {@code v{n}_e9_op3} spaces. Its
 * candidates are already pruned (every vertex on an input-to-output path), so only isomorphic
 * copies collapse.
 *
 * @param max most vertices, 2..7; 7 is the whole space
 */
record MaxVertices(int max) implements CellSpace.Definition {

  MaxVertices {
    if (max < 2 || max > ModelSpec.MAX_VERTICES) {
      throw new IllegalArgumentException(
          "most vertices must be 2.." + ModelSpec.MAX_VERTICES + ", got " + max);
    }
  }

  @Override
  public SearchSpace enumerate(String id, int threads) {
    if (max == ModelSpec.MAX_VERTICES) {
      return SearchSpace.enumerate(threads);
    }
    Representatives reps = new Representatives();
    for (int v = 2; v <= max; v++) {
      int masks = 1 << (v * (v - 1) / 2);
      int labellings = SearchSpace.labellings(v).size();
      for (int mask = 0; mask < masks; mask++) {
        long bits = SearchSpace.fullDagBits(v, mask);
        if (bits >= 0) {
          for (int l = 0; l < labellings; l++) {
            reps.add(v, bits, l);
          }
        }
      }
    }
    return SearchSpace.ofRepresentatives(id, reps.distinct(), reps.candidates(), threads);
  }

  @Override
  public long configurations() {
    long n = 0;
    for (int v = 2; v <= max; v++) {
      int masks = 1 << (v * (v - 1) / 2);
      for (int m = 0; m < masks; m++) {
        if (SearchSpace.fullDagBits(v, m) >= 0) {
          n += SearchSpace.labellings(v).size();
        }
      }
    }
    return n;
  }
}
