package dev.nasrank.harness.groundtruth;

import dev.nasrank.benchbridge.Evaluation;
import dev.nasrank.benchbridge.ModelSpec;
import dev.nasrank.benchbridge.proto.EvaluationData;
import dev.nasrank.benchbridge.proto.ModelMetrics;
import java.util.List;

/**
 * The result of training one architecture once (one repeat) from scratch.
 *
 * @param hash NAS-Bench-101 module hash of the pruned cell
 * @param adjacency pruned adjacency, row-major '0'/'1' string
 * @param operations pruned operations, comma-separated NB101 names
 * @param repeat zero-based repeat index
 * @param seed seed of this repeat
 * @param epochs epochs trained
 * @param trainableParameters trainable parameter count of the network
 * @param totalTimeSeconds wall time of the whole run, evaluations included
 * @param evaluations at epoch 0, halfway and final, in that order
 */
public record UnitResult(
    String hash,
    String adjacency,
    String operations,
    int repeat,
    long seed,
    int epochs,
    long trainableParameters,
    double totalTimeSeconds,
    List<Evaluation> evaluations) {

  /** Copies the list and checks it has the three NAS-Bench-101 evaluations. */
  public UnitResult {
    evaluations = List.copyOf(evaluations);
    if (evaluations.size() != 3) {
      throw new IllegalArgumentException(
          "a unit result needs 3 evaluations (step 0, halfway, final), got " + evaluations.size());
    }
  }

  /** The final evaluation. */
  public Evaluation last() {
    return evaluations.get(2);
  }

  /** The cell this result belongs to. */
  public ModelSpec spec() {
    return ModelSpec.parse(adjacency, operations);
  }

  /** The result as NAS-Bench-101's {@code ModelMetrics} message (checkpoint paths left unset). */
  public ModelMetrics toModelMetrics() {
    ModelMetrics.Builder b =
        ModelMetrics.newBuilder()
            .setTrainableParameters(Math.toIntExact(trainableParameters))
            .setTotalTime(totalTimeSeconds);
    for (Evaluation e : evaluations) {
      b.addEvaluationData(
          EvaluationData.newBuilder()
              .setCurrentEpoch(e.epoch())
              .setTrainingTime(e.trainingTime())
              .setTrainAccuracy(e.trainAccuracy())
              .setValidationAccuracy(e.validationAccuracy())
              .setTestAccuracy(e.testAccuracy()));
    }
    return b.build();
  }
}
