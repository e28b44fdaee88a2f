package dev.nasrank.harness.cli;

import dev.nasrank.harness.groundtruth.EmbeddedGroundTruth;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code harness groundtruth}: make, inspect and assemble the project's own NAS-Bench-101-style
 * ground truth.
 */
@Command(
    name = "groundtruth",
    mixinStandardHelpOptions = true,
    description =
        "The project's own NAS-Bench-101-style ground truth: trains the NB101 network of every "
            + "architecture from scratch under a recorded protocol and writes a NAS-Bench-101-format TFRecord.",
    subcommands = {
      GroundTruthGenerateCommand.class,
      GroundTruthStatusCommand.class,
      GroundTruthAssembleCommand.class,
      GroundTruthSlurmCommand.class
    })
public final class GroundTruthCommand implements Callable<Integer> {
  /**
   * How help texts name the default generation folder ({@link EmbeddedGroundTruth#defaultFolder}).
   */
  static final String DEFAULT_OUT_TEXT =
      EmbeddedGroundTruth.DEFAULT_FOLDER
          + " of this checkout, the embedded ground truth the suite reads, from any working directory";

  /** Repeats per architecture that generate and slurm train unless told otherwise. */
  static final int DEFAULT_REPEATS = 3;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return Main.USAGE;
  }
}
