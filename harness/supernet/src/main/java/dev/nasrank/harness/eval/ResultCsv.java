package dev.nasrank.harness.eval;

import dev.nasrank.benchbridge.io.AtomicFiles;
import dev.nasrank.harness.report.CandidatesCsv;
import dev.nasrank.harness.space.S4Choice;
import dev.nasrank.harness.supernet.BnStrategy;
import dev.nasrank.harness.supernet.Method;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV files of one-shot results, written atomically ({@link AtomicFiles}). Accuracies are fractions in [0, 1].
 *
 * <p>Candidates: {@code method,bn_strategy,calibrated,seed,choice,active_paths,module_hash,one_shot_accuracy}.
 * Unique architectures: {@code method,bn_strategy,calibrated,seed,module_hash,n_choices,mean_one_shot_accuracy}.
 */
public final class ResultCsv {

  /** Header of the candidates file: the report's {@link CandidatesCsv#HEADER}, one definition. */
  public static final String[] CANDIDATE_HEADER = CandidatesCsv.HEADER.toArray(String[]::new);
  /** Header of the unique-architecture file. */
  public static final String[] ARCHITECTURE_HEADER = {"method", "bn_strategy", "calibrated", "seed", "module_hash",
      "n_choices", "mean_one_shot_accuracy"};

  private ResultCsv() {}

  /** Writes the candidates file atomically. */
  public static void writeCandidates(Path file, List<CandidateResult> rows) throws IOException {
    StringWriter w = new StringWriter();
    try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(CANDIDATE_HEADER).get())) {
      for (CandidateResult r : rows) {
        p.printRecord(r.method().cliName(), r.bnStrategy().cliName(), r.calibrated(), r.seed(), r.choice().id(),
            r.activePaths(), r.moduleHash(), r.oneShotAccuracy());
      }
    }
    AtomicFiles.writeString(file, w.toString());
  }

  /** Writes the unique-architecture file atomically. */
  public static void writeArchitectures(Path file, List<ArchitectureResult> rows) throws IOException {
    StringWriter w = new StringWriter();
    try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(ARCHITECTURE_HEADER).get())) {
      for (ArchitectureResult r : rows) {
        p.printRecord(r.method().cliName(), r.bnStrategy().cliName(), r.calibrated(), r.seed(), r.moduleHash(),
            r.nChoices(), r.meanOneShotAccuracy());
      }
    }
    AtomicFiles.writeString(file, w.toString());
  }

  /**
   * Reads a candidates file.
   *
   * @throws IOException naming the file and line of a malformed record
   */
  public static List<CandidateResult> readCandidates(Path file) throws IOException {
    List<CandidateResult> out = new ArrayList<>();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader(CANDIDATE_HEADER).setSkipHeaderRecord(true).get()
          .parse(r)) {
        try {
          out.add(new CandidateResult(Method.parse(rec.get("method")), BnStrategy.parse(rec.get("bn_strategy")),
              Boolean.parseBoolean(rec.get("calibrated")), Long.parseLong(rec.get("seed")),
              S4Choice.parse(rec.get("choice")), Integer.parseInt(rec.get("active_paths")), rec.get("module_hash"),
              Double.parseDouble(rec.get("one_shot_accuracy"))));
        } catch (IllegalArgumentException e) {
          throw new IOException(file + " line " + rec.getRecordNumber() + ": " + e.getMessage(), e);
        }
      }
    }
    return out;
  }
}
