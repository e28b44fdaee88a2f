package dev.nasrank.harness.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.training.dataset.Batch;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The image arrays of at most {@code max} batches of an iterator, each batch closed when the next
 * is requested or the iteration ends, so only one batch is held at a time.
 */
final class ClosingInputs implements Iterator<NDArray> {
  private final Iterator<Batch> batches;
  private final int max;
  private Batch current;
  private int taken;

  /**
   * @param batches the batches
   * @param max the most batches to yield, 0 = all
   */
  ClosingInputs(Iterator<Batch> batches, int max) {
    this.batches = batches;
    this.max = max;
  }

  @Override
  public boolean hasNext() {
    closeCurrent();
    return batches.hasNext() && (max == 0 || taken < max);
  }

  @Override
  public NDArray next() {
    closeCurrent();
    if (!batches.hasNext() || (max != 0 && taken >= max)) {
      throw new NoSuchElementException();
    }
    current = batches.next();
    taken++;
    return current.getData().head();
  }

  private void closeCurrent() {
    if (current != null) {
      current.close();
      current = null;
    }
  }
}
