package dev.nasrank.benchbridge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The enumerated-space CSV: one row per unique cell, each row's cell hashing back to its key, with
 * the parameters and FLOPs of its NAS-Bench-101 network.
 */
class CsvExportTest {
  @TempDir Path dir;

  @Test
  void spaceCsvHasEveryCellAndRowsHashToTheirKeys() throws IOException {
    SearchSpace space = FullSpace.get();
    Path csv = dir.resolve("space.csv");
    assertEquals(423_624, CsvExport.space(space, csv));
    try (Reader r = Files.newBufferedReader(csv);
        CSVParser p =
            CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
      assertEquals(
          java.util.List.of(
              "module_hash", "adjacency", "operations", "trainable_parameters", "flops"),
          p.getHeaderNames());
      int n = 0;
      boolean first = false;
      String previous = "";
      for (Iterator<CSVRecord> it = p.iterator(); it.hasNext(); n++) {
        CSVRecord row = it.next();
        String hash = row.get(0);
        assertEquals(1, hash.compareTo(previous) > 0 ? 1 : 0, "ascending at row " + n);
        previous = hash;
        if (n % 4999 == 0) {
          ModelSpec spec = ModelSpec.parse(row.get(1), row.get(2));
          assertEquals(hash, spec.hash(), "row " + n);
          NetworkCost cost = NetworkCost.of(spec);
          assertEquals(cost.parameters(), Long.parseLong(row.get(3)), "row " + n);
          assertEquals(cost.flops(), Long.parseLong(row.get(4)), "row " + n);
        }
        if (hash.equals("00005c142e6f48ac74fdcf73e3439874")) {
          // the real record's published trainable_parameters
          assertEquals("8555530", row.get("trainable_parameters"));
          first = true;
        }
      }
      assertEquals(423_624, n);
      assertEquals(true, first, "the real record's cell is a row");
    }
  }
}
