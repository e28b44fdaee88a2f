package dev.nasrank.harness.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import dev.nasrank.harness.space.Architecture;
import dev.nasrank.harness.supernet.Supernet;

/**
 * One MixPath training step on one batch: forward the candidate in training mode under a gradient
 * collector, softmax cross-entropy, backward, then a {@link PathSgd} step on the choice's
 * parameters. The arrays it creates hang off the batch's arrays' manager, so closing the batch
 * frees them. Shared by the trainer and the benchmark.
 */
public final class TrainStep<A extends Architecture> {

  /**
   * What a step did.
   *
   * @param loss mean cross-entropy of the batch (NaN or infinite: no update was made)
   * @param correct correctly classified images (training mode)
   * @param images images in the batch
   */
  public record Outcome(float loss, long correct, long images) {
    /** True if the loss is finite (the update was applied). */
    public boolean finite() {
      return Float.isFinite(loss);
    }
  }

  private final Supernet<A> net;
  private final PathSgd sgd;
  private final ParameterStore ps;
  private final Loss loss = Loss.softmaxCrossEntropyLoss();
  private final Runnable beforeBackward;

  /**
   * @param net initialised supernet
   * @param sgd its optimizer
   * @param ps parameter store of the supernet's manager
   */
  public TrainStep(Supernet<A> net, PathSgd sgd, ParameterStore ps) {
    this(net, sgd, ps, () -> {});
  }

  /**
   * As {@link #TrainStep(Supernet, PathSgd, ParameterStore)}, running {@code beforeBackward}
   * between the forward pass and the backward pass of every step. Tests use it to force a garbage
   * collection there: any array that autograd still needs but that was already closed (a scalar
   * made from a Java number, say) is then freed before backward reads it, and the run stops being
   * reproducible.
   */
  TrainStep(Supernet<A> net, PathSgd sgd, ParameterStore ps, Runnable beforeBackward) {
    this.net = net;
    this.sgd = sgd;
    this.ps = ps;
    this.beforeBackward = beforeBackward;
  }

  /**
   * Trains {@code choice} on one batch.
   *
   * @param x images {@code (N, 3, 32, 32)}
   * @param y labels {@code (N)}
   * @param lr learning rate
   */
  public Outcome run(A choice, NDArray x, NDArray y, double lr) {
    NDArray logits;
    float value;
    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
      logits = net.logits(ps, x, choice, true);
      NDArray l = loss.evaluate(new NDList(y), new NDList(logits));
      value = l.getFloat();
      if (!Float.isFinite(value)) {
        return new Outcome(value, 0, x.getShape().get(0));
      }
      beforeBackward.run();
      gc.backward(l);
    }
    sgd.step(net.pathParameters(choice), lr);
    long correct =
        logits
            .argMax(1)
            .toType(DataType.INT64, false)
            .eq(y.toType(DataType.INT64, false))
            .sum()
            .getLong();
    return new Outcome(value, correct, x.getShape().get(0));
  }
}
