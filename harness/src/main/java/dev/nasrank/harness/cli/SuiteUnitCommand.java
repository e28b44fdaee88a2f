package dev.nasrank.harness.cli;

import dev.nasrank.harness.suite.SuitePlan;
import dev.nasrank.harness.suite.SuiteRunner;
import dev.nasrank.harness.suite.SuiteUnit;
import dev.nasrank.harness.suite.UnitRunner;
import dev.nasrank.harness.suite.WorkerPool;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code harness suite unit}: trains (resuming) and evaluates one unit of a planned folder. */
@Command(
    name = "unit",
    mixinStandardHelpOptions = true,
    description = {
      "Trains (resuming its checkpoint) and evaluates unit I of a planned run folder (see units.txt), "
          + "writing only into OUT/units/<unit>/, every file atomically, done.json last. Idempotent: a finished "
          + "unit is skipped; an interrupted one resumes from its last epoch; temporary files of a killed write "
          + "are removed. A lock (OUT/units/<unit>/.lock) keeps two workers off the same unit.",
      "Exit 0 when the unit is done (now or before); 1 when it failed (the message is kept in failed.json for "
          + "'suite merge' and 'suite status'); 2 for usage errors (no plan, index out of range); 3 when another "
          + "worker holds the unit's lock (nothing done)."
    })
final class SuiteUnitCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin SuiteRunOptions run;

  @Option(
      names = "--index",
      paramLabel = "I",
      required = true,
      description =
          "The unit's index in units.txt (from 0), e.g. $SLURM_ARRAY_TASK_ID or $JOB_COMPLETION_INDEX.")
  int index;

  @Override
  public Integer call() throws IOException {
    Path out = run.out(spec.commandLine());
    SuitePlan plan;
    SuiteUnit unit;
    try {
      plan = SuitePlan.read(out);
      unit = plan.unit(index);
    } catch (IllegalArgumentException ex) {
      throw new ParameterException(spec.commandLine(), ex.getMessage());
    }
    SuiteRunner.Settings s = plan.settings(out, run.dataRoot(), run.device, run.progress.enabled());
    String label = String.format("unit %d/%d %s", index + 1, plan.units().size(), unit.id());
    // the unit's log (epochs, evaluation, its closing "done" line) is this command's output, like
    // the lines below; failures go to stderr
    PrintStream o = WriterOutputStream.printStream(spec.commandLine().getOut());
    UnitRunner.Attempt a =
        new UnitRunner(o).runIfNeeded(s, unit, SuiteRunner.unitDir(out, unit), label);
    switch (a.kind()) {
      case DONE_EARLIER -> o.println(label + ": finished earlier, nothing to do");
      case BUSY -> {
        o.println(label + ": another worker holds its lock (" + a.holder() + "); nothing done");
        return WorkerPool.EXIT_BUSY;
      }
      case RAN -> {
        // the unit's log ended with its "done" line
      }
      default -> throw new IllegalStateException(a.kind().toString());
    }
    return Main.OK;
  }
}
