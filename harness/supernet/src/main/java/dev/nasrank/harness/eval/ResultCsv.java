package dev.nasrank.harness.eval;

import dev.nasrank.files.AtomicFiles;
import dev.nasrank.harness.candidates.CandidatesCsv;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV files of one-shot results, written atomically ({@link AtomicFiles}). Accuracies are fractions
 * in [0, 1].
 *
 * <p>Candidates: {@code
 * method,bn_strategy,calibrated,seed,choice,active_paths,module_hash,one_shot_accuracy}, written by
 * {@link CandidatesCsv} (and read back with it). Unique architectures: {@code
 * method,bn_strategy,calibrated,seed,module_hash,n_choices,mean_one_shot_accuracy}.
 */
public final class ResultCsv {

  /** Header of the unique-architecture file. */
  public static final String[] ARCHITECTURE_HEADER = {
    "method",
    "bn_strategy",
    "calibrated",
    "seed",
    "module_hash",
    "n_choices",
    "mean_one_shot_accuracy"
  };

  private ResultCsv() {}

  /**
   * Writes a unit's candidates file atomically, through the one writer ({@link
   * CandidatesCsv#write}).
   */
  public static void writeCandidates(Path file, List<CandidateResult> rows) {
    CandidatesCsv.write(
        file, rows.stream().map(CandidateResult::toCandidate).toList(), CandidatesCsv.Columns.UNIT);
  }

  /** Writes the unique-architecture file atomically. */
  public static void writeArchitectures(Path file, List<ArchitectureResult> rows)
      throws IOException {
    StringWriter w = new StringWriter();
    try (CSVPrinter p =
        new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(ARCHITECTURE_HEADER).get())) {
      for (ArchitectureResult r : rows) {
        p.printRecord(
            r.method().cliName(),
            r.bnStrategy().cliName(),
            r.calibrated(),
            r.seed(),
            r.moduleHash(),
            r.nChoices(),
            r.meanOneShotAccuracy());
      }
    }
    AtomicFiles.writeString(file, w.toString());
  }
}
