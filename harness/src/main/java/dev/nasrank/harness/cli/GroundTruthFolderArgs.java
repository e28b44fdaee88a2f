package dev.nasrank.harness.cli;

import dev.nasrank.harness.groundtruth.EmbeddedGroundTruth;
import dev.nasrank.harness.groundtruth.UnitStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The generation folder and the repeats expected of it, shared by {@code groundtruth status} and
 * {@code groundtruth assemble}.
 */
final class GroundTruthFolderArgs {

  @Parameters(
      index = "0",
      arity = "0..1",
      description = "generation folder (default: " + GroundTruthCommand.DEFAULT_OUT_TEXT + ")")
  Path dir;

  @Option(
      names = "--repeats",
      description =
          "repeats expected (default: the most any architecture of the folder has finished)")
  Integer repeats;

  /**
   * The folder's unit store.
   *
   * @throws IllegalArgumentException if the folder does not exist
   */
  UnitStore store() {
    Path d = dir();
    if (!Files.isDirectory(d)) {
      throw new IllegalArgumentException("no generation folder at " + d);
    }
    return new UnitStore(d);
  }

  /** The folder given, else the one the suite reads the embedded ground truth from. */
  Path dir() {
    return dir != null ? dir : EmbeddedGroundTruth.defaultFolder();
  }

  /** --repeats, else the repeats the folder holds. */
  int repeats(UnitStore store) throws IOException {
    return repeats != null ? repeats : store.repeatsPresent();
  }
}
