package dev.nasrank.harness.cli;

import dev.nasrank.benchbridge.CellSpace;
import dev.nasrank.benchbridge.CsvExport;
import dev.nasrank.benchbridge.NasBench;
import dev.nasrank.benchbridge.NasBenchCache;
import dev.nasrank.benchbridge.SearchSpace;
import dev.nasrank.benchbridge.io.HashLines;
import dev.nasrank.benchbridge.io.LoadReport;
import dev.nasrank.benchbridge.io.NasbenchLoader;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code harness nasbench ...}: NAS-Bench-101 files without TensorFlow (thin wrappers over
 * benchbridge).
 */
@Command(
    name = "nasbench",
    mixinStandardHelpOptions = true,
    description = {
      "NAS-Bench-101 tools: graph hashes, file info, CSV export, the enumerated space and its subspaces,",
      "binary cache.",
      "FILE arguments accept a TFRecord (nasbench_only108.tfrecord, nasbench_full.tfrecord or a project-made one)",
      "or a cache made by `nasbench cache`; the kind is detected from the content."
    },
    subcommands = {
      NasbenchCommand.Hash.class,
      NasbenchInfoCommand.class,
      NasbenchExportCsvCommand.class,
      NasbenchCommand.Enumerate.class,
      NasbenchSpacesCommand.class,
      NasbenchCommand.Cache.class
    })
public final class NasbenchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return Main.USAGE;
  }

  static NasBench load(
      Path file, boolean skipCorrupt, boolean cacheFallback, int threads, PrintWriter err)
      throws Exception {
    long t0 = System.nanoTime();
    NasBench nb =
        NasBench.open(
            file,
            new NasbenchLoader.Options(threads, skipCorrupt),
            cacheFallback,
            w -> err.println("warning: " + w));
    err.printf(
        "loaded %s: %,d records of %,d cells in %.2f s%n",
        file, nb.records(), nb.size(), (System.nanoTime() - t0) / 1e9);
    reportSkips(nb.loadReport(), skipCorrupt, err);
    err.flush();
    return nb;
  }

  /** Prints the problems a skip-corrupt load skipped, and their count per kind. */
  static void reportSkips(LoadReport report, boolean skipCorrupt, PrintWriter err) {
    for (String p : report.problems()) {
      err.println("skipped: " + p);
    }
    if (report.skippedRecords() > report.problems().size()) {
      err.printf("skipped: ... %,d more%n", report.skippedRecords() - report.problems().size());
    }
    if (skipCorrupt && report.skippedRecords() > 0) {
      err.println("skipped corrupt records: " + report.describeSkipped());
    }
  }

  /** The shared {@code --cache-fallback} option. */
  static final class CacheFallbackOption {
    @Option(
        names = "--cache-fallback",
        negatable = true,
        defaultValue = "false",
        description = {
          "When FILE is a cache that is refused (damaged, truncated, another version), read the",
          "TFRecord it was built from instead: the file of the recorded name beside the cache, used only if its",
          "size and SHA-256 match the cache header (default: ${DEFAULT-VALUE})."
        })
    boolean enabled;
  }

  /** {@code nasbench hash}. */
  @Command(
      name = "hash",
      mixinStandardHelpOptions = true,
      description = {
        "Hashes cells read as JSON lines from standard input, e.g.",
        "  {\"matrix\": [[0,1,1],[0,0,1],[0,0,0]], \"ops\": [\"input\", \"conv3x3-bn-relu\", \"output\"]}",
        "Prints one line per non-blank input line: the 32-hex NAS-Bench-101 module hash of the pruned cell,",
        "`invalid` when the input cannot reach the output, or `error: <reason>` for malformed or",
        "out-of-domain input (and keeps going). Exit code 0 even when some lines are errors."
      })
  static final class Hash implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      HashLines.run(in, out);
      return Main.OK;
    }
  }

  /** {@code nasbench enumerate [--space ID] --out OUT.csv}. */
  @Command(
      name = "enumerate",
      mixinStandardHelpOptions = true,
      description = {
        "Enumerates a cell space completely (default: the whole NAS-Bench-101 space,",
        "1,293,208 labelled graphs, 423,624 unique hashes; `nasbench spaces` lists the",
        "others) and writes one row per unique cell, sorted by hash: module_hash,",
        "adjacency, operations (the cell NAS-Bench-101 stores for the hash), and the",
        "trainable_parameters and flops of its NAS-Bench-101 network (C = 128, 3 stacks",
        "x 3 cells, 32x32 input; FLOPs counted as NASLib's zero-cost file counts them,",
        "see docs/benchbridge.md)."
      })
  static final class Enumerate implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--out",
        required = true,
        paramLabel = "OUT.csv",
        description = "CSV file to write")
    Path out;

    @Option(
        names = "--space",
        paramLabel = "ID",
        defaultValue = "nb101",
        description = {
          "Cell space: nb101, nb101-v4, nb101-v5, nb101-v6, 1shot1-ss1, 1shot1-ss2 or 1shot1-ss3",
          "(default: ${DEFAULT-VALUE})."
        })
    CellSpace space;

    @Option(
        names = "--threads",
        defaultValue = "2",
        description = "Hashing threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Mixin ProgressOption progressOption;

    @Override
    public Integer call() throws Exception {
      if (threads < 1) {
        throw new picocli.CommandLine.ParameterException(
            spec.commandLine(), "--threads must be at least 1");
      }
      SearchSpace cells;
      if (space == CellSpace.NB101 && progressOption.enabled()) {
        try (ProgressBar pb = bar("enumerate", SearchSpace.CANDIDATES)) {
          cells = SearchSpace.enumerate(threads, pb::stepTo);
        }
      } else {
        cells = space.enumerate(threads);
      }
      long rows = CsvExport.space(cells, out);
      spec.commandLine()
          .getOut()
          .printf(
              "wrote %d unique cells of %s (from %d candidates) to %s%n",
              rows, space.id(), cells.candidates(), out);
      spec.commandLine().getOut().flush();
      return Main.OK;
    }
  }

  /** {@code nasbench cache FILE --out CACHE}. */
  @Command(
      name = "cache",
      mixinStandardHelpOptions = true,
      description = {
        "Builds a binary cache of a NAS-Bench-101 TFRecord: the columns as raw arrays, loading in a",
        "fraction of a second. It records the source's SHA-256, a format version and a checksum of its content;",
        "a damaged cache, or one of another version, is refused with a message (see --cache-fallback).",
        "Every FILE argument accepts the cache."
      })
  static final class Cache implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "TFRecord file")
    Path file;

    @Option(
        names = "--out",
        required = true,
        paramLabel = "CACHE",
        description = "cache file to write")
    Path out;

    @Override
    public Integer call() throws Exception {
      if (NasBenchCache.isCache(file)) {
        throw new IllegalArgumentException(
            file + " is already a cache; give the TFRecord it was built from");
      }
      NasBench nb = load(file, false, false, 2, spec.commandLine().getErr());
      NasBenchCache.write(nb, file, out);
      spec.commandLine()
          .getOut()
          .printf("wrote cache of %d records, %d cells to %s%n", nb.records(), nb.size(), out);
      spec.commandLine().getOut().flush();
      return Main.OK;
    }
  }

  static ProgressBar bar(String task, long max) {
    return new ProgressBarBuilder()
        .setTaskName(task)
        .setInitialMax(max)
        .setConsumer(new ConsoleProgressBarConsumer(System.err))
        .build();
  }
}
