package dev.nasrank.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nasrank.benchbridge.io.NasbenchRecord;
import dev.nasrank.benchbridge.proto.EvaluationData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code nasbench} command line contract, run through {@link Main#run} with redirected standard streams. */
class NasbenchCommandTest {
  private static final String HASH = "00005c142e6f48ac74fdcf73e3439874";
  private static final String REAL_CELL = "{\"matrix\": [[0, 1, 0, 0, 1, 1, 0], [0, 0, 1, 0, 0, 0, 0], "
      + "[0, 0, 0, 1, 0, 0, 1], [0, 0, 0, 0, 0, 1, 0], [0, 0, 0, 0, 0, 1, 0], [0, 0, 0, 0, 0, 0, 1], "
      + "[0, 0, 0, 0, 0, 0, 0]], \"ops\": [\"input\", \"conv3x3-bn-relu\", \"maxpool3x3\", \"conv3x3-bn-relu\", "
      + "\"conv3x3-bn-relu\", \"conv1x1-bn-relu\", \"output\"]}";

  @TempDir
  Path dir;

  private final InputStream stdin = System.in;
  private final PrintStream stdout = System.out;
  private final PrintStream stderr = System.err;
  private ByteArrayOutputStream out;
  private ByteArrayOutputStream err;

  @BeforeEach
  void redirect() {
    out = new ByteArrayOutputStream();
    err = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setIn(stdin);
    System.setOut(stdout);
    System.setErr(stderr);
  }

  private static Path realRecord() {
    String root = System.getProperty("nasrank.data.root", System.getenv("NASRANK_DATA_ROOT"));
    assumeTrue(root != null, "shared data root not set; skipping");
    Path p = Path.of(root, "nasbench101-partial", "first_record_nasbench_full.tfrecord");
    assumeTrue(Files.isRegularFile(p), p + " is absent; skipping");
    return p;
  }

  private int run(String stdinText, String... args) {
    System.setIn(new ByteArrayInputStream(stdinText.getBytes(StandardCharsets.UTF_8)));
    return Main.run(args);
  }

  private List<String> outLines() {
    return out.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void hashAnswersEveryLineAndKeepsGoing() {
    String input = String.join("\n",
        REAL_CELL,
        "{\"matrix\": [[0,1,0],[0,0,0],[0,0,0]], \"ops\": [\"input\",\"conv3x3-bn-relu\",\"output\"]}",
        "not json",
        "",
        "{\"matrix\": [[0,1],[0,0]], \"ops\": [\"input\",\"conv5x5\"]}",
        "{\"matrix\": [[0,1,1,0],[0,0,0,1],[0,0,0,1],[0,0,0,0]], \"ops\": "
            + "[\"input\",\"conv3x3-bn-relu\",\"maxpool3x3\",\"output\"]}",
        "{\"matrix\": [[0,1,1,0],[0,0,0,1],[0,0,0,1],[0,0,0,0]], \"ops\": "
            + "[\"input\",\"maxpool3x3\",\"conv3x3-bn-relu\",\"output\"]}",
        "{\"matrix\": [[0,1,0,0,0,0,0,0],[0,0,1,0,0,0,0,0],[0,0,0,1,0,0,0,0],[0,0,0,0,1,0,0,0],"
            + "[0,0,0,0,0,1,0,0],[0,0,0,0,0,0,1,0],[0,0,0,0,0,0,0,1],[0,0,0,0,0,0,0,0]], \"ops\": [\"input\","
            + "\"conv3x3-bn-relu\",\"conv3x3-bn-relu\",\"conv3x3-bn-relu\",\"conv3x3-bn-relu\",\"conv3x3-bn-relu\","
            + "\"conv3x3-bn-relu\",\"output\"]}");
    assertEquals(Main.OK, run(input, "nasbench", "hash"));
    List<String> lines = outLines();
    assertEquals(7, lines.size(), lines.toString());
    assertEquals(HASH, lines.get(0));
    assertEquals("invalid", lines.get(1));
    assertTrue(lines.get(2).startsWith("error: not JSON"), lines.get(2));
    assertTrue(lines.get(3).startsWith("error: ") && lines.get(3).contains("conv5x5"), lines.get(3));
    assertTrue(lines.get(4).matches("[0-9a-f]{32}"));
    assertEquals(lines.get(4), lines.get(5), "isomorphic cells hash alike");
    assertTrue(lines.get(6).contains("got 8") && lines.get(6).contains("max 7"), lines.get(6));
  }

  @Test
  void infoSummarisesTheRealRecord() {
    Path file = realRecord();
    assertEquals(Main.OK, run("", "nasbench", "info", file.toString()));
    String text = out.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("records: 1\n"), text);
    assertTrue(text.contains("unique hashes: 1\n"), text);
    assertTrue(text.contains("epoch budgets: 4\n"), text);
    assertTrue(text.contains("repeats at 4 epochs: 1 x 1 cells"), text);
  }

  @Test
  void infoOnACorruptFileExitsOneNamingRecordAndOffset() throws IOException {
    byte[] b = Files.readAllBytes(realRecord());
    b[200] ^= 0x01;
    Path bad = dir.resolve("bad.tfrecord");
    Files.write(bad, b);
    assertEquals(Main.FAILURE, run("", "nasbench", "info", bad.toString()));
    String e = err.toString(StandardCharsets.UTF_8);
    assertTrue(e.startsWith("error: ") && e.contains("bad.tfrecord") && e.contains("record 0")
        && e.contains("offset 0") && e.contains("checksum"), e);
    assertEquals(Main.OK, run("", "nasbench", "info", "--skip-corrupt", bad.toString()));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("skipped corrupt records: 1"));
    err.reset();
    assertEquals(Main.FAILURE, run("", "nasbench", "info", dir.resolve("missing.tfrecord").toString()));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("missing.tfrecord"), err.toString());
  }

  @Test
  void exportCsvWritesExactValuesAndTheCacheGivesTheSameRows() throws IOException {
    Path file = realRecord();
    Path csv = dir.resolve("out.csv");
    assertEquals(Main.OK, run("", "nasbench", "export-csv", file.toString(), "--out", csv.toString(),
        "--no-progress"));
    NasbenchRecord rec = NasbenchRecord.fromPayload(Arrays.copyOfRange(Files.readAllBytes(file), 12, 413));
    EvaluationData half = rec.metrics().getEvaluationData(1);
    EvaluationData fin = rec.metrics().getEvaluationData(2);
    try (Reader r = Files.newBufferedReader(csv);
         CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
      assertEquals(List.of("module_hash", "epochs", "repeat", "trainable_parameters", "halfway_training_time",
          "halfway_train_accuracy", "halfway_validation_accuracy", "halfway_test_accuracy", "final_training_time",
          "final_train_accuracy", "final_validation_accuracy", "final_test_accuracy", "adjacency", "operations"),
          p.getHeaderNames());
      List<CSVRecord> rows = p.getRecords();
      assertEquals(1, rows.size());
      CSVRecord row = rows.get(0);
      assertEquals(HASH, row.get("module_hash"));
      assertEquals("4", row.get("epochs"));
      assertEquals("0", row.get("repeat"));
      assertEquals("8555530", row.get("trainable_parameters"));
      assertEquals(half.getTrainingTime(), Double.parseDouble(row.get("halfway_training_time")));
      assertEquals(half.getTestAccuracy(), Double.parseDouble(row.get("halfway_test_accuracy")));
      assertEquals(fin.getTrainAccuracy(), Double.parseDouble(row.get("final_train_accuracy")));
      assertEquals(fin.getValidationAccuracy(), Double.parseDouble(row.get("final_validation_accuracy")));
      assertEquals(fin.getTestAccuracy(), Double.parseDouble(row.get("final_test_accuracy")));
      assertEquals(rec.adjacency(), row.get("adjacency"));
      assertEquals(rec.operations(), row.get("operations"));
    }
    assertTrue(Files.readString(csv).contains("\"input,conv3x3-bn-relu,"), "operations are quoted");
    Path cache = dir.resolve("first.nbcache");
    assertEquals(Main.OK, run("", "nasbench", "cache", file.toString(), "--out", cache.toString()));
    Path csv2 = dir.resolve("from-cache.csv");
    assertEquals(Main.OK, run("", "nasbench", "export-csv", cache.toString(), "--out", csv2.toString(),
        "--no-progress"));
    assertEquals(Files.readString(csv), Files.readString(csv2));
    try (var files = Files.list(dir)) {
      assertFalse(files.anyMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temp file left");
    }
  }

  @Test
  void usageErrorsExitTwo() {
    assertEquals(Main.USAGE, run("", "nasbench", "export-csv"));
    assertEquals(Main.USAGE, run("", "nasbench", "frobnicate"));
    assertEquals(Main.OK, run("", "nasbench", "enumerate", "--help"));
  }
}
