package dev.nasrank.benchbridge;

import dev.nasrank.benchbridge.io.RecordColumns;
import java.util.List;

/**
 * A cell as the tables store it: the adjacency as a bit mask (bit {@code a * 7 + b} is the edge
 * {@code a -> b}) and the ops packed by {@link RecordColumns#unpackOps}. The one decoding of it,
 * for {@link NasBench} and {@link SearchSpace}.
 */
final class PackedCell {

  private PackedCell() {}

  /** The spec of a packed cell (validated and pruned by {@link ModelSpec#of}). */
  static ModelSpec spec(long adjacency, int packedOps) {
    Op[] o = RecordColumns.unpackOps(packedOps);
    int v = o.length;
    int[][] m = new int[v][v];
    for (int a = 0; a < v; a++) {
      for (int b = a + 1; b < v; b++) {
        m[a][b] = (int) (adjacency >>> (a * ModelSpec.MAX_VERTICES + b) & 1L);
      }
    }
    return ModelSpec.of(m, List.of(o));
  }

  /** E.g. {@code adjacency 011001000, operations input,conv3x3-bn-relu,output}. */
  static String describe(long adjacency, int packedOps) {
    Op[] o = RecordColumns.unpackOps(packedOps);
    StringBuilder sb = new StringBuilder("adjacency ");
    for (int a = 0; a < o.length; a++) {
      for (int b = 0; b < o.length; b++) {
        sb.append(adjacency >>> (a * ModelSpec.MAX_VERTICES + b) & 1L);
      }
    }
    sb.append(", operations ");
    for (int v = 0; v < o.length; v++) {
      sb.append(v == 0 ? "" : ",").append(o[v].nasbenchName());
    }
    return sb.toString();
  }
}
