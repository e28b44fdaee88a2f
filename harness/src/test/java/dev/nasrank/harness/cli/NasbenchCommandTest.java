package dev.nasrank.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nasrank.benchbridge.CellSpace;
import dev.nasrank.benchbridge.ModelSpec;
import dev.nasrank.benchbridge.NetworkCost;
import dev.nasrank.benchbridge.io.NasbenchRecord;
import dev.nasrank.benchbridge.io.SyntheticNasbench;
import dev.nasrank.benchbridge.proto.EvaluationData;
import dev.nasrank.datasets.TestData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code nasbench} command line contract, run through {@link Main#run} with redirected standard
 * streams.
 */
class NasbenchCommandTest {
  private static final String HASH = "00005c142e6f48ac74fdcf73e3439874";
  private static final String REAL_CELL =
      "{\"matrix\": [[0, 1, 0, 0, 1, 1, 0], [0, 0, 1, 0, 0, 0, 0], "
          + "[0, 0, 0, 1, 0, 0, 1], [0, 0, 0, 0, 0, 1, 0], [0, 0, 0, 0, 0, 1, 0], [0, 0, 0, 0, 0, 0, 1], "
          + "[0, 0, 0, 0, 0, 0, 0]], \"ops\": [\"input\", \"conv3x3-bn-relu\", \"maxpool3x3\", \"conv3x3-bn-relu\", "
          + "\"conv3x3-bn-relu\", \"conv1x1-bn-relu\", \"output\"]}";

  @TempDir Path dir;

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
    return TestData.require("nasbench101-partial/first_record_nasbench_full.tfrecord");
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
    String input =
        String.join(
            "\n",
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
    assertTrue(
        lines.get(3).startsWith("error: ") && lines.get(3).contains("conv5x5"), lines.get(3));
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
    assertTrue(
        e.startsWith("error: ")
            && e.contains("bad.tfrecord")
            && e.contains("record 0")
            && e.contains("offset 0")
            && e.contains("checksum"),
        e);
    // skipping the only record leaves nothing: that is not a NAS-Bench-101 file either (issue 11,
    // defect 5)
    err.reset();
    assertEquals(Main.FAILURE, run("", "nasbench", "info", "--skip-corrupt", bad.toString()));
    e = err.toString(StandardCharsets.UTF_8);
    assertTrue(e.contains("no records could be read") && e.contains("1 data checksum"), e);
    err.reset();
    assertEquals(
        Main.FAILURE, run("", "nasbench", "info", dir.resolve("missing.tfrecord").toString()));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("missing.tfrecord"), err.toString());
  }

  @Test
  void exportCsvWritesExactValuesAndTheCacheGivesTheSameRows() throws IOException {
    Path file = realRecord();
    Path csv = dir.resolve("out.csv");
    assertEquals(
        Main.OK,
        run(
            "",
            "nasbench",
            "export-csv",
            file.toString(),
            "--out",
            csv.toString(),
            "--no-progress"));
    NasbenchRecord rec =
        NasbenchRecord.fromPayload(Arrays.copyOfRange(Files.readAllBytes(file), 12, 413));
    EvaluationData half = rec.metrics().getEvaluationData(1);
    EvaluationData fin = rec.metrics().getEvaluationData(2);
    try (Reader r = Files.newBufferedReader(csv);
        CSVParser p =
            CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
      assertEquals(
          List.of(
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
              "flops"),
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
      assertEquals(
          fin.getValidationAccuracy(), Double.parseDouble(row.get("final_validation_accuracy")));
      assertEquals(fin.getTestAccuracy(), Double.parseDouble(row.get("final_test_accuracy")));
      assertEquals(rec.adjacency(), row.get("adjacency"));
      assertEquals(rec.operations(), row.get("operations"));
      assertEquals(
          NetworkCost.of(ModelSpec.parse(rec.adjacency(), rec.operations())).flops(),
          Long.parseLong(row.get("flops")));
    }
    // the real record's parameters are its NAS-Bench-101 network's: no warning
    assertFalse(err.toString(StandardCharsets.UTF_8).contains("warning"), err.toString());
    assertTrue(Files.readString(csv).contains("\"input,conv3x3-bn-relu,"), "operations are quoted");
    Path cache = dir.resolve("first.nbcache");
    assertEquals(Main.OK, run("", "nasbench", "cache", file.toString(), "--out", cache.toString()));
    Path csv2 = dir.resolve("from-cache.csv");
    assertEquals(
        Main.OK,
        run(
            "",
            "nasbench",
            "export-csv",
            cache.toString(),
            "--out",
            csv2.toString(),
            "--no-progress"));
    assertEquals(Files.readString(csv), Files.readString(csv2));
    try (var files = Files.list(dir)) {
      assertFalse(
          files.anyMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temp file left");
    }
  }

  private Path synthetic(String name, int cells) throws IOException {
    List<ModelSpec> specs = new ArrayList<>();
    String[] ops = {"conv3x3-bn-relu", "conv1x1-bn-relu", "maxpool3x3"};
    for (int i = 0; specs.size() < cells; i++) {
      specs.add(
          ModelSpec.parse(
              "0110001000010000", "input," + ops[i % 3] + "," + ops[(i / 3) % 3] + ",output"));
      if (i >= 8) {
        specs.add(ModelSpec.parse("011000100", "input," + ops[i % 3] + ",output"));
      }
    }
    Path p = dir.resolve(name);
    SyntheticNasbench.write(p, specs.subList(0, cells), new int[] {108}, 3, 7L);
    return p;
  }

  @Test
  void skipCorruptCountsWhatItSkippedPerKind() throws IOException {
    Path file = synthetic("six.tfrecord", 6);
    byte[] b = Files.readAllBytes(file);
    int recordBytes = b.length / 18;
    b[3 * recordBytes + 100] ^= 0x08; // a data byte of record 3 (records are about equally long)
    Path bad = dir.resolve("six-bad.tfrecord");
    Files.write(bad, b);
    assertEquals(Main.OK, run("", "nasbench", "info", "--skip-corrupt", bad.toString()));
    String o = out.toString(StandardCharsets.UTF_8);
    assertTrue(
        o.contains("records: 17\n") && o.contains("skipped corrupt records: 1 (1 data checksum), "),
        o);
    assertTrue(
        err.toString(StandardCharsets.UTF_8)
            .contains("skipped: " + bad + ": record 3 at byte offset"),
        err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void exportCsvWarnsWhenTheRecordsAreNotOfTheNasBench101Network() throws IOException {
    // the synthetic file's parameter counts are random, not those of any cell's network
    Path file = synthetic("four.tfrecord", 4);
    assertEquals(
        Main.OK,
        run(
            "",
            "nasbench",
            "export-csv",
            file.toString(),
            "--out",
            dir.resolve("four.csv").toString(),
            "--no-progress"));
    String e = err.toString(StandardCharsets.UTF_8);
    assertTrue(
        e.contains("warning: 4 of 4 cells of " + file + " record trainable_parameters other than"),
        e);
  }

  @Test
  void emptyFilesDirectoriesAndDevicesAreNamedForWhatTheyAre() throws IOException {
    Path empty = dir.resolve("empty.tfrecord");
    Files.write(empty, new byte[0]);
    assertEquals(Main.FAILURE, run("", "nasbench", "info", empty.toString()));
    assertEquals(Main.FAILURE, run("", "nasbench", "info", dir.toString()));
    assertEquals(
        Main.FAILURE,
        run(
            "",
            "nasbench",
            "export-csv",
            "/dev/null",
            "--out",
            dir.resolve("x.csv").toString(),
            "--no-progress"));
    List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
    assertEquals(3, lines.size(), lines.toString());
    assertTrue(lines.get(0).contains("empty.tfrecord: empty file (0 bytes)"), lines.get(0));
    assertTrue(lines.get(1).contains(dir + " is a directory"), lines.get(1));
    assertTrue(lines.get(2).contains("/dev/null is not a regular file"), lines.get(2));
  }

  @Test
  void aDamagedCacheIsRefusedOrReadFromItsSourceWithCacheFallback() throws IOException {
    Path file = synthetic("src.tfrecord", 4);
    Path cache = dir.resolve("src.nbcache");
    assertEquals(Main.OK, run("", "nasbench", "cache", file.toString(), "--out", cache.toString()));
    Path csv = dir.resolve("good.csv");
    assertEquals(
        Main.OK,
        run(
            "",
            "nasbench",
            "export-csv",
            cache.toString(),
            "--out",
            csv.toString(),
            "--no-progress"));
    byte[] b = Files.readAllBytes(cache);
    b[b.length - 40] ^= 0x01; // one bit of a final accuracy
    Files.write(cache, b);
    err.reset();
    Path csv2 = dir.resolve("again.csv");
    assertEquals(
        Main.FAILURE,
        run(
            "",
            "nasbench",
            "export-csv",
            cache.toString(),
            "--out",
            csv2.toString(),
            "--no-progress"));
    String e = err.toString(StandardCharsets.UTF_8);
    assertTrue(e.startsWith("error: " + cache + ": damaged cache: content checksum mismatch"), e);
    assertFalse(Files.exists(csv2));
    err.reset();
    assertEquals(
        Main.OK,
        run(
            "",
            "nasbench",
            "export-csv",
            cache.toString(),
            "--out",
            csv2.toString(),
            "--no-progress",
            "--cache-fallback"));
    assertEquals(Files.readString(csv), Files.readString(csv2));
    assertTrue(
        err.toString(StandardCharsets.UTF_8)
            .contains("warning: falling back to " + file.toAbsolutePath()),
        err.toString(StandardCharsets.UTF_8));
  }

  /**
   * Two hundred damaged files through the command line: exit 1, one line naming the file, never a
   * stack trace.
   */
  @Test
  void damagedFilesNeverGiveAStackTrace() throws IOException {
    Path file = synthetic("base.tfrecord", 3);
    Path cache = dir.resolve("base.nbcache");
    assertEquals(Main.OK, run("", "nasbench", "cache", file.toString(), "--out", cache.toString()));
    java.util.Random rng = new java.util.Random(11);
    int refused = 0;
    for (Path base : List.of(file, cache)) {
      byte[] good = Files.readAllBytes(base);
      for (int i = 0; i < 100; i++) {
        byte[] b = good.clone();
        if (i % 3 == 0) {
          b = Arrays.copyOf(b, rng.nextInt(b.length));
        } else {
          for (int f = 0; f <= i % 4; f++) {
            b[rng.nextInt(b.length)] ^= (byte) (1 << rng.nextInt(8));
          }
        }
        Path bad = dir.resolve("bad-" + base.getFileName());
        Files.write(bad, b);
        err.reset();
        int code = run("", "nasbench", "info", bad.toString());
        String e = err.toString(StandardCharsets.UTF_8);
        assertEquals(Main.FAILURE, code, e);
        assertEquals(1, e.lines().count(), e);
        assertTrue(e.startsWith("error: " + bad), e);
        assertFalse(e.contains("\tat ") || e.contains("Exception"), e);
        refused++;
      }
    }
    assertEquals(200, refused);
  }

  @Test
  void usageErrorsExitTwo() {
    assertEquals(Main.USAGE, run("", "nasbench", "export-csv"));
    assertEquals(Main.USAGE, run("", "nasbench", "frobnicate"));
    assertEquals(Main.OK, run("", "nasbench", "enumerate", "--help"));
    err.reset();
    assertEquals(
        Main.USAGE,
        run(
            "",
            "nasbench",
            "enumerate",
            "--space",
            "ss3",
            "--out",
            dir.resolve("x.csv").toString()));
    String e = err.toString(StandardCharsets.UTF_8);
    assertTrue(e.contains("'ss3'") && e.contains("1shot1-ss3") && e.contains("nb101-v4"), e);
    assertFalse(Files.exists(dir.resolve("x.csv")));
  }

  @Test
  void enumerateOneSpaceWritesItsCellsWithParametersAndFlops() throws IOException {
    Path csv = dir.resolve("ss1.csv");
    assertEquals(
        Main.OK,
        run("", "nasbench", "enumerate", "--space", "1shot1-ss1", "--out", csv.toString()));
    assertTrue(
        out.toString(StandardCharsets.UTF_8)
            .contains("wrote 2685 unique cells of 1shot1-ss1 (from 14580 candidates)"),
        out.toString());
    var ss1 = CellSpace.ONESHOT1_SS1.enumerate(1);
    try (Reader r = Files.newBufferedReader(csv);
        CSVParser p =
            CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
      assertEquals(
          List.of("module_hash", "adjacency", "operations", "trainable_parameters", "flops"),
          p.getHeaderNames());
      int n = 0;
      for (CSVRecord row : p) {
        ModelSpec spec = ModelSpec.parse(row.get("adjacency"), row.get("operations"));
        assertEquals(ss1.hashAt(n), row.get("module_hash"));
        assertEquals(row.get("module_hash"), spec.hash());
        NetworkCost cost = NetworkCost.of(spec);
        assertEquals(cost.parameters(), Long.parseLong(row.get("trainable_parameters")));
        assertEquals(cost.flops(), Long.parseLong(row.get("flops")));
        n++;
      }
      assertEquals(2_685, n);
    }
  }

  @Test
  void spacesListsTheSpacesAndCountsAFilesCellsInThem() {
    assertEquals(
        Main.OK, run("", "nasbench", "spaces", "--space", "nb101-v4", "--space", "1shot1-ss2"));
    List<String> lines = outLines();
    assertEquals(3, lines.size(), lines.toString());
    assertTrue(lines.get(1).matches("nb101-v4 +91 +97 .*v4_e9_op3\\)"), lines.get(1));
    assertTrue(lines.get(2).matches("1shot1-ss2 +7,773 +29,160 .*"), lines.get(2));
    out.reset();
    Path dump = realRecord().resolveSibling("nasbench-vis_data-20k.json");
    assumeTrue(Files.isRegularFile(dump), dump + " is absent; skipping");
    assertEquals(Main.OK, run("", "nasbench", "spaces", dump.toString(), "--space", "1shot1-ss3"));
    lines = outLines();
    assertTrue(lines.get(0).equals("file: " + dump + " (20,001 cells)"), lines.get(0));
    assertTrue(
        lines.get(2).matches("1shot1-ss3 +55,854 +1,312,200 +[0-9.]+ +2,698 .*"), lines.get(2));
  }
}
