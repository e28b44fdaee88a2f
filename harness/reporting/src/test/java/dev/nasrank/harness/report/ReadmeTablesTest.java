package dev.nasrank.harness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * The result tables of README.md say what the committed reports say. Each table follows a marker
 * {@code <!-- checked against results/reports/RUN/FILE.csv -->} naming the file its numbers come
 * from; every row is compared with that file (numbers as printed, to 3 decimals), so a report
 * regenerated without its README table, or the reverse, fails here.
 */
class ReadmeTablesTest {

  private static final Path ROOT = Path.of("..", "..");
  private static final Pattern MARKER =
      Pattern.compile("<!-- checked against (results/reports/[\\w./-]+\\.csv) -->");

  @Test
  void everyMarkedTableMatchesTheCsvItNames() throws IOException {
    List<String> lines = Files.readAllLines(ROOT.resolve("README.md"));
    int tables = 0;
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = MARKER.matcher(lines.get(i));
      if (!m.find()) {
        continue;
      }
      Path csv = ROOT.resolve(m.group(1));
      assertTrue(Files.isRegularFile(csv), "README line " + (i + 1) + " names a missing " + csv);
      List<List<String>> rows = tableAfter(lines, i);
      assertFalse(rows.isEmpty(), "no table after README line " + (i + 1));
      List<CSVRecord> records = read(csv);
      String name = csv.getFileName().toString();
      switch (name) {
        case "ranking.csv" -> checkRanking(rows, records, csv);
        case "settings.csv" -> checkSettings(rows, records, csv);
        case "claims.csv" -> checkClaims(rows, records, csv);
        default -> fail("README line " + (i + 1) + ": no check for " + name);
      }
      tables++;
    }
    assertTrue(tables >= 1, "README.md marks no result table");
  }

  /** Rows: method, BN strategy, tau-b uncalibrated, tau-b calibrated (one seed). */
  private static void checkRanking(List<List<String>> rows, List<CSVRecord> records, Path csv) {
    assertEquals(rowsOf(records, false), rows.size(), csv + ": settings in README vs file");
    for (List<String> r : rows) {
      for (boolean calibrated : new boolean[] {false, true}) {
        CSVRecord rec = find(records, r.get(0), word(r.get(1)), calibrated, csv);
        assertEquals(
            fmt(rec.get("kendall_tau")),
            r.get(calibrated ? 3 : 2),
            csv + " " + r + " " + calibrated);
      }
    }
  }

  /**
   * Rows: method, BN strategy, calibrated (yes/no), mean tau-b, seed sd, [low, high] (the
   * architectures target), and optionally [low, high] of the space target.
   */
  private static void checkSettings(List<List<String>> rows, List<CSVRecord> records, Path csv) {
    assertEquals(records.size(), rows.size(), csv + ": settings in README vs file");
    for (List<String> r : rows) {
      CSVRecord rec = find(records, r.get(0), word(r.get(1)), "yes".equals(r.get(2)), csv);
      assertEquals(fmt(rec.get("mean_tau")), r.get(3), csv + " " + r);
      assertEquals(fmt(rec.get("seed_sd")), r.get(4), csv + " " + r);
      assertEquals(
          "[" + fmt(rec.get("tau_low")) + ", " + fmt(rec.get("tau_high")) + "]",
          r.get(5),
          csv + " " + r);
      if (r.size() > 6) {
        assertEquals(
            "[" + fmt(rec.get("space_tau_low")) + ", " + fmt(rec.get("space_tau_high")) + "]",
            r.get(6),
            csv + " " + r + " (space interval)");
      }
    }
  }

  /** Rows: id, claim, the paper's figure, verdict (bold allowed), then free text. */
  private static void checkClaims(List<List<String>> rows, List<CSVRecord> records, Path csv) {
    assertEquals(records.size(), rows.size(), csv + ": claims in README vs file");
    for (int k = 0; k < rows.size(); k++) {
      List<String> r = rows.get(k);
      CSVRecord rec = records.get(k);
      assertEquals(rec.get("id"), r.get(0), csv + " row " + k);
      assertEquals(rec.get("claim"), r.get(1), csv + " claim " + rec.get("id"));
      assertEquals(rec.get("paper"), r.get(2), csv + " claim " + rec.get("id"));
      assertEquals(rec.get("verdict"), r.get(3).replace("*", ""), csv + " claim " + rec.get("id"));
    }
  }

  private static long rowsOf(List<CSVRecord> records, boolean calibrated) {
    return records.stream()
        .filter(r -> Boolean.parseBoolean(r.get("calibrated")) == calibrated)
        .count();
  }

  private static CSVRecord find(
      List<CSVRecord> records, String method, String bn, boolean calibrated, Path csv) {
    List<CSVRecord> hits =
        records.stream()
            .filter(
                r ->
                    r.get("method").equals(method)
                        && r.get("bn_strategy").equals(bn)
                        && Boolean.parseBoolean(r.get("calibrated")) == calibrated)
            .toList();
    assertEquals(
        1, hits.size(), csv + ": rows for " + method + " / " + bn + " calibrated=" + calibrated);
    return hits.get(0);
  }

  /** A cell's first word: the CSV name before any explanation in brackets. */
  private static String word(String cell) {
    return cell.split("\\s+", 2)[0];
  }

  /** A number as the README prints it: 3 decimals, "-" for a missing one. */
  private static String fmt(String v) {
    double d = Double.parseDouble(v);
    return Double.isNaN(d) ? "-" : String.format(Locale.ROOT, "%.3f", d);
  }

  /** The body rows of the first Markdown table after line {@code marker}, cells trimmed. */
  static List<List<String>> tableAfter(List<String> lines, int marker) {
    int i = marker + 1;
    while (i < lines.size() && !lines.get(i).startsWith("|")) {
      i++;
    }
    List<List<String>> rows = new ArrayList<>();
    for (i += 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
      String line = lines.get(i).strip();
      List<String> cells = new ArrayList<>();
      for (String c : line.substring(1, line.length() - 1).split("\\|", -1)) {
        cells.add(c.strip().replace("`", ""));
      }
      rows.add(cells);
    }
    return rows;
  }

  private static List<CSVRecord> read(Path csv) throws IOException {
    try (Reader r = Files.newBufferedReader(csv)) {
      return CSVFormat.DEFAULT
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .build()
          .parse(r)
          .getRecords();
    }
  }

  @Test
  void tableParsingReadsCellsOfTheTableAfterTheMarker() {
    List<List<String>> rows =
        tableAfter(
            List.of(
                "<!-- checked against results/reports/x/ranking.csv -->",
                "",
                "| a | b |",
                "|---|---|",
                "| `mixpath` | 0.100 |",
                "| spos | -0.200 |",
                "",
                "| not | this |"),
            0);
    assertEquals(List.of(List.of("mixpath", "0.100"), List.of("spos", "-0.200")), rows);
  }
}
