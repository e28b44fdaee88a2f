package dev.nasrank.harness.space;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** The seeded sample behind {@link SearchSpace#sample}. */
final class UniformSample {

  private UniformSample() {}

  /**
   * {@code n} distinct entries of {@code pool}, uniform, in pool order: a partial Fisher-Yates
   * shuffle of the indices with {@code new Random(seed)}, whose first {@code n} are kept and
   * sorted.
   */
  static <A> List<A> of(List<A> pool, int n, long seed, String space) {
    if (n < 1 || n > pool.size()) {
      throw new IllegalArgumentException(
          "cannot sample "
              + n
              + " candidates of space "
              + space
              + ": "
              + pool.size()
              + " are eligible (n must be 1.."
              + pool.size()
              + ")");
    }
    int[] index = new int[pool.size()];
    Arrays.setAll(index, i -> i);
    Random random = new Random(seed);
    for (int i = 0; i < n; i++) {
      int j = i + random.nextInt(index.length - i);
      int t = index[i];
      index[i] = index[j];
      index[j] = t;
    }
    int[] chosen = Arrays.copyOf(index, n);
    Arrays.sort(chosen);
    List<A> out = new ArrayList<>(n);
    for (int i : chosen) {
      out.add(pool.get(i));
    }
    return List.copyOf(out);
  }
}
