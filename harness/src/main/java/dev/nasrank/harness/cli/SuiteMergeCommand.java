package dev.nasrank.harness.cli;

import dev.nasrank.harness.suite.SuiteMerger;
import dev.nasrank.harness.suite.SuitePlan;
import dev.nasrank.harness.suite.SuiteRunner;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code harness suite merge}: combines the finished units of a planned folder and writes the
 * report.
 */
@Command(
    name = "merge",
    mixinStandardHelpOptions = true,
    description = {
      "Once every unit of the planned run folder is done: writes candidates.csv, diagnostics.json, "
          + "run.json, and ranks against the pinned ground truth (ranking.csv, variants.csv, summary.csv, "
          + "report.md, report.html), every file atomically. Rerunning it rewrites the same files.",
      "With any unit not done it writes nothing and lists the missing, running, failed and interrupted units.",
      "Exit 0 when the report is written; 1 when units are not done, there is no ground truth (candidates.csv "
          + "is still written) or on failure; 2 for usage errors."
    })
final class SuiteMergeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin SuiteRunOptions run;

  @Override
  public Integer call() throws IOException {
    long start = System.nanoTime();
    PrintStream o = WriterOutputStream.printStream(spec.commandLine().getOut());
    PrintStream e = WriterOutputStream.printStream(spec.commandLine().getErr());
    Path out = run.out(spec.commandLine());
    SuitePlan plan;
    try {
      plan = SuitePlan.read(out);
    } catch (IllegalArgumentException ex) {
      throw new ParameterException(spec.commandLine(), ex.getMessage());
    }
    SuiteRunner.Settings s = plan.settings(out, run.dataRoot(), run.device, run.progress.enabled());
    SuiteMerger.Result r = new SuiteMerger(e).merge(s, null, (System.nanoTime() - start) / 1e9);
    if (!r.merged()) {
      SuiteCommand.printNotDone(o, r.notDone(), out.toString());
      return Main.FAILURE;
    }
    o.printf("merged %d units -> %s%n", plan.units().size(), out);
    return SuiteCommand.printRanking(o, r.groundTruth(), r.report(), out);
  }
}
