package dev.nasrank.benchbridge;

import dev.nasrank.benchbridge.io.RecordColumns;
import dev.nasrank.files.AtomicFiles;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.LongConsumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV exports (commons-csv, RFC 4180): one row per run of a {@link NasBench}, or one row per cell
 * of a {@link SearchSpace}. Doubles are written with {@link Double#toString} so they parse back to
 * the same value; adjacency is the '0'/'1' string, operations are comma-joined in one quoted field.
 * {@code flops} (and, for a space, {@code trainable_parameters}) are computed by {@link
 * NetworkCost} for the cell's NAS-Bench-101 network (C = 128, 3 stacks x 3 cells, 32x32 input),
 * whatever network a file's records were trained with. Files are written to a temporary file beside
 * the target and renamed, so a failed export leaves nothing behind.
 */
public final class CsvExport {
  /** Header of {@link #records}. */
  public static final String[] RECORD_HEADER = {
    "module_hash",
    "epochs",
    "repeat",
    "trainable_parameters",
    "halfway_training_time",
    "halfway_train_accuracy",
    "halfway_validation_accuracy",
    "halfway_test_accuracy",
    "final_training_time",
    "final_train_accuracy",
    "final_validation_accuracy",
    "final_test_accuracy",
    "adjacency",
    "operations",
    "flops"
  };

  /** Header of {@link #space}. */
  public static final String[] SPACE_HEADER = {
    "module_hash", "adjacency", "operations", "trainable_parameters", "flops"
  };

  private CsvExport() {}

  /** A writer function that may fail. */
  private interface Body {
    void write(CSVPrinter out) throws IOException;
  }

  /**
   * Cells of {@code nb} whose recorded trainable parameters differ from their NAS-Bench-101
   * network's ({@link NetworkCost}): a file trained at another shape, whose {@code flops} column
   * then describes NAS-Bench-101's network, not the one the records were trained with.
   */
  public static int cellsWithOtherParameters(NasBench nb) {
    int other = 0;
    for (int i = 0; i < nb.size(); i++) {
      if (NetworkCost.of(nb.specAt(i)).parameters() != nb.trainableParametersAt(i)) {
        other++;
      }
    }
    return other;
  }

  /**
   * Writes every run (hash ascending, then budget, then repeat) of {@code nb} to {@code target}.
   *
   * @param progress receives the number of rows written so far (every 10,000 rows and at the end)
   * @return rows written
   */
  public static long records(NasBench nb, Path target, LongConsumer progress) throws IOException {
    long[] rows = {0};
    int[] budgets = nb.epochBudgets();
    atomically(
        target,
        RECORD_HEADER,
        out -> {
          Object[] row = new Object[RECORD_HEADER.length];
          for (int i = 0; i < nb.size(); i++) {
            String hash = nb.hashAt(i);
            ModelSpec spec = nb.specAt(i);
            String adj = spec.adjacencyString();
            String ops = spec.operationsString();
            String params = Integer.toString(nb.trainableParametersAt(i));
            String flops = Long.toString(NetworkCost.of(spec).flops());
            for (int e = 0; e < budgets.length; e++) {
              for (int r = 0; r < nb.repeatsAt(i, e); r++) {
                int at = nb.rowAt(i, e, r);
                row[0] = hash;
                row[1] = Integer.toString(budgets[e]);
                row[2] = Integer.toString(r);
                row[3] = params;
                for (int k = 0; k < 4; k++) {
                  row[4 + k] = Double.toString(nb.valueAt(RecordColumns.HALF_TIME + k, at));
                  row[8 + k] = Double.toString(nb.valueAt(RecordColumns.FINAL_TIME + k, at));
                }
                row[12] = adj;
                row[13] = ops;
                row[14] = flops;
                out.printRecord(row);
                if (++rows[0] % 10_000 == 0) {
                  progress.accept(rows[0]);
                }
              }
            }
          }
        });
    progress.accept(rows[0]);
    return rows[0];
  }

  /**
   * Writes one row per unique cell of the space (hash ascending): hash, the stored cell, and the
   * trainable parameters and FLOPs of its NAS-Bench-101 network.
   */
  public static long space(SearchSpace space, Path target) throws IOException {
    atomically(
        target,
        SPACE_HEADER,
        out -> {
          for (int i = 0; i < space.size(); i++) {
            ModelSpec s = space.specAt(i);
            NetworkCost cost = NetworkCost.of(s);
            out.printRecord(
                space.hashAt(i),
                s.adjacencyString(),
                s.operationsString(),
                Long.toString(cost.parameters()),
                Long.toString(cost.flops()));
          }
        });
    return space.size();
  }

  private static void atomically(Path target, String[] header, Body body) throws IOException {
    AtomicFiles.write(
        target,
        out -> {
          Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
          CSVPrinter printer =
              new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(header).build());
          body.write(printer);
          printer.flush();
        });
  }
}
