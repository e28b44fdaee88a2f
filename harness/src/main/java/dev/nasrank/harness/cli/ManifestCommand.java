package dev.nasrank.harness.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nasrank.harness.manifest.ManifestDiff;
import dev.nasrank.harness.manifest.ManifestIo;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code harness manifest}: run-manifest tools. */
@Command(
    name = "manifest",
    mixinStandardHelpOptions = true,
    description = "Tools for run manifests (run.json).",
    subcommands = {ManifestCommand.Diff.class})
final class ManifestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return Main.USAGE;
  }

  /** {@code harness manifest diff A B}. */
  @Command(
      name = "diff",
      mixinStandardHelpOptions = true,
      description = {
        "Prints the fields that differ between two run manifests, as dotted paths (seeds.supernet, "
            + "environment.javaVersion, configuration.profile.optimizer.lr, list[2]) with both values; A and B are run.json "
            + "files or run directories. The first line says whether the two were configured alike "
            + "(configurationSha256: the configuration without seeds and ground-truth file).",
        "Exit codes: 0 (also when they differ, unless --fail-on-diff or --fail-on-config-diff), 1 unreadable "
            + "file or a difference those options fail on, 2 usage."
      })
  static final class Diff implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A", description = "First run.json or run directory.")
    Path a;

    @Parameters(index = "1", paramLabel = "B", description = "Second run.json or run directory.")
    Path b;

    @Option(
        names = "--ignore",
        paramLabel = "PATH",
        split = ",",
        description = "Field paths (prefixes) to leave out, e.g. created,timingsSeconds.")
    List<String> ignore = List.of();

    @Option(
        names = "--fail-on-diff",
        negatable = true,
        defaultValue = "false",
        fallbackValue = "true",
        description = "Exit 1 when any field differs (default: ${DEFAULT-VALUE}).")
    boolean failOnDiff;

    @Option(
        names = "--fail-on-config-diff",
        negatable = true,
        defaultValue = "false",
        fallbackValue = "true",
        description = "Exit 1 when the configuration hashes differ (default: ${DEFAULT-VALUE}).")
    boolean failOnConfigDiff;

    @Override
    public Integer call() {
      JsonNode left = ManifestIo.read(resolve(a));
      JsonNode right = ManifestIo.read(resolve(b));
      List<ManifestDiff.Difference> diffs =
          ManifestDiff.create().withIgnored(ignore).diff(left, right);
      PrintWriter out = spec.commandLine().getOut();
      ManifestDiff.Verdict config = ManifestDiff.configuration(left, right);
      out.println(config.line());
      diffs.forEach(out::println);
      if (diffs.isEmpty()) {
        out.println("no differences");
      }
      out.flush();
      boolean fail =
          failOnDiff && !diffs.isEmpty()
              || failOnConfigDiff
                  && config.left() != null
                  && config.right() != null
                  && !config.same();
      return fail ? Main.FAILURE : Main.OK;
    }

    private static Path resolve(Path p) {
      return Files.isDirectory(p) ? p.resolve("run.json") : p;
    }
  }
}
