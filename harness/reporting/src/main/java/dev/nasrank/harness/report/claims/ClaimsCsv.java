package dev.nasrank.harness.report.claims;

import dev.nasrank.files.AtomicFiles;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes {@code claims.csv}, header exactly {@value #HEADER}; text fields quoted where needed (RFC
 * 4180). {@code verdict} is the verdict under {@code target}, the run's primary inference target;
 * {@code verdict_space} and {@code verdict_architectures} give both (the columns after {@code test}
 * were appended with the inference targets; the earlier ones keep their meaning).
 */
public final class ClaimsCsv {
  /** The exact header line. */
  public static final String HEADER =
      "id,claim,paper,ours,verdict,paper_in_interval,test,target,verdict_space,verdict_architectures";

  private ClaimsCsv() {}

  /** The CSV text, header first. */
  public static String format(List<ClaimResult> claims) {
    StringBuilder sb = new StringBuilder();
    try (CSVPrinter p =
        new CSVPrinter(sb, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())) {
      p.printRecord((Object[]) HEADER.split(","));
      for (ClaimResult c : claims) {
        p.printRecord(
            c.id(),
            c.claim(),
            c.paper(),
            c.ours(),
            c.verdict().key(),
            c.paperInInterval(),
            c.test(),
            c.target(),
            c.verdictSpace().key(),
            c.verdictArchitectures().key());
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return sb.toString();
  }

  /** Writes the file atomically. */
  public static void write(Path file, List<ClaimResult> claims) {
    AtomicFiles.writeString(file, format(claims));
  }
}
