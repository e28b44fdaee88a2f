package dev.nasrank.harness.suite;

import dev.nasrank.harness.report.GroundTruth;
import dev.nasrank.harness.report.GroundTruthFiles;
import dev.nasrank.harness.report.ReportOptions;
import dev.nasrank.harness.report.ReportResult;
import dev.nasrank.harness.report.Reporter;
import dev.nasrank.harness.report.RunDirectory;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * {@code report} on a run folder: opens the ground truth (the given file, else the one the run's
 * run.json records, {@link RecordedGroundTruth}) and renders the report ({@link Reporter}).
 */
public final class RunReport {

  private RunReport() {}

  /**
   * What was rendered.
   *
   * @param groundTruth the ground truth the run was ranked against
   * @param result the reporter's result
   */
  public record Outcome(GroundTruth groundTruth, ReportResult result) {}

  /**
   * Renders the report of {@code run}.
   *
   * @param groundTruth a ground-truth file, or null for the one the run records
   * @param epochs the ground truth's epoch budget, or empty for its largest
   * @param opened told the ground truth once it is open, before the measuring starts (e.g. to print
   *     its description)
   * @throws IllegalArgumentException naming the missing file, the folder without candidates, or the
   *     ground truth whose SHA-256 differs from the recorded one
   */
  public static Outcome render(
      Path run,
      Path groundTruth,
      OptionalInt epochs,
      ReportOptions options,
      Consumer<GroundTruth> opened,
      Reporter.Progress progress) {
    RunDirectory dir = RunDirectory.of(run);
    GroundTruth gt =
        GroundTruthFiles.open(
            groundTruth != null ? groundTruth : RecordedGroundTruth.of(run), epochs);
    opened.accept(gt);
    return new Outcome(gt, Reporter.render(dir, gt, options, progress));
  }
}
