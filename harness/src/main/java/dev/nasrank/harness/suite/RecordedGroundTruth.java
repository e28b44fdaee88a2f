package dev.nasrank.harness.suite;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nasrank.files.Checksums;
import dev.nasrank.harness.groundtruth.EmbeddedGroundTruth;
import dev.nasrank.harness.manifest.RunManifest;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The ground-truth file a run was ranked against, as its run.json records it ({@code configuration
 * .groundTruthFile}: {@code embedded} or a path; {@code datasets.groundtruth}: its SHA-256), so
 * {@code report --run DIR} ranks against the same file as the suite did. A run folder without
 * run.json falls back to {@code DIR/groundtruth.csv}.
 */
public final class RecordedGroundTruth {

  /** The configuration field that names the ground truth ({@link SuiteRunner#configuration}). */
  static final String GROUND_TRUTH_FIELD = "groundTruthFile";

  private RecordedGroundTruth() {}

  /**
   * The file to rank {@code runDir} against.
   *
   * @throws IllegalArgumentException naming what is missing or whose SHA-256 differs from the
   *     recorded one
   */
  public static Path of(Path runDir) {
    Path runJson = runDir.resolve("run.json");
    Path legacy = runDir.resolve("groundtruth.csv");
    if (!Files.isRegularFile(runJson)) {
      if (Files.isRegularFile(legacy)) {
        return legacy;
      }
      throw new IllegalArgumentException(
          runDir
              + " has neither run.json (naming its ground truth) nor "
              + "groundtruth.csv: give --groundtruth FILE");
    }
    RunManifest m = RunManifest.read(runJson);
    JsonNode named = m.configuration().get(GROUND_TRUTH_FIELD);
    String recorded = named == null || !named.isTextual() ? "" : named.asText();
    if (recorded.isEmpty()) {
      if (Files.isRegularFile(legacy)) {
        return legacy;
      }
      throw new IllegalArgumentException(
          runJson
              + " names no ground truth (configuration.groundTruthFile) and "
              + runDir
              + " has no groundtruth.csv: give --groundtruth FILE");
    }
    Path file = recorded.equals("embedded") ? EmbeddedGroundTruth.resolve(null) : Path.of(recorded);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(
          runJson
              + " names ground truth "
              + recorded
              + ", which is not at "
              + file
              + " from here: give --groundtruth FILE");
    }
    String sha = m.datasets().getOrDefault(SuiteMerger.GROUND_TRUTH_DATASET, "");
    if (!sha.isEmpty()) {
      String now = Checksums.sha256Tree(file);
      if (!now.equals(sha)) {
        throw new IllegalArgumentException(
            file
                + " has SHA-256 "
                + now
                + ", but "
                + runJson
                + " records "
                + sha
                + " for the ground truth the run used: give --groundtruth FILE to rank against another one");
      }
    }
    return file;
  }
}
