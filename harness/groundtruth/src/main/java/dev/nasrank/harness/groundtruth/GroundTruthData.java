package dev.nasrank.harness.groundtruth;

import dev.nasrank.datasets.BatchSource;
import dev.nasrank.harness.config.DataSplit;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * The data of one split for ground-truth training.
 *
 * @param split split name recorded in the protocol
 * @param train training batches for a repeat seed (shuffled, augmented as the profile says)
 * @param trainEval the training images in a fixed order without augmentation, for the train
 *     accuracy
 * @param validation validation images
 * @param test test images
 * @param checksums SHA-256 of every data file used, by file name, recorded in the protocol
 */
public record GroundTruthData(
    DataSplit split,
    LongFunction<BatchSource> train,
    BatchSource trainEval,
    BatchSource validation,
    BatchSource test,
    Map<String, String> checksums) {

  /** Copies the checksum map. */
  public GroundTruthData {
    checksums = Map.copyOf(checksums);
  }
}
