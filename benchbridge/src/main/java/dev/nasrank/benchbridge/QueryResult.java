package dev.nasrank.benchbridge;

import java.util.OptionalDouble;

/**
 * The answer to one {@link QuerySession#query}: ONE sampled repeat of one cell at one budget (not
 * the mean). Accessors of fields the source lacks throw {@link UnsupportedOperationException}
 * naming source and field; {@link #find(Metric)} asks without throwing.
 *
 * @param source name of the source
 * @param spec the pruned cell (null when the source holds no specs)
 * @param hash module hash
 * @param epochs training budget
 * @param halfway true if this is the halfway evaluation (epochs / 2)
 * @param repeat the sampled repeat index
 * @param trainableParameters trainable parameters
 * @param trainingTime seconds of training, NaN if not recorded
 * @param trainAccuracy fraction in [0,1], NaN if not recorded
 * @param validationAccuracy fraction in [0,1], NaN if not recorded
 * @param testAccuracy fraction in [0,1], NaN if not recorded
 */
public record QueryResult(
    String source,
    ModelSpec spec,
    String hash,
    int epochs,
    boolean halfway,
    int repeat,
    int trainableParameters,
    double trainingTime,
    double trainAccuracy,
    double validationAccuracy,
    double testAccuracy) {

  @Override
  public double trainingTime() {
    return need(trainingTime, Metric.TRAINING_TIME);
  }

  @Override
  public double trainAccuracy() {
    return need(trainAccuracy, Metric.TRAIN_ACCURACY);
  }

  @Override
  public double validationAccuracy() {
    return need(validationAccuracy, Metric.VALIDATION_ACCURACY);
  }

  @Override
  public double testAccuracy() {
    return need(testAccuracy, Metric.TEST_ACCURACY);
  }

  /** A metric if recorded. */
  public OptionalDouble find(Metric m) {
    double v =
        switch (m) {
          case TRAINING_TIME -> trainingTime;
          case TRAIN_ACCURACY -> trainAccuracy;
          case VALIDATION_ACCURACY -> validationAccuracy;
          case TEST_ACCURACY -> testAccuracy;
        };
    return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
  }

  private double need(double v, Metric m) {
    if (Double.isNaN(v)) {
      throw new UnsupportedOperationException(
          source
              + " does not record "
              + (halfway ? "halfway_" : "final_")
              + m.field()
              + " at "
              + epochs
              + " epochs");
    }
    return v;
  }
}
