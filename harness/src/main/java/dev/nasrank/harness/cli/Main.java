package dev.nasrank.harness.cli;

import dev.nasrank.benchbridge.CellSpace;
import dev.nasrank.harness.config.DataSplit;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Entry point of {@code java -jar harness/target/harness.jar}. Exit codes: 0 success, 1 failure
 * (bad data, missing files, failed checks), 2 usage error (unknown command or option, bad option
 * value).
 */
@Command(
    name = "harness",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Judges how well one-shot NAS supernets rank architectures, measured against NAS-Bench-101.",
      "Run a subcommand with --help for its options."
    },
    subcommands = {
      CommandLine.HelpCommand.class,
      DataCommand.class,
      NasbenchCommand.class,
      ReportCommand.class,
      RegressCommand.class,
      ManifestCommand.class,
      TrainCommand.class,
      EvaluateCommand.class,
      BenchCommand.class,
      GroundTruthCommand.class,
      SuiteCommand.class,
      AuditCommand.class,
      FidelityCommand.class,
      SearchCommand.class
    })
public final class Main implements Callable<Integer> {

  /** Exit code of a successful run. */
  public static final int OK = 0;

  /** Exit code of a failed run: bad data, missing files, a failed check. */
  public static final int FAILURE = 1;

  /** Exit code of a usage error. */
  public static final int USAGE = 2;

  @Spec CommandSpec spec;

  public static void main(String[] args) {
    RuntimeDefaults.apply();
    System.exit(run(args));
  }

  /** Runs the CLI and returns its exit code (used by tests). */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  /**
   * The configured command line: expected errors print one clear line and exit 1, usage errors exit
   * 2.
   */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.registerConverter(DataSplit.class, DataSplit::parse);
    cl.registerConverter(
        CellSpace.class,
        id -> {
          try {
            return CellSpace.parse(id);
          } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
          }
        });
    cl.setExecutionExceptionHandler(
        (ex, cmd, parseResult) -> {
          if (ex instanceof CommandLine.ParameterException pe) {
            cmd.getErr().println("error: " + pe.getMessage());
            return USAGE;
          }
          String msg = ex.getMessage() == null ? ex.toString() : ex.getMessage();
          cmd.getErr().println("error: " + msg);
          if (Boolean.getBoolean("nasrank.debug")) {
            ex.printStackTrace(cmd.getErr());
          }
          return FAILURE;
        });
    return cl;
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return USAGE;
  }
}
