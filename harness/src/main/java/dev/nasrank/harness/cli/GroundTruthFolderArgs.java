package dev.nasrank.harness.cli;

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
      defaultValue = GroundTruthCommand.DEFAULT_OUT,
      description = "generation folder (default: ${DEFAULT-VALUE})")
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
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("no generation folder at " + dir);
    }
    return new UnitStore(dir);
  }

  /** --repeats, else the repeats the folder holds. */
  int repeats(UnitStore store) throws IOException {
    return repeats != null ? repeats : store.repeatsPresent();
  }
}
