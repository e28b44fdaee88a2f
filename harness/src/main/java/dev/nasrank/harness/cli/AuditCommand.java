package dev.nasrank.harness.cli;

import dev.nasrank.harness.suite.RunAudit;
import dev.nasrank.harness.train.DeviceOption;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code harness audit}: re-runs units of a finished suite run and says whether they reproduce bit
 * for bit.
 */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Re-runs units of a finished suite run from its own folder (suite-config.json: profile, m values, seeds; "
          + "run.json: data SHA-256s and code commit) and reports per unit whether every step's training loss, "
          + "the checkpoint (where the run kept it) and every one-shot accuracy match bit for bit, or where they "
          + "first differ and by how much.",
      "Run it with the thread settings the run recorded (run.json, environment.threadSettings; one torch thread "
          + "and OMP_WAIT_POLICY=PASSIVE for the published runs). Exit codes: 0 every audited unit matches, "
          + "1 a unit differs or the data differ, 2 usage."
    })
final class AuditCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--run",
      required = true,
      paramLabel = "DIR",
      description = "The finished suite run folder.")
  Path run;

  @Option(
      names = "--work",
      paramLabel = "DIR",
      description =
          "Where the reruns go (a unit's earlier rerun there is replaced). Default: DIR/audit.")
  Path work;

  @Option(
      names = "--units",
      paramLabel = "K",
      defaultValue = "0",
      description =
          "Re-run the run's first K units (in its unit order); 0 = all. Default: ${DEFAULT-VALUE}.")
  int count;

  @Option(
      names = "--unit",
      paramLabel = "ID",
      description =
          "Re-run this unit (repeatable), e.g. mixpath-simple_scaling-m4-s2020; overrides --units.")
  List<String> unitIds;

  @Option(
      names = "--epochs",
      paramLabel = "N",
      description =
          "Re-run only the first N epochs of each unit and compare their training losses (minutes "
              + "instead of the whole unit; checkpoints and one-shot accuracies are then not compared).")
  Integer epochs;

  @Option(
      names = "--device",
      paramLabel = "DEVICE",
      defaultValue = "auto",
      converter = DeviceConverter.class,
      description = "auto, cpu or gpu. Default: ${DEFAULT-VALUE}.")
  DeviceOption device;

  @Mixin DataRootOption dataRoot;

  @Override
  public Integer call() throws IOException {
    PrintStream o = WriterOutputStream.printStream(spec.commandLine().getOut());
    PrintStream e = WriterOutputStream.printStream(spec.commandLine().getErr());
    if (count < 0) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--units must be >= 0, got " + count);
    }
    RunAudit.Result r =
        new RunAudit(e)
            .audit(
                new RunAudit.Options(
                    run,
                    work != null ? work : run.resolve("audit"),
                    unitIds == null ? List.of() : unitIds,
                    count,
                    epochs,
                    dataRoot.resolve(),
                    device));
    o.println(
        "run made at commit "
            + r.runCommit()
            + (r.unitCode().isEmpty()
                ? ""
                : ", its units trained by code " + String.join(", ", r.unitCode()))
            + "; audited with code at "
            + r.codeCommit());
    if (!r.platformNotes().isEmpty()) {
      o.println(
          "this machine differs from the run's where bitwise results depend on it (expect differences):");
      r.platformNotes().forEach(n -> o.println("  " + n));
    }
    if (!r.dataProblems().isEmpty()) {
      o.println("the data differ from the run's (no unit re-run):");
      r.dataProblems().forEach(p -> o.println("  " + p));
      return Main.FAILURE;
    }
    for (RunAudit.UnitVerdict v : r.units()) {
      o.println((v.matches() ? "match   " : "DIFFERS ") + v.unit());
      v.differences().forEach(d -> o.println("    " + d));
      v.notes().forEach(n -> o.println("    note: " + n));
    }
    long bad = r.units().stream().filter(v -> !v.matches()).count();
    o.println(
        bad == 0
            ? "all match (" + r.units().size() + " units)"
            : bad + " of " + r.units().size() + " units differ");
    return r.allMatch() ? Main.OK : Main.FAILURE;
  }
}
