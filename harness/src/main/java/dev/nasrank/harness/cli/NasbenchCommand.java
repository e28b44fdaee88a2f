package dev.nasrank.harness.cli;

import dev.nasrank.benchbridge.NasBench;
import dev.nasrank.benchbridge.NasBenchCache;
import dev.nasrank.benchbridge.SearchSpace;
import dev.nasrank.benchbridge.io.CsvExport;
import dev.nasrank.benchbridge.io.HashLines;
import dev.nasrank.benchbridge.io.LoadReport;
import dev.nasrank.benchbridge.io.NasbenchLoader;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
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
      "NAS-Bench-101 tools: graph hashes, file info, CSV export, the enumerated space, binary cache.",
      "FILE arguments accept a TFRecord (nasbench_only108.tfrecord, nasbench_full.tfrecord or a project-made one)",
      "or a cache made by `nasbench cache`; the kind is detected from the content."
    },
    subcommands = {
      NasbenchCommand.Hash.class,
      NasbenchCommand.Info.class,
      NasbenchCommand.ExportCsv.class,
      NasbenchCommand.Enumerate.class,
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
  private static void reportSkips(LoadReport report, boolean skipCorrupt, PrintWriter err) {
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
  static final class Info implements Callable<Integer> {
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

    @Mixin CacheFallbackOption cacheFallback;

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
      reportSkips(nb.loadReport(), false, err);
      err.flush();
      out.println("file: " + file);
      out.printf("records: %d%n", nb.records());
      out.printf("unique hashes: %d%n", nb.size());
      int[] budgets = nb.epochBudgets();
      out.println(
          "epoch budgets: "
              + Arrays.stream(budgets)
                  .mapToObj(Integer::toString)
                  .collect(Collectors.joining(", ")));
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

  /** {@code nasbench export-csv FILE --out OUT.csv}. */
  @Command(
      name = "export-csv",
      mixinStandardHelpOptions = true,
      description = {
        "Writes one CSV row per record (run): module_hash, epochs, repeat, trainable_parameters,",
        "halfway_/final_ training_time, train/validation/test accuracy (fractions, exact Double.toString),",
        "adjacency ('0'/'1' string), operations (comma-joined, quoted). Rows are sorted by hash, epochs, repeat.",
        "The file is written to a temporary file and renamed, so a failure leaves nothing behind."
      })
  static final class ExportCsv implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "TFRecord or cache file")
    Path file;

    @Option(
        names = "--out",
        required = true,
        paramLabel = "OUT.csv",
        description = "CSV file to write")
    Path out;

    @Option(
        names = "--skip-corrupt",
        negatable = true,
        defaultValue = "false",
        description = "Skip corrupt records instead of failing (default: ${DEFAULT-VALUE}).")
    boolean skipCorrupt;

    @Mixin CacheFallbackOption cacheFallback;

    @Mixin ProgressOption progressOption;

    @Override
    public Integer call() throws Exception {
      PrintWriter err = spec.commandLine().getErr();
      NasBench nb = load(file, skipCorrupt, cacheFallback.enabled, 2, err);
      long rows;
      if (progressOption.enabled()) {
        try (ProgressBar pb = bar("export-csv", nb.records())) {
          rows = CsvExport.records(nb, out, pb::stepTo);
        }
      } else {
        rows = CsvExport.records(nb, out, n -> {});
      }
      spec.commandLine().getOut().printf("wrote %d rows to %s%n", rows, out);
      spec.commandLine().getOut().flush();
      return Main.OK;
    }
  }

  /** {@code nasbench enumerate --out OUT.csv}. */
  @Command(
      name = "enumerate",
      mixinStandardHelpOptions = true,
      description = {
        "Enumerates the whole NAS-Bench-101 space (1,293,208 labelled graphs, 423,624 unique hashes)",
        "and writes module_hash, adjacency, operations, one row per unique cell, sorted by hash."
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
      SearchSpace space;
      if (progressOption.enabled()) {
        try (ProgressBar pb = bar("enumerate", SearchSpace.CANDIDATES)) {
          space = SearchSpace.enumerate(threads, pb::stepTo);
        }
      } else {
        space = SearchSpace.enumerate(threads);
      }
      long rows = CsvExport.space(space, out);
      spec.commandLine()
          .getOut()
          .printf(
              "wrote %d unique cells (from %d candidates) to %s%n", rows, space.candidates(), out);
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

  private static ProgressBar bar(String task, long max) {
    return new ProgressBarBuilder()
        .setTaskName(task)
        .setInitialMax(max)
        .setConsumer(new ConsoleProgressBarConsumer(System.err))
        .build();
  }
}
