package dev.nasrank.harness.train;

import dev.nasrank.datasets.BatchSource;
import dev.nasrank.datasets.Cifar10;
import dev.nasrank.datasets.Cifar10Split;
import dev.nasrank.datasets.CifarImages;
import dev.nasrank.datasets.DataRoot;
import dev.nasrank.datasets.djl.CifarBatches;
import dev.nasrank.datasets.djl.SyntheticBatches;
import dev.nasrank.harness.config.DataSplit;
import dev.nasrank.harness.manifest.DataVerification;

/**
 * The batch sources of a supernet run on one data split.
 *
 * @param split the split ({@link DataSplit#SYNTHETIC}: a small learnable non-CIFAR set for smoke
 *     runs)
 * @param train training batches: shuffled per epoch, random crop + flip + Cutout 16 (the reference
 *     augmentation)
 * @param validation evaluation batches: the split's validation part, in order, normalised, no
 *     augmentation
 * @param calibration BN-calibration batches: training images, shuffled with the seed, no
 *     augmentation
 */
public record SupernetData(
    DataSplit split, BatchSource train, BatchSource validation, BatchSource calibration) {

  /** Which sources {@link #load} reads. */
  public enum Parts {
    /** The training and calibration sources (training a supernet). */
    TRAINING,
    /** The validation source (evaluation without exact calibration, diagnostics). */
    VALIDATION,
    /** All three (evaluation with exact calibration). */
    ALL;

    boolean training() {
      return this != VALIDATION;
    }

    boolean validation() {
      return this != TRAINING;
    }
  }

  /**
   * Loads a split.
   *
   * @param split the split
   * @param root data root (unused for synthetic)
   * @param batchSize images per batch
   * @param seed seed of order and augmentation
   * @param parts which sources to load; the others are null
   * @throws dev.nasrank.datasets.MissingDataException if files are missing (the message says how to
   *     get them)
   * @throws dev.nasrank.datasets.manifest.ChecksumMismatchException if a file of the split differs
   *     from the dataset manifest (unless the root's verification is off: {@link
   *     DataRoot#withVerification})
   */
  public static SupernetData load(
      DataSplit split, DataRoot root, int batchSize, long seed, Parts parts) {
    boolean withTrain = parts.training();
    boolean withValidation = parts.validation();
    if (split == DataSplit.SYNTHETIC) {
      return new SupernetData(
          split,
          withTrain ? new SyntheticBatches(16 * batchSize, batchSize, 10, seed) : null,
          withValidation ? new SyntheticBatches(4 * batchSize, batchSize, 10, seed + 1) : null,
          withTrain ? new SyntheticBatches(16 * batchSize, batchSize, 10, seed + 2) : null);
    }
    Cifar10Split sp = split.cifar10().orElseThrow();
    DataVerification.verifySplit(root, sp); // every file of the split, before anything trains
    BatchSource train = null;
    BatchSource calibration = null;
    if (withTrain) {
      CifarImages images = Cifar10.load(root, sp, Cifar10Split.Part.TRAIN);
      train =
          CifarBatches.builder(images)
              .optBatchSize(batchSize)
              .optSeed(seed)
              .optDropLast(true)
              .build();
      calibration =
          CifarBatches.builder(images)
              .optBatchSize(batchSize)
              .optSeed(seed)
              .optAugment(false)
              .optDropLast(true)
              .build();
    }
    BatchSource validation = null;
    if (withValidation) {
      CifarImages images = Cifar10.load(root, sp, Cifar10Split.Part.VALIDATION);
      validation =
          CifarBatches.builder(images)
              .optBatchSize(batchSize)
              .optAugment(false)
              .optShuffle(false)
              .build();
    }
    return new SupernetData(split, train, validation, calibration);
  }
}
