package dev.nasrank.harness.space;

import dev.nasrank.benchbridge.ModelSpec;

/**
 * One candidate of a {@link SearchSpace}: what the trainer samples, the evaluator scores and
 * candidates.csv names.
 *
 * <p>Every space's candidates are NAS-Bench-101 cells, so each has a {@link ModelSpec} (pruned, as
 * NAS-Bench-101 stores it) and hence a module hash, the key the ground truth is looked up by. The
 * {@link #id()} is the space's own stable name of the candidate: for S4 the choice (e.g. {@code
 * n1:conv3x3,n3:maxpool3x3}, several choices share one hash); for a space whose candidates are
 * unique cells, the hash itself. {@link #path()} is what a weight-sharing supernet needs to run the
 * candidate: which vertex positions of its cell are active, with which op, and which inputs each
 * vertex sums.
 */
public interface Architecture {

  /** The stable id, unique within the space; {@link SearchSpace#parse} reads it back. */
  String id();

  /** The cell as NAS-Bench-101 stores it (pruned). */
  ModelSpec spec();

  /** The NAS-Bench-101 module hash of {@link #spec()}: 32 lowercase hex digits. */
  default String moduleHash() {
    return spec().hash();
  }

  /** The vertices a supernet runs for this candidate, in the supernet's vertex positions. */
  CellPath path();

  /**
   * The most inputs any vertex sums ({@link CellPath#maxInDegree()}): for S4 the number of active
   * nodes (the candidates.csv column {@code active_paths}).
   */
  default int activePaths() {
    return path().maxInDegree();
  }
}
