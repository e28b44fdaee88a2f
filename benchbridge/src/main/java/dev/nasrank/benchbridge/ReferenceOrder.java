package dev.nasrank.benchbridge;

import java.util.ArrayList;
import java.util.List;

/**
 * The order in which the reference {@code generate_graphs} meets labelled cells (V ascending, then
 * the upper-triangular mask with bit {@code x + y(y-1)/2} for edge x&lt;y, then the labelling with
 * the first inner vertex varying slowest, inner operations in hash-label order conv3x3 &lt; conv1x1
 * &lt; maxpool3x3), and the representative it keeps of each isomorphism class: the first copy in
 * that order. NAS-Bench-101 stores exactly that copy (its records were made from the generator's
 * first-seen matrix per hash; the 1,000 matrices of the 1k dump are all of this form), and its
 * vertex order decides channel widths, parameters and FLOPs.
 *
 * <p>A labelled cell is packed into one {@code long} <em>key</em>: {@code V << 32 | mask << 8 |
 * labelling}, so comparing keys is comparing positions in the reference order. {@link #canonical}
 * maps a pruned cell to the key of its class's representative by trying every relabelling of the
 * inner vertices that keeps the matrix upper-triangular (at most 5! = 120). One instance per thread
 * reuses its buffers.
 */
final class ReferenceOrder {
  private static final int[][][] PERMUTATIONS = new int[ModelSpec.MAX_VERTICES - 1][][];
  private static final int[] POW3 = {1, 3, 9, 27, 81, 243};

  static {
    for (int k = 0; k < PERMUTATIONS.length; k++) {
      List<int[]> out = new ArrayList<>();
      permute(new int[k], new boolean[k], 0, out);
      PERMUTATIONS[k] = out.toArray(new int[0][]);
    }
  }

  private final int[] from = new int[ModelSpec.MAX_EDGES];
  private final int[] to = new int[ModelSpec.MAX_EDGES];
  private final int[] codes = new int[ModelSpec.MAX_VERTICES];
  private final int[] map = new int[ModelSpec.MAX_VERTICES];
  private final int[] holder = new int[ModelSpec.MAX_VERTICES];

  private static void permute(int[] p, boolean[] used, int at, List<int[]> out) {
    if (at == p.length) {
      out.add(p.clone());
      return;
    }
    for (int i = 0; i < p.length; i++) {
      if (!used[i]) {
        used[i] = true;
        p[at] = i;
        permute(p, used, at + 1, out);
        used[i] = false;
      }
    }
  }

  /** The key of a labelled cell given in reference form. */
  static long key(int vertices, int mask, int labelling) {
    return (long) vertices << 32 | (long) mask << 8 | labelling;
  }

  /** The key of a valid, pruned cell as it is numbered (no relabelling). */
  static long keyOf(ModelSpec spec) {
    int v = spec.vertexCount();
    int mask = 0;
    for (int y = 1; y < v; y++) {
      for (int x = 0; x < y; x++) {
        if (spec.hasEdge(x, y)) {
          mask |= 1 << (x + y * (y - 1) / 2);
        }
      }
    }
    int labelling = 0;
    for (int k = 1; k < v - 1; k++) {
      labelling = labelling * 3 + spec.op(k).hashLabel();
    }
    return key(v, mask, labelling);
  }

  /** Number of vertices of a key. */
  static int vertices(long key) {
    return (int) (key >>> 32);
  }

  /** Adjacency bits (bit {@code from * 7 + to}) of a key. */
  static long adjacencyBits(long key) {
    int v = vertices(key);
    int mask = (int) (key >>> 8) & 0xFFFFFF;
    long bits = 0;
    for (int y = 1; y < v; y++) {
      for (int x = 0; x < y; x++) {
        if ((mask >>> (x + y * (y - 1) / 2) & 1) != 0) {
          bits |= 1L << (x * ModelSpec.MAX_VERTICES + y);
        }
      }
    }
    return bits;
  }

  /** Operations of a key, input first and output last. */
  static Op[] ops(long key) {
    int v = vertices(key);
    int labelling = (int) (key & 0xFF);
    Op[] ops = new Op[v];
    ops[0] = Op.INPUT;
    ops[v - 1] = Op.OUTPUT;
    for (int k = v - 2; k >= 1; k--) {
      ops[k] = Op.INNER[labelling % 3];
      labelling /= 3;
    }
    return ops;
  }

  /** The cell of a key. */
  static ModelSpec spec(long key) {
    int v = vertices(key);
    long bits = adjacencyBits(key);
    int[][] m = new int[v][v];
    for (int a = 0; a < v; a++) {
      for (int b = a + 1; b < v; b++) {
        m[a][b] = (int) (bits >>> (a * ModelSpec.MAX_VERTICES + b) & 1L);
      }
    }
    return ModelSpec.of(m, List.of(ops(key)));
  }

  /**
   * The key of the representative of a valid, pruned cell: the first isomorphic copy in the
   * reference order.
   */
  long canonical(ModelSpec spec) {
    int v = spec.vertexCount();
    int inner = v - 2;
    for (int k = 1; k <= inner; k++) {
      codes[k] = spec.op(k).hashLabel();
    }
    return canonical(v, spec.adjacencyBits(), codes);
  }

  /**
   * As {@link #canonical(ModelSpec)} for a cell given by its vertex count, adjacency bits (bit
   * {@code from * 7 + to}) and labelling index in reference order.
   */
  long canonical(int v, long bits, int labelling) {
    int inner = v - 2;
    for (int k = inner; k >= 1; k--) {
      codes[k] = labelling % 3;
      labelling /= 3;
    }
    return canonical(v, bits, codes);
  }

  private long canonical(int v, long bits, int[] labels) {
    int inner = v - 2;
    int edges = 0;
    for (int a = 0; a < v; a++) {
      for (int b = a + 1; b < v; b++) {
        if ((bits >>> (a * ModelSpec.MAX_VERTICES + b) & 1L) != 0) {
          from[edges] = a;
          to[edges] = b;
          edges++;
        }
      }
    }
    long best = Long.MAX_VALUE;
    map[0] = 0;
    map[v - 1] = v - 1;
    for (int[] p : PERMUTATIONS[inner]) {
      for (int k = 0; k < inner; k++) {
        map[k + 1] = p[k] + 1;
        holder[p[k] + 1] = k + 1;
      }
      int mask = 0;
      boolean upper = true;
      for (int e = 0; e < edges; e++) {
        int a = map[from[e]];
        int b = map[to[e]];
        if (a >= b) {
          upper = false;
          break;
        }
        mask |= 1 << (a + b * (b - 1) / 2);
      }
      if (!upper) {
        continue;
      }
      int labelling = 0;
      for (int j = 1; j <= inner; j++) {
        labelling += labels[holder[j]] * POW3[inner - j];
      }
      long key = key(v, mask, labelling);
      if (key < best) {
        best = key;
      }
    }
    return best;
  }
}
