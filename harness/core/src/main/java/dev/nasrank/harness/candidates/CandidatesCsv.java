package dev.nasrank.harness.candidates;

import dev.nasrank.benchbridge.ModelSpec;
import dev.nasrank.files.AtomicFiles;
import dev.nasrank.harness.space.Architecture;
import dev.nasrank.harness.space.S4Choice;
import dev.nasrank.harness.space.SearchSpace;
import dev.nasrank.harness.space.Spaces;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The one reader and writer of {@code candidates.csv}, a unit's file and a run's merged one. Reads
 * (header {@code method,bn_strategy,calibrated,seed,choice,active_paths,
 * module_hash,one_shot_accuracy}, optional extra columns {@code max_paths} and {@code space});
 * every error names the file, the line and the offending value. The {@code choice} must be a
 * candidate id of the row's space ({@link SearchSpace#parse}; {@value Spaces#DEFAULT} when the file
 * has no {@code space} column, as files written before it), its number of summed paths must be
 * {@code active_paths} and its NAS-Bench-101 cell must hash to {@code module_hash}; integers must
 * fit their type (no wrapping). Files are written with the {@code space} column last, so the rest
 * of each line reads as before it existed; a file of a NAS-Bench-101 cell space (any row outside
 * S4) adds {@value #ADJACENCY} and {@value #OPERATIONS} after it, the cell as NAS-Bench-101 stores
 * it in its records ({@link dev.nasrank.benchbridge.ModelSpec#parse}: a row-major '0'/'1' string of
 * V*V characters and V comma-joined operation names, so a reader recomputes {@code module_hash}
 * with NAS-Bench-101's own {@code ModelSpec}); a reader checks them against the cell of the row's
 * hash. S4 files never have them, so they are written byte for byte as before.
 */
public final class CandidatesCsv {
  /** The required columns, in the order the suite writes them. */
  public static final List<String> HEADER =
      List.of(
          "method",
          "bn_strategy",
          "calibrated",
          "seed",
          "choice",
          "active_paths",
          "module_hash",
          "one_shot_accuracy");

  /** Optional column: the supernet's maximum number of active paths m (default 4). */
  public static final String MAX_PATHS = "max_paths";

  /** Optional column: the search space's id (default {@value Spaces#DEFAULT}); written last. */
  public static final String SPACE = "space";

  /**
   * Column of cell-space files: the stored cell's adjacency, row-major '0'/'1' ({@code V*V}
   * characters, {@link dev.nasrank.benchbridge.ModelSpec#adjacencyString()}).
   */
  public static final String ADJACENCY = "adjacency";

  /**
   * Column of cell-space files: the stored cell's operations, NAS-Bench-101 names joined by ','
   * ({@link dev.nasrank.benchbridge.ModelSpec#operationsString()}; CSV-quoted).
   */
  public static final String OPERATIONS = "operations";

  private CandidatesCsv() {}

  /** Reads every row, streaming; rejects duplicate (setting, seed, max_paths, choice) rows. */
  public static List<Candidate> read(Path file) {
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.parse(in, format)) {
      List<String> header = parser.getHeaderNames();
      for (String col : HEADER) {
        if (!header.contains(col)) {
          throw new IllegalArgumentException(
              file + ": missing column '" + col + "' (header is " + header + ")");
        }
      }
      boolean hasMaxPaths = header.contains(MAX_PATHS);
      boolean hasSpace = header.contains(SPACE);
      boolean hasSpec = header.contains(ADJACENCY) && header.contains(OPERATIONS);
      Map<String, SearchSpace<?>> spaces = new HashMap<>();
      List<Candidate> rows = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      for (CSVRecord r : parser) {
        long line = parser.getCurrentLineNumber();
        Candidate c = parse(r, hasMaxPaths, hasSpace, hasSpec, spaces, file, line);
        String key = c.space() + "|" + c.runKey() + "|" + c.maxPaths() + "|" + c.choice();
        if (!seen.add(key)) {
          throw new IllegalArgumentException(
              file
                  + ":"
                  + line
                  + ": duplicate row for choice '"
                  + c.choice()
                  + "' of "
                  + c.setting().label()
                  + " seed "
                  + c.seed());
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

  /**
   * Whether a written file has the {@value #MAX_PATHS} column: a run's merged file does, a unit's
   * own file (one m) does not.
   */
  public enum Columns {
    /** A unit's file: the {@link #HEADER} columns, then {@value #SPACE}. */
    UNIT,
    /**
     * A run's merged file: the {@link #HEADER} columns, {@value #MAX_PATHS}, then {@value #SPACE}.
     */
    MERGED
  }

  /**
   * Writes rows atomically in the column order of {@link #HEADER}, plus {@value #MAX_PATHS} for a
   * {@link Columns#MERGED} file, then {@value #SPACE}, then (when a row is of a space other than
   * S4) {@value #ADJACENCY} and {@value #OPERATIONS}. Accuracies as Java's shortest round-trip
   * decimal.
   */
  public static void write(Path file, List<Candidate> rows, Columns columns) {
    boolean withMaxPaths = columns == Columns.MERGED;
    boolean withSpec = rows.stream().anyMatch(c -> !Spaces.isS4(c.space()));
    List<String> header = new ArrayList<>(HEADER);
    if (withMaxPaths) {
      header.add(MAX_PATHS);
    }
    header.add(SPACE);
    if (withSpec) {
      header.add(ADJACENCY);
      header.add(OPERATIONS);
    }
    Map<String, SearchSpace<?>> spaces = new HashMap<>();
    StringWriter w = new StringWriter();
    try (CSVPrinter p =
        new CSVPrinter(
            w, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get())) {
      for (Candidate c : rows) {
        p.print(c.method());
        p.print(c.bnStrategy());
        p.print(c.calibrated());
        p.print(c.seed());
        p.print(c.choice());
        p.print(c.activePaths());
        p.print(c.moduleHash());
        p.print(c.oneShotAccuracy());
        if (withMaxPaths) {
          p.print(c.maxPaths());
        }
        p.print(c.space());
        if (withSpec) {
          if (Spaces.isS4(c.space())) {
            p.print("");
            p.print("");
          } else {
            ModelSpec spec =
                spaces.computeIfAbsent(c.space(), Spaces::byId).parse(c.choice()).spec();
            p.print(spec.adjacencyString());
            p.print(spec.operationsString());
          }
        }
        p.println();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot format " + file + ": " + e.getMessage(), e);
    }
    AtomicFiles.writeString(file, w.toString());
  }

  private static Candidate parse(
      CSVRecord r,
      boolean hasMaxPaths,
      boolean hasSpace,
      boolean hasSpec,
      Map<String, SearchSpace<?>> spaces,
      Path file,
      long line) {
    if (!r.isConsistent()) {
      throw new IllegalArgumentException(
          file
              + ":"
              + line
              + ": expected "
              + r.getParser().getHeaderNames().size()
              + " fields, got "
              + r.size());
    }
    try {
      String cal = r.get("calibrated");
      if (!cal.equals("true") && !cal.equals("false")) {
        throw new IllegalArgumentException("calibrated must be true or false, got '" + cal + "'");
      }
      String spaceId = hasSpace ? r.get(SPACE) : Spaces.DEFAULT;
      SearchSpace<?> space = spaces.computeIfAbsent(spaceId, Spaces::byId);
      String choiceText = r.get("choice");
      Architecture choice;
      try {
        choice = space.parse(choiceText);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "choice '"
                + choiceText
                + "' is not a candidate of space "
                + space.id()
                + ": "
                + e.getMessage(),
            e);
      }
      int activePaths = parseInt("active_paths", r.get("active_paths"));
      if (activePaths != choice.activePaths()) {
        throw new IllegalArgumentException(
            "active_paths "
                + activePaths
                + " does not match choice '"
                + choiceText
                + "', which has "
                + choice.activePaths()
                + " active paths");
      }
      String hash = r.get("module_hash");
      String expected = choice.moduleHash();
      if (!expected.equals(hash)) {
        throw new IllegalArgumentException(
            "module_hash "
                + hash
                + " is not the hash of choice '"
                + choiceText
                + "' ("
                + expected
                + ")");
      }
      if (hasSpec && !(r.get(ADJACENCY).isEmpty() && r.get(OPERATIONS).isEmpty())) {
        ModelSpec stored = choice.spec();
        if (!stored.adjacencyString().equals(r.get(ADJACENCY))
            || !stored.operationsString().equals(r.get(OPERATIONS))) {
          throw new IllegalArgumentException(
              ADJACENCY
                  + " '"
                  + r.get(ADJACENCY)
                  + "' and "
                  + OPERATIONS
                  + " '"
                  + r.get(OPERATIONS)
                  + "' are not the stored cell of choice '"
                  + choiceText
                  + "' ("
                  + stored.adjacencyString()
                  + ", "
                  + stored.operationsString()
                  + ")");
        }
      }
      return new Candidate(
          r.get("method"),
          r.get("bn_strategy"),
          cal.equals("true"),
          parseLong("seed", r.get("seed")),
          choiceText,
          activePaths,
          hash,
          parseDouble("one_shot_accuracy", r.get("one_shot_accuracy")),
          hasMaxPaths ? parseInt(MAX_PATHS, r.get(MAX_PATHS)) : S4Choice.NODES,
          space.id());
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

  private static int parseInt(String col, String v) {
    long x = parseLong(col, v);
    if (x < Integer.MIN_VALUE || x > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(col + " " + v.trim() + " is out of range");
    }
    return (int) x;
  }

  private static double parseDouble(String col, String v) {
    try {
      return Double.parseDouble(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(col + " must be a number, got '" + v + "'");
    }
  }
}
