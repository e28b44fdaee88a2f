package dev.nasrank.harness.report;

import dev.nasrank.benchbridge.NasBench;
import dev.nasrank.benchbridge.io.PartialDump;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * Opens any ground-truth file the same way for every command: a NAS-Bench-101 TFRecord or binary
 * cache, the CSV that {@code nasbench export-csv} writes, the short CSV {@code
 * module_hash,repeat,validation_accuracy [,test_accuracy]}, or a partial NAS-Bench-101 dump in JSON
 * ({@code .json}: the nasbench-vis 1k/20k files or NASLib's zero-cost file, {@link PartialDump}),
 * which hold ONE repeat per cell. Without a requested budget the file's largest is used (108 for
 * nasbench_only108 and the dumps, 12 for the S4-mini ground truth). The ground truth is the mean
 * over the file's repeats of the final validation accuracy (the single repeat for a dump).
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
    String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (lower.endsWith(".json")) {
      return openDump(file, epochs);
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

  private static GroundTruth openDump(Path file, OptionalInt epochs) {
    PartialDump dump;
    try {
      dump = PartialDump.open(file, null);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read ground truth " + file + " as a NAS-Bench-101 JSON dump: " + e.getMessage(),
          e);
    }
    int[] budgets = dump.epochBudgets();
    int e = epochs.isPresent() ? epochs.getAsInt() : Arrays.stream(budgets).max().orElse(108);
    if (Arrays.stream(budgets).noneMatch(b -> b == e)) {
      throw new IllegalArgumentException(
          file + " holds no " + e + "-epoch accuracies (budgets " + Arrays.toString(budgets) + ")");
    }
    return NasBenchGroundTruth.of(dump, e);
  }
}
