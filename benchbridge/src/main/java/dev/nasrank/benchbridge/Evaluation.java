package dev.nasrank.benchbridge;

/**
 * One evaluation of one training run (one repeat) of a cell, as recorded in NAS-Bench-101.
 *
 * @param epoch the epoch at which it was taken (epochs / 2 for the halfway one, epochs for the
 *     final one)
 * @param trainingTime seconds of training up to this point, evaluation excluded
 * @param trainAccuracy accuracy on the 40k training images, a fraction in [0,1]
 * @param validationAccuracy accuracy on the 10k held-out validation images, a fraction in [0,1]
 * @param testAccuracy accuracy on the 10k CIFAR-10 test images, a fraction in [0,1]
 */
public record Evaluation(
    double epoch,
    double trainingTime,
    double trainAccuracy,
    double validationAccuracy,
    double testAccuracy) {}
