package dev.nasrank.harness.suite;

import dev.nasrank.harness.groundtruth.EmbeddedGroundTruth;
import dev.nasrank.harness.report.GroundTruth;
import dev.nasrank.harness.report.GroundTruthFiles;
import dev.nasrank.harness.report.InMemoryGroundTruth;
import dev.nasrank.harness.space.CellSearchSpace;
import dev.nasrank.harness.space.S4Space;
import dev.nasrank.harness.space.Spaces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The suite's ground truth: a NAS-Bench-101-format file given with {@code --groundtruth}, else the
 * embedded S4-mini ground truth ({@link EmbeddedGroundTruth}). The budget is the file's largest
 * epoch budget (108 for {@code nasbench_only108.tfrecord}, 12 for S4-mini); the ranking target is
 * the mean over the file's repeats of the final validation accuracy (a fraction in [0,1]). A file
 * ending in {@code .csv} is read as {@code module_hash,repeat,validation_accuracy[,test_accuracy]}
 * ({@link InMemoryGroundTruth#readCsv}), one ending in {@code .json} as a partial NAS-Bench-101
 * dump (one repeat per cell). A NAS-Bench-101 cell space has no embedded ground truth: it needs a
 * file ({@link #CELL_SPACE_FILES}).
 *
 * @param file the file read, or null when none exists
 * @param groundTruth the opened ground truth, or null when none exists
 * @param covered how many of the space's architectures it holds (S4: of the 34 unique ones at m =
 *     4; a cell space: of its unique cells)
 * @param total the number of the space's architectures
 * @param problem why there is no ground truth (null when there is one)
 * @param space the space's id
 */
public record GroundTruthChoice(
    Path file, GroundTruth groundTruth, int covered, int total, String problem, String space) {

  /** An S4 choice. */
  public GroundTruthChoice(
      Path file, GroundTruth groundTruth, int covered, int total, String problem) {
    this(file, groundTruth, covered, total, problem, Spaces.S4);
  }

  /**
   * What a cell space's ground truth can be, for the messages that say it is missing: the full
   * NAS-Bench-101 file (mean of its 3 repeats at 108 epochs) or the 20k dump (one repeat).
   */
  public static final String CELL_SPACE_FILES =
      "pass --groundtruth with NAS-Bench-101's nasbench_only108.tfrecord (or its cache from "
          + "'harness nasbench cache'; 499 MB from https://storage.googleapis.com/nasbench/"
          + "nasbench_only108.tfrecord, github.com/google-research/nasbench: the mean of 3 repeats "
          + "at 108 epochs, every cell) or the nasbench-vis 20k dump "
          + "(nasbench101-partial/nasbench-vis_data-20k.json under the data root, docs/spaces.md: "
          + "one repeat, the first 20,001 cells in hash order)";

  /**
   * Opens the ground truth of an S4 run, never throwing for a missing embedded file (see {@link
   * #problem()}).
   */
  public static GroundTruthChoice open(Path userFile) {
    return open(userFile, Spaces.S4);
  }

  /**
   * Opens the ground truth of a run over {@code space}: for S4 as {@link #open(Path)}; for a cell
   * space the given file (none: a choice without ground truth whose problem says what to pass).
   */
  public static GroundTruthChoice open(Path userFile, String space) {
    if (userFile != null && userFile.toString().equals(SuitePlan.NONE)) {
      return none(DECLINED, space);
    }
    if (!Spaces.isS4(space)) {
      if (userFile == null) {
        return none(
            "space "
                + space
                + " has no embedded ground truth (the S4-mini one holds none of its cells): "
                + CELL_SPACE_FILES,
            space);
      }
      if (!Files.isRegularFile(userFile)) {
        throw new IllegalArgumentException(
            "ground-truth file " + userFile + " does not exist; " + CELL_SPACE_FILES);
      }
      return of(GroundTruthFiles.open(userFile, OptionalInt.empty()), userFile, space);
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
    return none(reason, Spaces.S4);
  }

  /** No ground truth of a run over {@code space}, for the reason given. */
  public static GroundTruthChoice none(String reason, String space) {
    int total =
        Spaces.isS4(space)
            ? S4Space.uniqueArchitectures(4).size()
            : ((CellSearchSpace) Spaces.byId(space)).size();
    return new GroundTruthChoice(null, null, 0, total, reason, space);
  }

  /**
   * Wraps an already opened ground truth (e.g. {@code InMemoryGroundTruth}); {@code file} may be
   * null.
   */
  public static GroundTruthChoice of(GroundTruth gt, Path file) {
    return of(gt, file, Spaces.S4);
  }

  /** As {@link #of(GroundTruth, Path)} for a run over {@code space}. */
  public static GroundTruthChoice of(GroundTruth gt, Path file, String space) {
    if (!Spaces.isS4(space)) {
      CellSearchSpace cells = (CellSearchSpace) Spaces.byId(space);
      int covered = (int) cells.enumeration().hashes().filter(gt::contains).count();
      return new GroundTruthChoice(
          file,
          covered == 0 ? null : gt,
          covered,
          cells.size(),
          covered == 0
              ? (file != null ? file.toString() : gt.description())
                  + " holds none of the "
                  + String.format(Locale.ROOT, "%,d", cells.size())
                  + " cells of space "
                  + space
                  + "; "
                  + CELL_SPACE_FILES
              : null,
          space);
    }
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
    String source =
        file != null
            ? file.toString()
            : groundTruth != null ? groundTruth.description() : "no ground-truth file";
    if (!Spaces.isS4(space)) {
      return String.format(
          Locale.ROOT,
          "ground truth covers %,d of %,d %s cells (%s)",
          covered,
          total,
          space,
          source);
    }
    return String.format(
        "ground truth covers %d of %d S4 architectures (%s)", covered, total, source);
  }
}
