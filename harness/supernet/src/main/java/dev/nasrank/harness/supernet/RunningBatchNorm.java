package dev.nasrank.harness.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import java.nio.FloatBuffer;
import java.util.List;

/**
 * Batch norm over the channel axis of NCHW input whose running statistics can be reset and whose
 * update weight can change between batches, which BN post-calibration needs (DJL's {@code
 * BatchNorm} fixes momentum at construction).
 *
 * <p>In training mode the batch is normalised with its own statistics and the running statistics
 * move as {@code running = (1 - w) * running + w * batch} (PyTorch convention; the running variance
 * takes the unbiased batch variance). The default update weight is {@value #DEFAULT_UPDATE_WEIGHT};
 * calibration sets {@code w = 1/i} at batch {@code i} for an exact cumulative average. In eval mode
 * the running statistics normalise.
 */
public final class RunningBatchNorm extends PathBlock {

  /** Update weight of a new batch in training, as PyTorch's default momentum 0.1. */
  public static final double DEFAULT_UPDATE_WEIGHT = 0.1;

  /** Epsilon added to the variance. */
  public static final float EPS = 1e-5f;

  private final int channels;
  private final Parameter gamma;
  private final Parameter beta;
  private final Parameter runningMean;
  private final Parameter runningVar;
  private double updateWeight = DEFAULT_UPDATE_WEIGHT;

  /**
   * @param channels number of channels (axis 1)
   */
  public RunningBatchNorm(int channels) {
    this.channels = channels;
    Shape s = new Shape(channels);
    gamma =
        addParameter(
            Parameter.builder()
                .setName("gamma")
                .setType(Parameter.Type.GAMMA)
                .optShape(s)
                .optInitializer(Initializer.ONES)
                .build());
    beta =
        addParameter(
            Parameter.builder()
                .setName("beta")
                .setType(Parameter.Type.BETA)
                .optShape(s)
                .optInitializer(Initializer.ZEROS)
                .build());
    runningMean =
        addParameter(
            Parameter.builder()
                .setName("runningMean")
                .setType(Parameter.Type.RUNNING_MEAN)
                .optShape(s)
                .optInitializer(Initializer.ZEROS)
                .optRequiresGrad(false)
                .build());
    runningVar =
        addParameter(
            Parameter.builder()
                .setName("runningVar")
                .setType(Parameter.Type.RUNNING_VAR)
                .optShape(s)
                .optInitializer(Initializer.ONES)
                .optRequiresGrad(false)
                .build());
  }

  @Override
  NDArray apply(ParameterStore ps, NDArray x, boolean training) {
    var d = x.getDevice();
    // Axis -1 makes DJL's PyTorch engine hand the arrays to torch.batch_norm unchanged (channel
    // axis 1 of NCHW);
    // DJL's momentum m means running = m * running + (1 - m) * batch.
    return BatchNorm.batchNorm(
            x,
            ps.getValue(runningMean, d, training),
            ps.getValue(runningVar, d, training),
            ps.getValue(gamma, d, training),
            ps.getValue(beta, d, training),
            -1,
            (float) (1.0 - updateWeight),
            EPS,
            training)
        .singletonOrThrow();
  }

  /**
   * Sets the weight {@code w} of the next training batches in the running statistics, in (0, 1].
   */
  public void setUpdateWeight(double w) {
    if (!(w > 0 && w <= 1)) {
      throw new IllegalArgumentException("batch-norm update weight must be in (0, 1], got " + w);
    }
    this.updateWeight = w;
  }

  /** The current update weight. */
  public double updateWeight() {
    return updateWeight;
  }

  /** Resets the running mean to 0 and the running variance to 1. */
  public void resetRunningStats() {
    float[] zeros = new float[channels];
    float[] ones = new float[channels];
    java.util.Arrays.fill(ones, 1f);
    runningMean.getArray().set(FloatBuffer.wrap(zeros));
    runningVar.getArray().set(FloatBuffer.wrap(ones));
  }

  /** Copies of the running mean and variance, for a later {@link #restoreRunningStats}. */
  public float[][] snapshotRunningStats() {
    return new float[][] {
      runningMean.getArray().toFloatArray(), runningVar.getArray().toFloatArray()
    };
  }

  /** Restores running statistics taken by {@link #snapshotRunningStats()}. */
  public void restoreRunningStats(float[][] stats) {
    runningMean.getArray().set(FloatBuffer.wrap(stats[0]));
    runningVar.getArray().set(FloatBuffer.wrap(stats[1]));
  }

  /** The running-mean array (live, not a copy). */
  public NDArray runningMean() {
    return runningMean.getArray();
  }

  /** The running-variance array (live, not a copy). */
  public NDArray runningVar() {
    return runningVar.getArray();
  }

  /** Number of channels. */
  public int channels() {
    return channels;
  }

  @Override
  void collect(List<Parameter> trainable, List<RunningBatchNorm> norms) {
    trainable.add(gamma);
    trainable.add(beta);
    norms.add(this);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }
}
