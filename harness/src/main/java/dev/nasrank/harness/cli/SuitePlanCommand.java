package dev.nasrank.harness.cli;

import dev.nasrank.harness.suite.SuitePlan;
import dev.nasrank.harness.suite.SuiteRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code harness suite plan}: pins the configuration of a run folder and lists its numbered units.
 */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = {
      "Pins the configuration of a run folder (suite-config.json) and writes its numbered units "
          + "(units.txt: '<index> <unit>' per line, indices from 0, stable for the folder). Trains nothing.",
      "Run a unit with 'suite unit --out DIR --index I' (any machine that sees the folder), then 'suite merge'. "
          + "Planning a planned folder again is accepted only with the same profile, more seeds at most, and "
          + "(once ranked) the same ground truth.",
      "Exit 0 when planned; 1 when the folder holds an incompatible plan or no ground truth is found (unless "
          + "--no-groundtruth); 2 for usage errors."
    })
final class SuitePlanCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin SuiteRunOptions run;

  @Mixin SuitePlanOptions plan;

  @Override
  public Integer call() throws IOException {
    SuiteRunner.Settings s =
        plan.settings(
            spec.commandLine(), run.out(spec.commandLine()), run.dataRoot(), run.device, false);
    if (plan.groundTruth(
            spec.commandLine(), WriterOutputStream.printStream(spec.commandLine().getOut()))
        == null) {
      return Main.FAILURE;
    }
    SuitePlan p = SuitePlan.pin(s);
    PrintWriter o = spec.commandLine().getOut();
    o.print(p.unitsText());
    o.printf(
        "planned %s: %d units (%s, %s), configurationSha256 %s%n",
        s.out(),
        p.units().size(),
        SuiteRunner.SUITE_CONFIG,
        SuitePlan.UNITS_TXT,
        SuiteRunner.configurationSha256(s));
    o.flush();
    return Main.OK;
  }
}
