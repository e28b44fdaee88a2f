package dev.nasrank.datasets;

import dev.nasrank.datasets.manifest.DatasetManifest;
import java.util.List;
import java.util.Locale;

/**
 * The ways this project splits CIFAR-10 (Krizhevsky 2009) into train / validation / test parts,
 * each part a list of official binary batch files.
 *
 * <ul>
 *   <li>{@link #MINI}: the first 1,017 images of each official batch (folder {@code
 *       cifar10-partial-bin}): train = batches 1-4 (4,068), validation = batch 5 (1,017), test =
 *       test batch (1,017). For fast runs.
 *   <li>{@link #NB101}: NAS-Bench-101's protocol: train = batches 1-4 (40,000), validation = batch
 *       5 (10,000, held out of the training set), test = test batch (10,000). NAS-Bench-101's
 *       {@code generate_cifar10_tfrecords.py} maps train_1..4 to data_batch_1..4 and validation to
 *       data_batch_5.
 *   <li>{@link #REFERENCE}: the MixPath reference code's protocol: train = batches 1-5 (50,000); it
 *       evaluates on the 10,000-image test batch, so here VALIDATION and TEST are both the test
 *       batch.
 * </ul>
 */
public enum Cifar10Split {
  MINI(
      DatasetManifest.CIFAR10_MINI_BIN,
      1017,
      List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin"),
      List.of("data_batch_5.bin")),
  NB101(
      DatasetManifest.CIFAR10_BIN,
      10_000,
      List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin"),
      List.of("data_batch_5.bin")),
  REFERENCE(
      DatasetManifest.CIFAR10_BIN,
      10_000,
      List.of(
          "data_batch_1.bin",
          "data_batch_2.bin",
          "data_batch_3.bin",
          "data_batch_4.bin",
          "data_batch_5.bin"),
      List.of("test_batch.bin"));

  /** A part of a split. */
  public enum Part {
    TRAIN,
    VALIDATION,
    TEST;

    /** Lowercase name, e.g. {@code train}. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private static final List<String> TEST_FILES = List.of("test_batch.bin");

  private final String datasetId;
  private final int recordsPerFile;
  private final List<String> trainFiles;
  private final List<String> validationFiles;

  Cifar10Split(
      String datasetId, int recordsPerFile, List<String> trainFiles, List<String> validationFiles) {
    this.datasetId = datasetId;
    this.recordsPerFile = recordsPerFile;
    this.trainFiles = trainFiles;
    this.validationFiles = validationFiles;
  }

  /** The manifest id of the dataset whose files this split reads. */
  public String datasetId() {
    return datasetId;
  }

  /** Images every file of this split must hold. */
  public int recordsPerFile() {
    return recordsPerFile;
  }

  /** File names (inside the dataset's folder) of a part, in reading order. */
  public List<String> files(Part part) {
    return switch (part) {
      case TRAIN -> trainFiles;
      case VALIDATION -> validationFiles;
      case TEST -> TEST_FILES;
    };
  }

  /** Number of images of a part. */
  public int size(Part part) {
    return files(part).size() * recordsPerFile;
  }

  /** Lowercase name, e.g. {@code mini}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
