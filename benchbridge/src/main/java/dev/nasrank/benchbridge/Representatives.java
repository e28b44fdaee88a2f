package dev.nasrank.benchbridge;

import java.util.Arrays;

/**
 * Collects the {@link ReferenceOrder} keys of class representatives of a space's candidates and
 * hands them back deduplicated, in reference order. Not thread-safe.
 */
final class Representatives {
  private final ReferenceOrder order = new ReferenceOrder();
  private long[] keys = new long[1 << 12];
  private int size;
  private long candidates;

  /** Adds a labelled pruned cell given by vertex count, adjacency bits and labelling index. */
  void add(int vertices, long bits, int labelling) {
    long key = order.canonical(vertices, bits, labelling);
    if (size == keys.length) {
      keys = Arrays.copyOf(keys, size * 2);
    }
    keys[size++] = key;
    candidates++;
  }

  /** Labelled cells added so far, duplicates included. */
  long candidates() {
    return candidates;
  }

  /** The distinct keys added, ascending (so in reference order). */
  long[] distinct() {
    long[] k = Arrays.copyOf(keys, size);
    Arrays.sort(k);
    int n = 0;
    for (int i = 0; i < k.length; i++) {
      if (i == 0 || k[i] != k[i - 1]) {
        k[n++] = k[i];
      }
    }
    return Arrays.copyOf(k, n);
  }
}
