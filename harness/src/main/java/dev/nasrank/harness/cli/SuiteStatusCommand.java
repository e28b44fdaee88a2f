package dev.nasrank.harness.cli;

import dev.nasrank.harness.suite.SuiteMerger;
import dev.nasrank.harness.suite.SuitePlan;
import dev.nasrank.harness.suite.UnitState;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code harness suite status}: the state of every unit of a planned folder. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Prints every unit of a planned run folder with its state: done, running (with the lock "
          + "holder), failed (with the message), interrupted (with its checkpoint epoch) or missing; then whether the "
          + "folder is merged. Changes nothing.",
      "Exit 0 when every unit is done; 1 otherwise; 2 for usage errors."
    })
final class SuiteStatusCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--out", paramLabel = "DIR", required = true, description = "The run folder.")
  Path out;

  @Override
  public Integer call() throws IOException {
    SuitePlan plan;
    try {
      plan = SuitePlan.read(out);
    } catch (IllegalArgumentException ex) {
      throw new ParameterException(spec.commandLine(), ex.getMessage());
    }
    List<UnitState> states = SuiteMerger.states(out, plan);
    PrintWriter o = spec.commandLine().getOut();
    Map<UnitState.Status, Integer> counts = new EnumMap<>(UnitState.Status.class);
    for (UnitState u : states) {
      o.println(u.line());
      counts.merge(u.status(), 1, Integer::sum);
    }
    StringBuilder sum = new StringBuilder();
    counts.forEach(
        (k, v) ->
            sum.append(sum.length() == 0 ? "" : ", ").append(v).append(' ').append(k.label()));
    o.printf(
        "%d units: %s; %s%n",
        states.size(),
        sum,
        Files.isRegularFile(out.resolve("ranking.csv"))
            ? "ranking.csv present (merged)"
            : "not merged");
    o.flush();
    return counts.getOrDefault(UnitState.Status.DONE, 0) == states.size() ? Main.OK : Main.FAILURE;
  }
}
