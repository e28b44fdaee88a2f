package dev.nasrank.harness.cli;

import dev.nasrank.harness.groundtruth.EmbeddedGroundTruth;
import dev.nasrank.harness.groundtruth.Profile;
import dev.nasrank.harness.groundtruth.UnitStore;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * What a ground-truth generation folder is planned from, shared by {@code groundtruth generate} and
 * {@code groundtruth slurm} (each default stated here once): the protocol, the folder, the repeats,
 * the architecture list, an epoch override and the data root.
 */
final class GroundTruthPlanOptions {

  @Option(
      names = "--profile",
      defaultValue = Profile.S4_MINI,
      description =
          "training protocol: s4-mini (C=16, 3x1 cells, mini CIFAR-10 split, 12 epochs) or "
              + "nasbench101 (default: ${DEFAULT-VALUE})")
  String profile;

  @Option(
      names = "--out",
      description = "generation folder (default: " + GroundTruthCommand.DEFAULT_OUT_TEXT + ")")
  Path out;

  @Option(
      names = "--repeats",
      description =
          "repeats per architecture (default: "
              + GroundTruthCommand.DEFAULT_REPEATS
              + ", or as many as the folder already holds if more)")
  Integer repeats;

  @Option(
      names = "--archs",
      defaultValue = "s4",
      description =
          "s4 (the 34 unique S4 cells) or a file with one '<adjacency> <ops csv>' per line "
              + "(default: ${DEFAULT-VALUE})")
  String archs;

  @Option(
      names = "--epochs",
      description =
          "override the profile's epochs (for trials; pinned and recorded like the rest of the "
              + "profile)")
  Integer epochs;

  @Option(
      names = "--data-root",
      description =
          "folder holding cifar10-partial-bin/ (default: -Dnasrank.data.root, $NASRANK_DATA_ROOT, "
              + "or the project's lookup; for Slurm, as the nodes see it)")
  Path dataRoot;

  /** --out, else the folder the suite reads the embedded ground truth from. */
  Path out() {
    return out != null ? out : EmbeddedGroundTruth.defaultFolder();
  }

  /**
   * --repeats, else {@value GroundTruthCommand#DEFAULT_REPEATS} or the repeats the folder already
   * holds if more (so a default run never records fewer repeats than the folder has).
   */
  int repeats() throws IOException {
    return repeats != null
        ? repeats
        : Math.max(GroundTruthCommand.DEFAULT_REPEATS, new UnitStore(out()).repeatsPresent());
  }

  /** The named protocol, with --epochs applied. */
  Profile profile() {
    Profile p = Profile.named(profile);
    return epochs == null ? p : p.withEpochs(epochs);
  }
}
