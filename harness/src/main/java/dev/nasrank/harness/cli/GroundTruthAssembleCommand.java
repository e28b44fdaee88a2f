package dev.nasrank.harness.cli;

import dev.nasrank.benchbridge.ModelSpec;
import dev.nasrank.harness.groundtruth.Architectures;
import dev.nasrank.harness.groundtruth.GroundTruthAssembler;
import dev.nasrank.harness.groundtruth.Profile;
import dev.nasrank.harness.groundtruth.UnitStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code groundtruth assemble}. */
@Command(
    name = "assemble",
    mixinStandardHelpOptions = true,
    description =
        "Writes the TFRecord and protocol.json from the units finished so far (without training).")
final class GroundTruthAssembleCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin GroundTruthFolderArgs folder;

  @Override
  public Integer call() throws Exception {
    UnitStore store = folder.store();
    Path dir = folder.dir();
    Profile p = store.recordedProfile();
    if (p == null) {
      throw new IllegalArgumentException(dir + " holds no profile.json: not a generation folder");
    }
    List<ModelSpec> specs = Architectures.read(dir.resolve(GroundTruthAssembler.ARCHITECTURES));
    GroundTruthAssembler.Protocol protocol =
        GroundTruthAssembler.assemble(store, p, specs, folder.repeats(store), store.recordedData());
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        Locale.ROOT,
        "wrote %s: %d of %d units%n",
        dir.resolve(GroundTruthAssembler.TFRECORD),
        protocol.unitsFinished(),
        protocol.unitsExpected());
    out.flush();
    return Main.OK;
  }
}
