package dev.nasrank.harness.groundtruth;

/**
 * One evaluation of a training run, as NAS-Bench-101's {@code EvaluationData}.
 *
 * @param epoch epochs completed when evaluated (0 = before training)
 * @param trainingTimeSeconds seconds spent training up to this point, evaluations excluded
 * @param trainAccuracy accuracy on the training part (no augmentation), a fraction in [0,1]
 * @param validationAccuracy accuracy on the validation part, a fraction in [0,1]
 * @param testAccuracy accuracy on the test part, a fraction in [0,1]
 */
public record Evaluation(double epoch, double trainingTimeSeconds, double trainAccuracy, double validationAccuracy,
    double testAccuracy) {
}
