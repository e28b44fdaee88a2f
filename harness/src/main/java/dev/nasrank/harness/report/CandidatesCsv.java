package dev.nasrank.harness.report;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a run's {@code candidates.csv} (header {@code method,bn_strategy,calibrated,seed,choice,active_paths,
 * module_hash,one_shot_accuracy}, optional extra column {@code max_paths}); every error names the file,
 * the line and the offending value.
 */
public final class CandidatesCsv {
  /** The required columns, in the order the suite writes them. */
  public static final List<String> HEADER = List.of("method", "bn_strategy", "calibrated", "seed", "choice",
      "active_paths", "module_hash", "one_shot_accuracy");
  /** Optional column: the supernet's maximum number of active paths m (default 4). */
  public static final String MAX_PATHS = "max_paths";

  private CandidatesCsv() {}

  /** Reads every row, streaming; rejects duplicate (setting, seed, max_paths, choice) rows. */
  public static List<Candidate> read(Path file) {
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.parse(in, format)) {
      List<String> header = parser.getHeaderNames();
      for (String col : HEADER) {
        if (!header.contains(col)) {
          throw new IllegalArgumentException(file + ": missing column '" + col + "' (header is " + header + ")");
        }
      }
      boolean hasMaxPaths = header.contains(MAX_PATHS);
      List<Candidate> rows = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      for (CSVRecord r : parser) {
        long line = parser.getCurrentLineNumber();
        Candidate c = parse(r, hasMaxPaths, file, line);
        String key = c.runKey() + "|" + c.maxPaths() + "|" + c.choice();
        if (!seen.add(key)) {
          throw new IllegalArgumentException(file + ":" + line + ": duplicate row for choice '" + c.choice()
              + "' of " + c.setting().label() + " seed " + c.seed());
        }
        rows.add(c);
      }
      if (rows.isEmpty()) {
        throw new IllegalArgumentException(file + ": no candidate rows");
      }
      return rows;
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("missing file " + file, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static Candidate parse(CSVRecord r, boolean hasMaxPaths, Path file, long line) {
    if (!r.isConsistent()) {
      throw new IllegalArgumentException(file + ":" + line + ": expected " + r.getParser().getHeaderNames().size()
          + " fields, got " + r.size());
    }
    try {
      String cal = r.get("calibrated");
      if (!cal.equals("true") && !cal.equals("false")) {
        throw new IllegalArgumentException("calibrated must be true or false, got '" + cal + "'");
      }
      return new Candidate(r.get("method"), r.get("bn_strategy"), cal.equals("true"),
          parseLong("seed", r.get("seed")), r.get("choice"), (int) parseLong("active_paths", r.get("active_paths")),
          r.get("module_hash"), parseDouble("one_shot_accuracy", r.get("one_shot_accuracy")),
          hasMaxPaths ? (int) parseLong(MAX_PATHS, r.get(MAX_PATHS)) : 4);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ":" + line + ": " + e.getMessage(), e);
    }
  }

  private static long parseLong(String col, String v) {
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(col + " must be an integer, got '" + v + "'");
    }
  }

  private static double parseDouble(String col, String v) {
    try {
      return Double.parseDouble(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(col + " must be a number, got '" + v + "'");
    }
  }
}
