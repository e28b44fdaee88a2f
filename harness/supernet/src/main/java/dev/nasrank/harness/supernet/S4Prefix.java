package dev.nasrank.harness.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.nasrank.harness.space.S4Choice;
import java.util.Arrays;

/**
 * The part of the forward pass over one batch that is the same for every choice: the stem output
 * and the output of each candidate op of the first cell, whose input is the stem output whatever
 * the choice. Made by {@link S4Supernet#prefix}; every choice's remaining pass ({@link
 * S4Supernet#logits(ParameterStore, SharedPrefix, S4Choice, NDManager)}) borrows these arrays, so
 * they are computed once per batch instead of once per choice. The remaining pass runs the same
 * kernels on the same values as the plain forward pass, so a choice's logits are bit-identical to
 * {@link S4Supernet#logits(ParameterStore, NDArray, S4Choice, boolean)}'s.
 *
 * <p>An op output is computed on first use, in a scratch manager of which only the output is kept.
 * In training mode (BN post-calibration) every batch norm of the prefix therefore updates its
 * running statistics exactly once for this batch, as one choice's plain pass would.
 *
 * <p>Memory: the stem output and at most {@value #SLOTS} op outputs (3 ops x 4 nodes of one SPOS
 * copy), each N x C x 32 x 32 floats (16 MiB for the mini profile's N = 256, C = 16). Asking for
 * another SPOS copy frees the outputs of the previous one, so callers run the choices of one copy
 * together ({@link S4Supernet#prefixGroup}); in training mode a copy cannot be computed twice for
 * one batch (its batch norms would update twice) and asking for it again is an error.
 */
public final class S4Prefix implements SharedPrefix {

  /** Op outputs held at once: {@value S4Choice#NODES} nodes x 3 candidate ops. */
  static final int SLOTS = S4Choice.NODES * 3;

  private final S4Cell first;
  private final ParameterStore ps;
  private final boolean training;
  private final NDManager manager;
  private final NDArray stem;
  private final NDArray[] ops = new NDArray[SLOTS];
  private final boolean[] copiesComputed;
  private int copy = -1;

  S4Prefix(
      ConvBnRelu stemBlock,
      S4Cell first,
      int copies,
      ParameterStore ps,
      NDArray x,
      boolean training) {
    this.first = first;
    this.ps = ps;
    this.training = training;
    this.copiesComputed = new boolean[copies];
    this.manager = x.getManager().newSubManager();
    try (NDManager scratch = manager.newSubManager()) {
      x.tempAttach(scratch);
      NDArray s = stemBlock.apply(ps, MemoryFormat.channelsLast(x), training);
      s.attach(manager);
      this.stem = s;
    }
  }

  /** Whether the prefix ran in training mode (batch statistics, running statistics updated). */
  @Override
  public boolean training() {
    return training;
  }

  /** The stem output {@code (N, C, 32, 32)}, channels-last; owned by this prefix. */
  public NDArray stem() {
    return stem;
  }

  /**
   * The output of op {@code opIndex} of node {@code node} of copy {@code c} of the first cell, lent
   * to {@code scope}: it returns to this prefix when {@code scope} closes, and arrays computed from
   * it attach to {@code scope}.
   *
   * @throws IllegalStateException in training mode, for a copy whose outputs were computed and
   *     freed before
   */
  NDArray op(int c, int node, int opIndex, NDManager scope) {
    if (c != copy) {
      switchTo(c);
    }
    int slot = node * 3 + opIndex;
    NDArray y = ops[slot];
    if (y == null) {
      try (NDManager scratch = manager.newSubManager()) {
        stem.tempAttach(scratch);
        y = first.nodeOutput(ps, stem, c, node, opIndex, training);
        y.attach(manager);
      }
      ops[slot] = y;
    }
    y.tempAttach(scope);
    return y;
  }

  private void switchTo(int c) {
    if (training && copiesComputed[c]) {
      throw new IllegalStateException(
          "copy "
              + c
              + " of the first cell was computed before for this batch; in "
              + "training mode its batch norms would update twice: run the choices of one copy together");
    }
    for (NDArray y : ops) {
      if (y != null) {
        y.close();
      }
    }
    Arrays.fill(ops, null);
    copy = c;
    copiesComputed[c] = true;
  }

  /** Frees the stem output and every op output. */
  @Override
  public void close() {
    Arrays.fill(ops, null);
    manager.close();
  }
}
