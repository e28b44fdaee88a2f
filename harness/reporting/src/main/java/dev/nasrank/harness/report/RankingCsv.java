package dev.nasrank.harness.report;

import dev.nasrank.files.AtomicFiles;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Writes and reads {@code ranking.csv}. Header, exactly: {@value #HEADER}. Numbers are written with
 * 6 decimals; an undefined value is written as {@code NaN}.
 */
public final class RankingCsv {
  /** The exact header line. */
  public static final String HEADER =
      "method,bn_strategy,calibrated,seed,n,kendall_tau,kendall_tau_low,kendall_tau_high,spearman,noise_ceiling";

  private RankingCsv() {}

  /** The CSV text of the rows, header first. */
  public static String format(List<RankingRow> rows) {
    StringBuilder sb = new StringBuilder(HEADER).append('\n');
    for (RankingRow r : rows) {
      sb.append(r.method())
          .append(',')
          .append(r.bnStrategy())
          .append(',')
          .append(r.calibrated())
          .append(',')
          .append(r.seed())
          .append(',')
          .append(r.n())
          .append(',')
          .append(num(r.kendallTau()))
          .append(',')
          .append(num(r.kendallTauLow()))
          .append(',')
          .append(num(r.kendallTauHigh()))
          .append(',')
          .append(num(r.spearman()))
          .append(',')
          .append(num(r.noiseCeiling()))
          .append('\n');
    }
    return sb.toString();
  }

  /** Writes the rows atomically. */
  public static void write(Path file, List<RankingRow> rows) {
    AtomicFiles.writeString(file, format(rows));
  }

  /** A number with 6 decimals (locale-independent), or {@code NaN}. */
  public static String num(double v) {
    return Double.isNaN(v) ? "NaN" : String.format(Locale.ROOT, "%.6f", v);
  }

  /** Reads a ranking.csv; the header must match exactly; errors name file, line and value. */
  public static List<RankingRow> read(Path file) {
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.parse(in, format)) {
      String header = String.join(",", parser.getHeaderNames());
      if (!header.equals(HEADER)) {
        throw new IllegalArgumentException(
            file + ": header must be '" + HEADER + "', got '" + header + "'");
      }
      List<RankingRow> rows = new ArrayList<>();
      for (CSVRecord r : parser) {
        long line = parser.getCurrentLineNumber();
        try {
          String cal = r.get("calibrated");
          if (!cal.equals("true") && !cal.equals("false")) {
            throw new IllegalArgumentException(
                "calibrated must be true or false, got '" + cal + "'");
          }
          rows.add(
              new RankingRow(
                  r.get("method"),
                  r.get("bn_strategy"),
                  Boolean.parseBoolean(cal),
                  Long.parseLong(r.get("seed")),
                  Integer.parseInt(r.get("n")),
                  dbl(r, "kendall_tau"),
                  dbl(r, "kendall_tau_low"),
                  dbl(r, "kendall_tau_high"),
                  dbl(r, "spearman"),
                  dbl(r, "noise_ceiling")));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(file + ":" + line + ": " + e.getMessage(), e);
        }
      }
      return rows;
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(
          "missing file " + file + " (run `harness report --run DIR` first)", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static double dbl(CSVRecord r, String col) {
    String v = r.get(col).trim();
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(col + " must be a number or NaN, got '" + v + "'");
    }
  }
}
