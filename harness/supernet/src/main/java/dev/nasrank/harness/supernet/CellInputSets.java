package dev.nasrank.harness.supernet;

import dev.nasrank.benchbridge.Op;
import dev.nasrank.harness.space.CellPath;
import dev.nasrank.harness.space.CellSearchSpace;
import dev.nasrank.harness.space.Nb101Cell;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which (vertex position, op) pairs the cells of a {@link CellSearchSpace} use, with the input
 * masks each is reached with, and which positions take the cell input (and so own a 1x1
 * projection). Read once per space and JVM from the space's enumeration (about a second for the
 * whole NAS-Bench-101 space, after its enumeration): a {@link CellSupernet} builds weights only for
 * what its space can run, and {@link dev.nasrank.harness.setting.BnStrategy#EXPONENTIAL_SBN} one
 * batch norm per reachable input mask.
 */
public final class CellInputSets {

  /** Inner ops in the order a position's op blocks are built: conv3x3, conv1x1, maxpool3x3. */
  static final List<Op> OPS = List.of(Op.INNER);

  private static final Map<String, CellInputSets> BY_SPACE = new ConcurrentHashMap<>();

  private final String space;
  // [position][op index] -> sorted masks (empty: never used)
  private final List<List<List<Integer>>> masks;
  private final boolean[] projected;

  private CellInputSets(String space, List<List<List<Integer>>> masks, boolean[] projected) {
    this.space = space;
    this.masks = masks;
    this.projected = projected;
  }

  /** The input sets of a space, computed on first use and shared. */
  public static CellInputSets of(CellSearchSpace space) {
    return BY_SPACE.computeIfAbsent(space.id(), id -> compute(space));
  }

  private static CellInputSets compute(CellSearchSpace space) {
    int n = CellPath.MAX_VERTICES;
    List<List<TreeSet<Integer>>> sets = new ArrayList<>();
    for (int v = 0; v < n; v++) {
      List<TreeSet<Integer>> perOp = new ArrayList<>();
      for (int o = 0; o < OPS.size(); o++) {
        perOp.add(new TreeSet<>());
      }
      sets.add(perOp);
    }
    boolean[] projected = new boolean[n];
    for (Nb101Cell cell : space.candidates()) {
      CellPath p = cell.path();
      for (int v = 1; v < n; v++) {
        int mask = p.inputs(v);
        if ((mask & 1) != 0) {
          projected[v] = true;
        }
        if (v < n - 1 && p.isActive(v)) {
          sets.get(v).get(OPS.indexOf(p.op(v))).add(mask);
        }
      }
    }
    List<List<List<Integer>>> masks = new ArrayList<>();
    for (List<TreeSet<Integer>> perOp : sets) {
      List<List<Integer>> m = new ArrayList<>();
      for (TreeSet<Integer> s : perOp) {
        m.add(List.copyOf(s));
      }
      masks.add(List.copyOf(m));
    }
    return new CellInputSets(space.id(), List.copyOf(masks), projected);
  }

  /** The space these sets were read from. */
  public String space() {
    return space;
  }

  /**
   * The input masks (bit u = position u) with which some cell runs {@code op} at inner position
   * {@code position}, ascending; empty when no cell of the space does.
   */
  public List<Integer> masks(int position, Op op) {
    int o = OPS.indexOf(op);
    if (o < 0) {
      throw new IllegalArgumentException("not an inner op: " + op);
    }
    return masks.get(position).get(o);
  }

  /** The largest in-degree of {@code op} at {@code position} (0 when unused). */
  public int maxInDegree(int position, Op op) {
    int max = 0;
    for (int m : masks(position, op)) {
      max = Math.max(max, Integer.bitCount(m));
    }
    return max;
  }

  /** True if some cell's vertex at {@code position} (the output included) takes the cell input. */
  public boolean projected(int position) {
    return projected[position];
  }
}
