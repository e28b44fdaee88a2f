package dev.nasrank.harness.space;

import dev.nasrank.benchbridge.CellSpace;
import java.util.AbstractList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A NAS-Bench-101 cell space as a {@link SearchSpace}: the whole space ({@code nb101}, 423,624
 * unique cells), the cells with at most n vertices ({@code nb101-v4} .. {@code nb101-v6}) or one of
 * NAS-Bench-1Shot1's three spaces ({@code 1shot1-ss1} .. {@code 1shot1-ss3}), each enumerated
 * completely by benchbridge's {@link CellSpace} (counts: docs/benchbridge.md, "Cell spaces").
 *
 * <p>Candidates are the unique cells sorted by module hash, each the matrix NAS-Bench-101 stores
 * ({@link Nb101Cell}); the id of a candidate is its hash. The enumeration runs once per space and
 * JVM (the whole space about 13 s on one core, the others under a second) and is shared by every
 * instance. The training sampler draws a unique cell uniformly ({@link UniformCellSampler}).
 */
public final class CellSearchSpace implements SearchSpace<Nb101Cell> {

  private static final Map<String, dev.nasrank.benchbridge.SearchSpace> ENUMERATED =
      new ConcurrentHashMap<>();

  private final CellSpace space;

  private CellSearchSpace(CellSpace space) {
    this.space = Objects.requireNonNull(space, "space");
  }

  /** The search space over a benchbridge cell space. */
  public static CellSearchSpace of(CellSpace space) {
    return new CellSearchSpace(space);
  }

  /** The benchbridge definition behind this space. */
  public CellSpace cellSpace() {
    return space;
  }

  @Override
  public String id() {
    return space.id();
  }

  /** The enumerated cells, sorted by hash; computed on first use, then shared. */
  public dev.nasrank.benchbridge.SearchSpace enumeration() {
    return ENUMERATED.computeIfAbsent(
        space.id(), id -> space.enumerate(Math.max(1, Runtime.getRuntime().availableProcessors())));
  }

  /** Number of unique cells. */
  public int size() {
    return enumeration().size();
  }

  /** A view: each cell is built when read. */
  @Override
  public List<Nb101Cell> candidates() {
    dev.nasrank.benchbridge.SearchSpace cells = enumeration();
    return new Cells(cells);
  }

  /** True for a candidate whose module hash is one of this space's cells. */
  @Override
  public boolean contains(Architecture a) {
    return enumeration().contains(a.moduleHash());
  }

  /** True if the module hash is one of this space's cells. */
  public boolean containsHash(String hash) {
    return enumeration().contains(hash);
  }

  /**
   * The cell of a module hash.
   *
   * @throws IllegalArgumentException naming the hash and the space when it is not a cell here
   */
  @Override
  public Nb101Cell parse(String id) {
    dev.nasrank.benchbridge.SearchSpace cells = enumeration();
    String hash = id == null ? "" : id.trim();
    int i = cells.indexOf(hash);
    if (i < 0) {
      throw new IllegalArgumentException(
          "'"
              + id
              + "' is not the module hash of a cell of space "
              + id()
              + " ("
              + size()
              + " cells)");
    }
    return Nb101Cell.of(cells.specAt(i));
  }

  @Override
  public UniformCellSampler sampler(long seed) {
    return new UniformCellSampler(this, seed);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CellSearchSpace s && s.space.id().equals(space.id());
  }

  @Override
  public int hashCode() {
    return space.id().hashCode();
  }

  @Override
  public String toString() {
    return space.id();
  }

  private static final class Cells extends AbstractList<Nb101Cell> implements RandomAccess {
    private final dev.nasrank.benchbridge.SearchSpace cells;

    Cells(dev.nasrank.benchbridge.SearchSpace cells) {
      this.cells = cells;
    }

    @Override
    public Nb101Cell get(int index) {
      return Nb101Cell.of(cells.specAt(index));
    }

    @Override
    public int size() {
      return cells.size();
    }
  }
}
