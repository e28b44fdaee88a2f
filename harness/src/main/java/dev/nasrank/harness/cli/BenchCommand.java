package dev.nasrank.harness.cli;

import dev.nasrank.harness.suite.SuiteProfile;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code harness bench}: timed reports of the harness's hot paths. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Timed reports (not tests): run a subcommand with --help.",
    subcommands = {BenchTrainStepCommand.class, BenchUnitCommand.class, BenchCellsCommand.class})
public final class BenchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return Main.USAGE;
  }

  /** Profile names for picocli's completion candidates. */
  static final class ProfileNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return SuiteProfile.NAMES.iterator();
    }
  }
}
