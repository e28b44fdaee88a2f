package dev.nasrank.harness.cli;

import dev.nasrank.benchbridge.CsvExport;
import dev.nasrank.benchbridge.NasBench;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nasbench export-csv FILE --out OUT.csv}. */
@Command(
    name = "export-csv",
    mixinStandardHelpOptions = true,
    description = {
      "Writes one CSV row per record (run): module_hash, epochs, repeat, trainable_parameters,",
      "halfway_/final_ training_time, train/validation/test accuracy (fractions, exact Double.toString),",
      "adjacency ('0'/'1' string), operations (comma-joined, quoted), flops (computed:",
      "FLOPs of the cell's NAS-Bench-101 network, C = 128, 3 stacks x 3 cells, 32x32",
      "input, counted as NASLib's zero-cost file counts them). Rows are sorted by hash,",
      "epochs, repeat. A warning says when the file's trainable_parameters are not",
      "those of that network (a file trained at another network shape).",
      "The file is written to a temporary file and renamed, so a failure leaves nothing behind."
    })
final class NasbenchExportCsvCommand implements Callable<Integer> {
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

  @Mixin NasbenchCommand.CacheFallbackOption cacheFallback;

  @Mixin ProgressOption progressOption;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    NasBench nb = NasbenchCommand.load(file, skipCorrupt, cacheFallback.enabled, 2, err);
    long rows;
    if (progressOption.enabled()) {
      try (ProgressBar pb = NasbenchCommand.bar("export-csv", nb.records())) {
        rows = CsvExport.records(nb, out, pb::stepTo);
      }
    } else {
      rows = CsvExport.records(nb, out, n -> {});
    }
    int other = CsvExport.cellsWithOtherParameters(nb);
    if (other > 0) {
      err.printf(
          "warning: %d of %d cells of %s record trainable_parameters other than their NAS-Bench-101"
              + " network's (C = 128, 3 x 3 cells): the flops column is that network's, not the"
              + " one these records were trained with%n",
          other, nb.size(), file);
      err.flush();
    }
    spec.commandLine().getOut().printf("wrote %d rows to %s%n", rows, out);
    spec.commandLine().getOut().flush();
    return Main.OK;
  }
}
