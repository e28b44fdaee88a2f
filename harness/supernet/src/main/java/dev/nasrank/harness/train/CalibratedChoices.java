package dev.nasrank.harness.train;

import dev.nasrank.harness.supernet.RunningBatchNorm;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The post-calibrated running statistics of many choices ({@link SharedCalibration}): one set for
 * the batch norms every choice shares (the shared prefix's), and per choice a set for the others on
 * its path. A few KiB per choice (two floats per channel per batch norm), so all choices of a
 * supernet fit.
 */
public final class CalibratedChoices {

  private final List<RunningBatchNorm> shared;
  private final List<List<RunningBatchNorm>> own;
  private final List<List<float[][]>> stats;
  private List<float[][]> sharedStats;
  private int batches;

  /**
   * @param shared the batch norms of the shared prefix (union over the choices)
   * @param own per choice, the batch norms on its path that are not in {@code shared}
   * @param initial per choice, the statistics of {@code own} before the first calibration batch
   */
  CalibratedChoices(
      List<RunningBatchNorm> shared,
      List<List<RunningBatchNorm>> own,
      List<List<float[][]>> initial) {
    this.shared = List.copyOf(shared);
    this.own = List.copyOf(own);
    this.stats = new ArrayList<>(initial);
  }

  /** Number of choices. */
  public int size() {
    return own.size();
  }

  /** Number of calibration batches used. */
  public int batches() {
    return batches;
  }

  /** Loads the shared batch norms' calibrated statistics into them (once, before evaluating). */
  public void loadShared() {
    BnCalibrator.restore(shared, sharedStats);
  }

  /** Loads choice {@code i}'s statistics into its own batch norms (before each of its passes). */
  public void load(int i) {
    BnCalibrator.restore(own.get(i), stats.get(i));
  }

  /** The shared prefix's batch norms. */
  List<RunningBatchNorm> shared() {
    return shared;
  }

  /** Keeps the current statistics of choice {@code i}'s own batch norms. */
  void save(int i) {
    stats.set(i, BnCalibrator.snapshot(own.get(i)));
  }

  /**
   * Keeps the shared batch norms' statistics and the number of batches, at the end of calibration.
   */
  void finish(int batchesUsed) {
    sharedStats = BnCalibrator.snapshot(shared);
    batches = batchesUsed;
  }

  /**
   * Statistics {@code (mean 0, variance 1)} for each batch norm, as {@link
   * RunningBatchNorm#resetRunningStats}.
   */
  static List<float[][]> resetStats(List<RunningBatchNorm> norms) {
    List<float[][]> out = new ArrayList<>(norms.size());
    for (RunningBatchNorm bn : norms) {
      float[] ones = new float[bn.channels()];
      Arrays.fill(ones, 1f);
      out.add(new float[][] {new float[bn.channels()], ones});
    }
    return out;
  }
}
