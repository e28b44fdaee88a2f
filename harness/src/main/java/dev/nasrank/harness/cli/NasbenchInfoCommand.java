package dev.nasrank.harness.cli;

import dev.nasrank.benchbridge.NasBench;
import dev.nasrank.benchbridge.NasBenchCache;
import dev.nasrank.benchbridge.io.NasbenchLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nasbench info FILE}. */
@Command(
    name = "info",
    mixinStandardHelpOptions = true,
    description = {
      "Prints record count, unique hashes, epoch budgets and repeats of a NAS-Bench-101 file.",
      "Every record's length and data checksums and every value's domain are verified; a corrupt file exits 1",
      "with the file, record index, byte offset and what is wrong, unless --skip-corrupt is given (then the",
      "skipped records are counted per kind of damage). A file with no readable record exits 1."
    })
final class NasbenchInfoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "TFRecord or cache file")
  Path file;

  @Option(
      names = "--skip-corrupt",
      negatable = true,
      defaultValue = "false",
      description =
          "Skip and count corrupt records instead of failing (default: ${DEFAULT-VALUE}).")
  boolean skipCorrupt;

  @Option(
      names = "--threads",
      defaultValue = "2",
      description = "Decoding threads (default: ${DEFAULT-VALUE}).")
  int threads;

  @Mixin NasbenchCommand.CacheFallbackOption cacheFallback;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<String> warnings = new ArrayList<>();
    NasBench nb =
        NasBench.open(
            file,
            new NasbenchLoader.Options(threads, skipCorrupt),
            cacheFallback.enabled,
            warnings::add);
    warnings.forEach(w -> err.println("warning: " + w));
    if (!warnings.isEmpty()) {
      out.println("format: TFRecord the refused cache was built from, checksums verified");
    } else if (NasBenchCache.isCache(file)) {
      out.println(
          "format: binary cache (version "
              + NasBenchCache.VERSION
              + ", content checksum verified, "
              + "source SHA-256 "
              + NasBenchCache.header(file).sourceSha256()
              + ")");
    } else {
      out.println("format: TFRecord, checksums verified");
    }
    NasbenchCommand.reportSkips(nb.loadReport(), false, err);
    err.flush();
    out.println("file: " + file);
    out.printf("records: %d%n", nb.records());
    out.printf("unique hashes: %d%n", nb.size());
    int[] budgets = nb.epochBudgets();
    out.println(
        "epoch budgets: "
            + Arrays.stream(budgets).mapToObj(Integer::toString).collect(Collectors.joining(", ")));
    for (int e = 0; e < budgets.length; e++) {
      out.println(
          "repeats at "
              + budgets[e]
              + " epochs: "
              + nb.repeatHistogram(e).entrySet().stream()
                  .map(
                      (Map.Entry<Integer, Integer> x) ->
                          x.getKey() + " x " + x.getValue() + " cells")
                  .collect(Collectors.joining(", ")));
    }
    if (skipCorrupt) {
      out.println("skipped corrupt records: " + nb.loadReport().describeSkipped());
    }
    out.flush();
    return Main.OK;
  }
}
