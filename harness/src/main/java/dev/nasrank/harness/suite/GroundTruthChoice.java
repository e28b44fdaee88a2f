package dev.nasrank.harness.suite;

import dev.nasrank.harness.groundtruth.EmbeddedGroundTruth;
import dev.nasrank.harness.report.GroundTruth;
import dev.nasrank.harness.report.GroundTruthFiles;
import dev.nasrank.harness.report.InMemoryGroundTruth;
import dev.nasrank.harness.space.S4Space;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The suite's ground truth: a NAS-Bench-101-format file given with {@code --groundtruth}, else the
 * embedded S4-mini ground truth ({@link EmbeddedGroundTruth}). The budget is the file's largest
 * epoch budget (108 for {@code nasbench_only108.tfrecord}, 12 for S4-mini); the ranking target is
 * the mean over the file's repeats of the final validation accuracy (a fraction in [0,1]). A file
 * ending in {@code .csv} is read as {@code module_hash,repeat,validation_accuracy[,test_accuracy]}
 * ({@link InMemoryGroundTruth#readCsv}).
 *
 * @param file the file read, or null when none exists
 * @param groundTruth the opened ground truth, or null when none exists
 * @param covered how many of the unique S4 architectures (34 at m = 4) it holds
 * @param total the number of unique S4 architectures at m = 4
 * @param problem why there is no ground truth (null when there is one)
 */
public record GroundTruthChoice(
    Path file, GroundTruth groundTruth, int covered, int total, String problem) {

  /**
   * Opens the ground truth, never throwing for a missing embedded file (see {@link #problem()}).
   */
  public static GroundTruthChoice open(Path userFile) {
    if (userFile != null && userFile.toString().equals(SuitePlan.NONE)) {
      return none(DECLINED);
    }
    Set<String> hashes = S4Space.uniqueArchitectures(4).keySet();
    Path file;
    try {
      file = EmbeddedGroundTruth.resolve(userFile);
    } catch (IllegalArgumentException e) {
      if (userFile != null) {
        throw e;
      }
      return new GroundTruthChoice(null, null, 0, hashes.size(), e.getMessage());
    }
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("ground-truth file " + file + " does not exist");
    }
    GroundTruth gt = GroundTruthFiles.open(file, OptionalInt.empty());
    int covered = (int) hashes.stream().filter(gt::contains).count();
    String problem =
        covered == 0 ? file + " holds none of the " + hashes.size() + " S4 architectures" : null;
    return new GroundTruthChoice(file, covered == 0 ? null : gt, covered, hashes.size(), problem);
  }

  /** Why a run planned with {@code --no-groundtruth} has no ground truth. */
  public static final String DECLINED = "not asked for (--no-groundtruth)";

  /** True for a run planned with {@code --no-groundtruth}: not ranked, and not a failure. */
  public boolean declined() {
    return groundTruth == null && DECLINED.equals(problem);
  }

  /** No ground truth, for the reason given (e.g. the user asked for none). */
  public static GroundTruthChoice none(String reason) {
    return new GroundTruthChoice(null, null, 0, S4Space.uniqueArchitectures(4).size(), reason);
  }

  /**
   * Wraps an already opened ground truth (e.g. {@code InMemoryGroundTruth}); {@code file} may be
   * null.
   */
  public static GroundTruthChoice of(GroundTruth gt, Path file) {
    Set<String> hashes = S4Space.uniqueArchitectures(4).keySet();
    int covered = (int) hashes.stream().filter(gt::contains).count();
    return new GroundTruthChoice(
        file,
        covered == 0 ? null : gt,
        covered,
        hashes.size(),
        covered == 0
            ? gt.description() + " holds none of the " + hashes.size() + " S4 architectures"
            : null);
  }

  /** One line for stdout and the report. */
  public String coverageLine() {
    return String.format(
        "ground truth covers %d of %d S4 architectures (%s)",
        covered,
        total,
        file != null
            ? file
            : groundTruth != null ? groundTruth.description() : "no ground-truth file");
  }
}
