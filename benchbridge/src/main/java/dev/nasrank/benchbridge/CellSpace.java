package dev.nasrank.benchbridge;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A named set of NAS-Bench-101 cells: the whole space or one of the subspaces that papers rank
 * supernets on. Each is enumerated completely from its definition, pruned as NAS-Bench-101 prunes
 * (vertices off every input-to-output path are removed) and deduplicated by module hash; the cell
 * kept per hash is the one NAS-Bench-101 stores (see {@link ReferenceOrder}). Sources and counts:
 * docs/benchbridge.md, "Cell spaces".
 *
 * <ul>
 *   <li>{@code nb101}: every cell, at most 7 vertices and 9 edges (Ying et al., ICML 2019);
 *   <li>{@code nb101-v4}, {@code nb101-v5}, {@code nb101-v6}: the cells with at most 4, 5 or 6
 *       vertices (input and output included) and 9 edges, three operations, as the {@code
 *       v{n}_e9_op3} spaces of Yu et al., ICLR 2020 (kcyu2014/eval-nas);
 *   <li>{@code 1shot1-ss1}, {@code 1shot1-ss2}, {@code 1shot1-ss3}: the three search spaces of
 *       NAS-Bench-1Shot1 (Zela et al., ICLR 2020; automl/nasbench-1shot1), every choice block
 *       picking an operation and a fixed number of parents among earlier nodes (see {@link
 *       ChoiceBlocks}), loose ends allowed and then pruned.
 * </ul>
 *
 * Instances are the constants below; {@link #parse} reads an id.
 */
public final class CellSpace {

  /** What a space's definition can do. */
  sealed interface Definition permits MaxVertices, ChoiceBlocks {
    /** Enumerates the space, named {@code id}, on {@code threads} threads. */
    SearchSpace enumerate(String id, int threads);

    /** Labelled candidates (or configurations) of the definition before pruning and hashing. */
    long configurations();
  }

  /** Every NAS-Bench-101 cell (423,624). */
  public static final CellSpace NB101 =
      new CellSpace(
          "nb101",
          new MaxVertices(ModelSpec.MAX_VERTICES),
          "every NAS-Bench-101 cell: at most 7 vertices and 9 edges (Ying et al. 2019)");

  /** Cells with at most 4 vertices (Yu et al. 2020, {@code v4_e9_op3}). */
  public static final CellSpace NB101_V4 =
      new CellSpace(
          "nb101-v4",
          new MaxVertices(4),
          "cells with at most 4 vertices, input and output included (Yu et al. 2020, v4_e9_op3)");

  /** Cells with at most 5 vertices (Yu et al. 2020, {@code v5_e9_op3}). */
  public static final CellSpace NB101_V5 =
      new CellSpace(
          "nb101-v5",
          new MaxVertices(5),
          "cells with at most 5 vertices, input and output included (Yu et al. 2020, v5_e9_op3)");

  /** Cells with at most 6 vertices (Yu et al. 2020, {@code v6_e9_op3}). */
  public static final CellSpace NB101_V6 =
      new CellSpace(
          "nb101-v6",
          new MaxVertices(6),
          "cells with at most 6 vertices, input and output included (Yu et al. 2020, v6_e9_op3)");

  /** NAS-Bench-1Shot1 search space 1: four choice blocks with 1, 2, 2, 2 parents, output 2. */
  public static final CellSpace ONESHOT1_SS1 =
      new CellSpace(
          "1shot1-ss1",
          new ChoiceBlocks(List.of(1, 2, 2, 2, 2), true),
          "NAS-Bench-1Shot1 search space 1 (Zela et al. 2020): 4 choice blocks with 1, 2, 2, 2"
              + " parents, output 2 parents");

  /** NAS-Bench-1Shot1 search space 2: four choice blocks with 1, 1, 2, 2 parents, output 3. */
  public static final CellSpace ONESHOT1_SS2 =
      new CellSpace(
          "1shot1-ss2",
          new ChoiceBlocks(List.of(1, 1, 2, 2, 3), true),
          "NAS-Bench-1Shot1 search space 2 (Zela et al. 2020): 4 choice blocks with 1, 1, 2, 2"
              + " parents, output 3 parents");

  /** NAS-Bench-1Shot1 search space 3: five choice blocks with 1, 1, 1, 2, 2 parents, output 2. */
  public static final CellSpace ONESHOT1_SS3 =
      new CellSpace(
          "1shot1-ss3",
          new ChoiceBlocks(List.of(1, 1, 1, 2, 2, 2), false),
          "NAS-Bench-1Shot1 search space 3 (Zela et al. 2020): 5 choice blocks with 1, 1, 1, 2, 2"
              + " parents, output 2 parents");

  private static final List<CellSpace> ALL =
      List.of(NB101, NB101_V4, NB101_V5, NB101_V6, ONESHOT1_SS1, ONESHOT1_SS2, ONESHOT1_SS3);

  private final String id;
  private final Definition definition;
  private final String description;

  private CellSpace(String id, Definition definition, String description) {
    this.id = id;
    this.definition = definition;
    this.description = description;
  }

  /** Every known space, the whole space first. */
  public static List<CellSpace> all() {
    return ALL;
  }

  /**
   * The space of an id such as {@code nb101-v5} or {@code 1shot1-ss3}.
   *
   * @throws IllegalArgumentException naming the id and listing the known ones
   */
  public static CellSpace parse(String id) {
    for (CellSpace s : ALL) {
      if (s.id.equals(id)) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "unknown cell space '"
            + id
            + "' (known: "
            + ALL.stream().map(CellSpace::id).collect(Collectors.joining(", "))
            + ")");
  }

  /** The id, e.g. {@code 1shot1-ss3}. */
  public String id() {
    return id;
  }

  /** One line saying what the space holds and where it comes from. */
  public String description() {
    return description;
  }

  /**
   * Labelled candidates of the definition before pruning and deduplication: for {@code nb101*}, the
   * labelled graphs {@code generate_graphs} hashes; for the NAS-Bench-1Shot1 spaces, the
   * configurations (a parent set and an operation for every choice block).
   */
  public long configurations() {
    return definition.configurations();
  }

  /**
   * Enumerates the space completely: one cell per module hash, sorted by hash, each the matrix
   * NAS-Bench-101 stores for that hash. The whole space takes about 11 s on 2 threads, the others
   * well under a second.
   *
   * @param threads hashing threads, at least 1
   */
  public SearchSpace enumerate(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    return definition.enumerate(id, threads);
  }

  Definition definition() {
    return definition;
  }

  @Override
  public String toString() {
    return id;
  }
}
