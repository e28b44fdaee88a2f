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
 *   <li>{@link #JPG}: NAS-Bench-101's proportions on the JPEG re-encoding of all 60,000 images
 *       (folder {@code cifar10-jpg}, one zip; IJG quality 75, so LOSSY: pixels differ slightly from
 *       the official bytes): train = the first 4,000 training images of each class by file name
 *       (40,000), validation = the other 1,000 of each class (10,000, held out of training), test =
 *       the 10,000 test images. Each part is interleaved over the classes (image r of class c at
 *       position 10r + c), so every prefix (an evaluation budget of N images) is class-balanced.
 *       For studies that need more than the mini split where the binary files are absent.
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
      List.of("test_batch.bin")),
  JPG(DatasetManifest.CIFAR10_JPG, 0, List.of(JpegLayout.ZIP), List.of(JpegLayout.ZIP));

  /**
   * Where {@link #JPG}'s parts lie in the zip: the zip's part folder and the range of ranks within
   * each class (by file name).
   *
   * @param folder {@code train} or {@code test}
   * @param from first rank per class (inclusive)
   * @param to last rank per class (exclusive)
   */
  public record JpegLayout(String folder, int from, int to) {
    /** File name of the zip inside the dataset's folder. */
    public static final String ZIP = "cifar10-jpg.zip";

    /** Images of the part: {@code (to - from)} of each of the 10 classes. */
    public int size() {
      return (to - from) * CifarImages.CLASSES;
    }

    static JpegLayout of(Part part) {
      return switch (part) {
        case TRAIN -> new JpegLayout("train", 0, 4_000);
        case VALIDATION -> new JpegLayout("train", 4_000, 5_000);
        case TEST -> new JpegLayout("test", 0, 1_000);
      };
    }
  }

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

  /** Whether the split reads the JPEG zip ({@link #JPG}) rather than binary batch files. */
  public boolean isJpeg() {
    return this == JPG;
  }

  /**
   * Where a part of {@link #JPG} lies in the zip.
   *
   * @throws IllegalStateException for a binary split
   */
  public JpegLayout jpegLayout(Part part) {
    if (!isJpeg()) {
      throw new IllegalStateException("split " + label() + " reads binary batches, not the zip");
    }
    return JpegLayout.of(part);
  }

  /** Images every binary file of this split must hold (0 for {@link #JPG}). */
  public int recordsPerFile() {
    return recordsPerFile;
  }

  /** File names (inside the dataset's folder) of a part, in reading order. */
  public List<String> files(Part part) {
    return switch (part) {
      case TRAIN -> trainFiles;
      case VALIDATION -> validationFiles;
      case TEST -> isJpeg() ? List.of(JpegLayout.ZIP) : TEST_FILES;
    };
  }

  /** Number of images of a part. */
  public int size(Part part) {
    if (isJpeg()) {
      return JpegLayout.of(part).size();
    }
    return files(part).size() * recordsPerFile;
  }

  /** Lowercase name, e.g. {@code mini}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
