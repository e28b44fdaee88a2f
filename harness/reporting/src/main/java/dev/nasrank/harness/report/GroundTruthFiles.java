package dev.nasrank.harness.report;

import dev.nasrank.benchbridge.NasBench;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * Opens any ground-truth file the same way for every command: a NAS-Bench-101 TFRecord or binary
 * cache, the CSV that {@code nasbench export-csv} writes, or the short CSV {@code
 * module_hash,repeat,validation_accuracy [,test_accuracy]}. Without a requested budget the file's
 * largest is used (108 for nasbench_only108, 12 for the S4-mini ground truth). The ground truth is
 * the mean over repeats of the final validation accuracy.
 */
public final class GroundTruthFiles {

  private GroundTruthFiles() {}

  /**
   * Opens {@code file}.
   *
   * @param epochs the budget to read; empty = the file's largest (ignored by the short CSV, which
   *     has none)
   * @throws IllegalArgumentException naming the file when it is missing, unreadable or lacks the
   *     budget
   */
  public static GroundTruth open(Path file, OptionalInt epochs) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(
          "missing ground-truth file "
              + file
              + (Files.isDirectory(file)
                  ? " (a folder; give the file in it, e.g. groundtruth.tfrecord)"
                  : ""));
    }
    if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
      return InMemoryGroundTruth.readCsv(file, epochs);
    }
    try {
      NasBench nb = NasBench.open(file);
      int e =
          epochs.isPresent()
              ? epochs.getAsInt()
              : Arrays.stream(nb.epochBudgets())
                  .max()
                  .orElseThrow(
                      () -> new IllegalArgumentException(file + " holds no NAS-Bench-101 records"));
      return NasBenchGroundTruth.of(nb, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read ground truth " + file + ": " + e.getMessage(), e);
    }
  }
}
