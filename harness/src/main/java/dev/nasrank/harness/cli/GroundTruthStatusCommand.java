package dev.nasrank.harness.cli;

import dev.nasrank.harness.groundtruth.GroundTruthStatus;
import dev.nasrank.harness.groundtruth.UnitStore;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
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

  @Mixin GroundTruthFolderArgs folder;

  @Override
  public Integer call() throws Exception {
    UnitStore store = folder.store();
    GroundTruthStatus status = GroundTruthStatus.of(store, folder.repeats(store));
    PrintWriter out = spec.commandLine().getOut();
    out.print(status.render());
    out.flush();
    return Main.OK;
  }
}
