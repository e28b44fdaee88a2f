package dev.nasrank.benchbridge;

/** A per-evaluation quantity; accuracies are fractions in [0,1], training time is seconds. */
public enum Metric {
  /** Seconds of training, evaluation excluded. */
  TRAINING_TIME("training_time"),
  /** Training-set accuracy, a fraction in [0,1]. */
  TRAIN_ACCURACY("train_accuracy"),
  /** Validation accuracy, a fraction in [0,1]. */
  VALIDATION_ACCURACY("validation_accuracy"),
  /** Test accuracy, a fraction in [0,1]. */
  TEST_ACCURACY("test_accuracy");

  private final String field;

  Metric(String field) {
    this.field = field;
  }

  /** The field's name in NAS-Bench-101 ({@code validation_accuracy}, ...). */
  public String field() {
    return field;
  }

  /** This metric of an evaluation. */
  public double of(Evaluation e) {
    return switch (this) {
      case TRAINING_TIME -> e.trainingTime();
      case TRAIN_ACCURACY -> e.trainAccuracy();
      case VALIDATION_ACCURACY -> e.validationAccuracy();
      case TEST_ACCURACY -> e.testAccuracy();
    };
  }
}
