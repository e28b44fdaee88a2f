package dev.nasrank.harness.cli;

import dev.nasrank.harness.groundtruth.GroundTruthStatus;
import dev.nasrank.harness.groundtruth.UnitStore;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code groundtruth status}. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description =
        "Prints the progress of a generation folder, the time spent and an estimate of the time left, "
            + "and, once two repeats exist, the noise ceiling: Kendall tau-b between repeats over the architectures "
            + "(final validation and test accuracy; mean over repeat pairs).")
final class GroundTruthStatusCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

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

  @Override
  public Integer call() throws Exception {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("no generation folder at " + dir);
    }
    UnitStore store = new UnitStore(dir);
    GroundTruthStatus status =
        GroundTruthStatus.of(store, repeats != null ? repeats : store.repeatsPresent());
    PrintWriter out = spec.commandLine().getOut();
    out.print(status.render());
    out.flush();
    return Main.OK;
  }
}
