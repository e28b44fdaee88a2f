package dev.nasrank.datasets;

import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.Batch;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A seeded, repeatable source of image mini-batches for training and evaluation.
 *
 * <p>Each {@link Batch} holds data {@code float32 (N, 3, 32, 32)}, normalised, and labels {@code
 * (N)} class indices 0..9, both attached to a manager the batch owns: the caller closes every batch
 * it takes.
 */
public interface BatchSource {

  /** Number of images one epoch covers. */
  int size();

  /** Number of batches one epoch yields. */
  int batchesPerEpoch();

  /**
   * What determines this source's batches, name to value, so that a resumed training run can check
   * that it reads the same batches as the run it continues. By default the number of images and of
   * batches per epoch; sources add batch size, augmentation, seed and the digests of their data.
   */
  default Map<String, String> identity() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("images", Integer.toString(size()));
    m.put("batches-per-epoch", Integer.toString(batchesPerEpoch()));
    return m;
  }

  /**
   * The batches of one epoch. The order, augmentation and content are a pure function of the
   * source's seed and {@code epoch}: two calls with the same epoch yield identical batches.
   *
   * @param manager parent manager for the batches' arrays
   * @param epoch zero-based epoch index
   */
  Iterator<Batch> epoch(NDManager manager, int epoch);
}
