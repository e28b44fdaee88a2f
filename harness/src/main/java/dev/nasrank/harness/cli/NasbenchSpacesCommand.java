package dev.nasrank.harness.cli;

import dev.nasrank.benchbridge.CellSpace;
import dev.nasrank.benchbridge.GroundTruthSource;
import dev.nasrank.benchbridge.NasBench;
import dev.nasrank.benchbridge.SearchSpace;
import dev.nasrank.benchbridge.io.PartialDump;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nasbench spaces [FILE] [--space ID]...}. */
@Command(
    name = "spaces",
    mixinStandardHelpOptions = true,
    description = {
      "Enumerates the cell spaces (all, or those given with --space) and prints, per",
      "space, its unique cells, the configurations of its definition, the enumeration",
      "time and what it is. With FILE (a NAS-Bench-101 TFRecord, a cache, or a JSON",
      "dump: nasbench-vis 1k/20k or NASLib's zero-cost file), also how many of the",
      "file's cells lie in each space. The whole space (nb101) takes about 11 s on 2",
      "threads, each other space a few seconds at most."
    })
final class NasbenchSpacesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "FILE",
      arity = "0..1",
      description = "Ground-truth file whose cells to count in each space (optional).")
  Path file;

  @Option(
      names = "--space",
      paramLabel = "ID",
      description = "A space to list (repeatable; default: every space).")
  List<CellSpace> spaces;

  @Option(
      names = "--threads",
      defaultValue = "2",
      description = "Hashing threads (default: ${DEFAULT-VALUE}).")
  int threads;

  @Override
  public Integer call() throws Exception {
    if (threads < 1) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--threads must be at least 1");
    }
    PrintWriter out = spec.commandLine().getOut();
    GroundTruthSource source = file == null ? null : open(file);
    if (source != null) {
      out.printf(Locale.ROOT, "file: %s (%,d cells)%n", file, source.size());
    }
    out.printf(
        Locale.ROOT,
        "%-11s %12s %15s %9s%s  %s%n",
        "space",
        "unique cells",
        "configurations",
        "seconds",
        source == null ? "" : String.format(Locale.ROOT, " %16s", "cells of FILE"),
        "definition");
    for (CellSpace s : spaces == null ? CellSpace.all() : spaces) {
      long t0 = System.nanoTime();
      SearchSpace cells = s.enumerate(threads);
      double seconds = (System.nanoTime() - t0) / 1e9;
      String inFile = "";
      if (source != null) {
        long n = source.hashes().filter(cells::contains).count();
        inFile = String.format(Locale.ROOT, " %16s", String.format(Locale.ROOT, "%,d", n));
      }
      out.printf(
          Locale.ROOT,
          "%-11s %,12d %,15d %9.2f%s  %s%n",
          s.id(),
          cells.size(),
          s.configurations(),
          seconds,
          inFile,
          s.description());
      out.flush();
    }
    return Main.OK;
  }

  /** The file's cells: a JSON partial dump (hashes only needed) or a TFRecord / cache. */
  private static GroundTruthSource open(Path file) throws Exception {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no such file: " + file);
    }
    if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
      return PartialDump.open(file, null);
    }
    return NasBench.open(file);
  }
}
