package dev.nasrank.harness.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import dev.nasrank.harness.space.Architecture;
import java.util.List;
import java.util.Map;

/**
 * A weight-sharing supernet over the candidates of one search space: what the trainer ({@code
 * train.SupernetTrainer}, {@code train.TrainStep}), BN post-calibration ({@code
 * train.BnCalibrator}, {@code train.SharedCalibration}) and the one-shot evaluation ({@code
 * eval.OneShotEvaluator}) use, so a supernet of another space plugs into them by implementing this
 * interface (and {@link SupernetConfig}). {@link S4Supernet} is the one over MixPath's S4.
 *
 * <p>Input {@code float32 (N, 3, 32, 32)} images, output logits {@code (N, classes)}. A candidate
 * runs only its path, so only {@link #pathParameters} receive gradients. Batch-major evaluation
 * computes what every candidate shares once per batch ({@link #prefix}) and then each candidate's
 * remaining pass from it, bit-identical to {@link #logits(ParameterStore, NDArray, Architecture,
 * boolean)}; a supernet with nothing to share returns a prefix that holds only its input.
 *
 * @param <A> the space's candidate type
 */
public interface Supernet<A extends Architecture> {

  /** The configuration the supernet was built from. */
  SupernetConfig<A> config();

  /** Allocates and initialises every parameter on {@code manager}'s device (float32). */
  void initialize(NDManager manager);

  /**
   * Runs the network for {@code candidate} on {@code x}; the logits are attached to x's manager.
   *
   * @param training training mode: batch statistics, and the path's batch norms update their
   *     running statistics
   * @throws IllegalArgumentException if the candidate is outside the supernet's space
   */
  NDArray logits(ParameterStore ps, NDArray x, A candidate, boolean training);

  /**
   * The candidate-independent start of the forward pass over {@code x}, computed once per batch.
   * Close it when the batch is done.
   */
  SharedPrefix prefix(ParameterStore ps, NDArray x, boolean training);

  /**
   * Runs the network for {@code candidate} from a prefix of this supernet, in the prefix's mode.
   *
   * @param scope every array the pass creates, the logits included, is attached to it
   */
  NDArray logits(ParameterStore ps, SharedPrefix prefix, A candidate, NDManager scope);

  /**
   * Which part of a prefix {@code candidate} uses: run the candidates of one group together on a
   * batch (the prefix may free one group's outputs when asked for another's).
   */
  int prefixGroup(A candidate);

  /**
   * The batch norms {@code candidate} runs inside a prefix: their statistics do not depend on the
   * candidate, so BN post-calibration updates them once per batch.
   */
  List<RunningBatchNorm> prefixBatchNorms(A candidate);

  /** The trainable parameters {@code candidate} uses, in forward order. */
  List<Parameter> pathParameters(A candidate);

  /** The batch norms {@code candidate} runs, in forward order. */
  List<RunningBatchNorm> pathBatchNorms(A candidate);

  /** Every parameter by its stable hierarchical name, running statistics included. */
  Map<String, Parameter> namedParameters();

  /** Number of trainable scalars (BN running statistics excluded). */
  long trainableParameterCount();
}
