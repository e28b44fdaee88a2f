package dev.nasrank.benchbridge.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nasrank.benchbridge.NasBench;
import dev.nasrank.benchbridge.proto.ModelMetrics;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged or out-of-domain NAS-Bench-101 files: each is refused naming file, record and field, or
 * counted.
 */
class DamagedNasbenchTest {

  @TempDir Path dir;

  /** Bytes allocated by the calling thread while {@code r} runs. */
  static long allocatedBy(IoRunnable r) throws IOException {
    com.sun.management.ThreadMXBean mx =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = mx.getCurrentThreadAllocatedBytes();
    r.run();
    return mx.getCurrentThreadAllocatedBytes() - before;
  }

  interface IoRunnable {
    void run() throws IOException;
  }

  private Path write(String name, byte[] bytes) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, bytes);
    return p;
  }

  private static NasbenchRecord withMetrics(NasbenchRecord r, ModelMetrics m) {
    return new NasbenchRecord(r.moduleHash(), r.epochs(), r.adjacency(), r.operations(), m);
  }

  // defect 2: a record length is allocated before it is checked against the file
  @Test
  void aHugeLengthWithAValidChecksumAllocatesNothingBeyondTheFile() throws IOException {
    byte[] b = new byte[4096];
    long claimed = (1L << 31) - 200;
    TestRecords.putLongLe(b, 0, claimed);
    TestRecords.putIntLe(b, 8, MaskedCrc32c.of(b, 0, 8));
    Path p = write("huge-length.tfrecord", b);
    CorruptRecordException[] seen = new CorruptRecordException[1];
    long allocated =
        allocatedBy(
            () -> {
              try (TfRecordReader r = TfRecordReader.open(p, false, 64)) {
                seen[0] = assertThrows(CorruptRecordException.class, r::next);
              }
            });
    assertTrue(allocated < 1 << 20, "allocated " + allocated + " bytes reading a 4,096-byte file");
    assertEquals(0, seen[0].recordIndex());
    assertEquals(0, seen[0].offset());
    assertTrue(seen[0].getMessage().contains(String.valueOf(claimed)), seen[0].getMessage());
  }

  @Test
  void aSmallFileGetsASmallReadBuffer() throws IOException {
    byte[] file = TestRecords.file(TestRecords.records(new Random(1), 2, 1));
    Path p = write("small.tfrecord", file);
    long allocated =
        allocatedBy(
            () -> {
              try (TfRecordReader r = TfRecordReader.open(p)) {
                while (r.next() != null) {
                  // drain
                }
              }
            });
    assertTrue(
        allocated < 8L * file.length + (256 << 10),
        "allocated "
            + allocated
            + " bytes reading a "
            + file.length
            + "-byte file (the default chunk is "
            + TfRecordReader.DEFAULT_CHUNK
            + ")");
  }

  // defect 5: a 0-byte NAS-Bench-101 file is accepted
  @Test
  void anEmptyFileIsRefused() throws IOException {
    Path p = write("empty.tfrecord", new byte[0]);
    IOException e = assertThrows(IOException.class, () -> NasBench.open(p));
    assertTrue(
        e.getMessage().contains("empty.tfrecord") && e.getMessage().contains("empty"),
        e.getMessage());
  }

  // defect 15: a directory or a device is "no such NAS-Bench-101 file"
  @Test
  void aDirectoryOrADeviceIsNamedForWhatItIs() throws IOException {
    IOException e = assertThrows(IOException.class, () -> NasBench.open(dir));
    assertTrue(e.getMessage().contains("is a directory"), e.getMessage());
    Path devNull = Path.of("/dev/null");
    if (Files.exists(devNull)) {
      e = assertThrows(IOException.class, () -> NasBench.open(devNull));
      assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
    }
    e = assertThrows(IOException.class, () -> NasBench.open(dir.resolve("absent.tfrecord")));
    assertTrue(
        e.getMessage().contains("absent.tfrecord") && e.getMessage().contains("no such"),
        e.getMessage());
  }

  // defect 12: record values are not range-checked
  @Test
  void valuesOutsideTheirDomainNameFileRecordAndField() throws IOException {
    List<NasbenchRecord> recs = TestRecords.records(new Random(2), 3, 1);
    String[][] cases = {
      {"validation_accuracy", "5.0"}, {"validation_accuracy", "-3.0"}, {"test_accuracy", "NaN"},
      {"train_accuracy", "Infinity"}, {"training_time", "-1.0"}, {"trainable_parameters", "-5"},
      {"total_time", "NaN"}
    };
    for (String[] c : cases) {
      List<NasbenchRecord> bad = new ArrayList<>(recs);
      ModelMetrics m = recs.get(3).metrics();
      ModelMetrics.Builder mb = m.toBuilder();
      double v = Double.parseDouble(c[1]);
      switch (c[0]) {
        case "validation_accuracy" ->
            mb.setEvaluationData(2, m.getEvaluationData(2).toBuilder().setValidationAccuracy(v));
        case "test_accuracy" ->
            mb.setEvaluationData(1, m.getEvaluationData(1).toBuilder().setTestAccuracy(v));
        case "train_accuracy" ->
            mb.setEvaluationData(2, m.getEvaluationData(2).toBuilder().setTrainAccuracy(v));
        case "training_time" ->
            mb.setEvaluationData(2, m.getEvaluationData(2).toBuilder().setTrainingTime(v));
        case "trainable_parameters" -> mb.setTrainableParameters((int) v);
        default -> mb.setTotalTime(v);
      }
      bad.set(3, withMetrics(recs.get(3), mb.build()));
      Path p = write("range-" + c[0] + ".tfrecord", TestRecords.file(bad));
      CorruptRecordException e =
          assertThrows(CorruptRecordException.class, () -> NasBench.open(p), c[0] + " = " + c[1]);
      assertEquals(3, e.recordIndex());
      assertTrue(
          e.getMessage().contains(p.toString())
              && e.getMessage().contains("record 3")
              && e.getMessage().contains(c[0])
              && e.getMessage().contains(c[1].replace(".0", "")),
          e.getMessage());
      assertEquals(CorruptRecordException.Kind.OUT_OF_RANGE, e.kind());
      var loaded = NasbenchLoader.load(p, new NasbenchLoader.Options(2, true));
      assertEquals(recs.size() - 1, loaded.records());
      assertEquals(1, loaded.skippedRecords());
      assertEquals(
          Map.of(CorruptRecordException.Kind.OUT_OF_RANGE, 1L), loaded.report().skippedByKind());
      assertTrue(
          loaded.report().describeSkipped().startsWith("1 (1 out of range)"),
          loaded.report().describeSkipped());
    }
  }

  // defect 13: --skip-corrupt after a bad length CRC drops the rest of the file but reports 1
  // skipped record
  @Test
  void skipCorruptResumesFramingAfterABadLengthChecksum() throws IOException {
    List<NasbenchRecord> recs = TestRecords.records(new Random(3), 100, 1);
    assertEquals(200, recs.size());
    byte[] file = TestRecords.file(recs);
    int offset = 0;
    for (int i = 0; i < 57; i++) {
      offset += TestRecords.frame(recs.get(i).toPayload()).length;
    }
    file[offset + 2] ^= 0x04;
    Path p = write("bad-length.tfrecord", file);
    CorruptRecordException strict =
        assertThrows(CorruptRecordException.class, () -> NasBench.open(p));
    assertEquals(57, strict.recordIndex());
    assertEquals(offset, strict.offset());
    assertEquals(CorruptRecordException.Kind.LENGTH_CHECKSUM, strict.kind());
    var loaded = NasbenchLoader.load(p, new NasbenchLoader.Options(2, true, 4096));
    assertEquals(199, loaded.records());
    assertEquals(1, loaded.skippedRecords());
    assertEquals(TestRecords.frame(recs.get(57).toPayload()).length, loaded.skippedBytes());
    assertEquals(
        Map.of(CorruptRecordException.Kind.LENGTH_CHECKSUM, 1L), loaded.report().skippedByKind());
    NasBench nb = NasBench.open(p, new NasbenchLoader.Options(1, true));
    assertEquals(199, nb.records());
    assertEquals(
        recs.get(199).metrics().getEvaluationData(2).getValidationAccuracy(),
        nb.finalEvaluation(recs.get(199).moduleHash(), 108, 0).validationAccuracy());
  }

  @Test
  void aZeroedStretchOverSeveralRecordsIsSkippedOnceAndFramingResumes() throws IOException {
    List<NasbenchRecord> recs = TestRecords.records(new Random(7), 10, 1);
    byte[] file = TestRecords.file(recs);
    int r3 = 0;
    for (int i = 0; i < 3; i++) {
      r3 += TestRecords.frame(recs.get(i).toPayload()).length;
    }
    int r6 = r3;
    for (int i = 3; i < 6; i++) {
      r6 += TestRecords.frame(recs.get(i).toPayload()).length;
    }
    java.util.Arrays.fill(file, r3 + 5, r6 - 3, (byte) 0); // records 3..5 damaged, record 6 intact
    Path p = write("zeroed.tfrecord", file);
    NasBench nb = NasBench.open(p, new NasbenchLoader.Options(2, true));
    assertEquals(recs.size() - 3, nb.records());
    assertEquals(1, nb.loadReport().skippedRecords());
    assertEquals(r6 - r3, nb.loadReport().skippedBytes());
    assertTrue(
        nb.loadReport().problems().get(0).contains("record 3")
            && nb.loadReport().problems().get(0).contains("byte offset " + r6),
        nb.loadReport().problems().get(0));
  }

  // defect 14: records of one hash that disagree on trainable_parameters (or on the cell) are
  // merged silently
  @Test
  void recordsOfOneHashThatDisagreeAreRefused() throws IOException {
    List<NasbenchRecord> recs = new ArrayList<>(TestRecords.records(new Random(4), 3, 2));
    NasbenchRecord r = recs.get(7); // repeat 1 of a cell whose repeat 0 came earlier
    ModelMetrics m =
        r.metrics().toBuilder()
            .setTrainableParameters(r.metrics().getTrainableParameters() + 1)
            .build();
    recs.set(7, withMetrics(r, m));
    Path p = write("params.tfrecord", TestRecords.file(recs));
    CorruptRecordException e = assertThrows(CorruptRecordException.class, () -> NasBench.open(p));
    assertEquals(7, e.recordIndex());
    assertEquals(CorruptRecordException.Kind.INCONSISTENT, e.kind());
    assertTrue(
        e.getMessage().contains("trainable_parameters " + m.getTrainableParameters())
                && e.getMessage().contains("record 1 ")
            || e.getMessage().contains("record 0 "),
        e.getMessage());
    NasBench skipped = NasBench.open(p, new NasbenchLoader.Options(2, true));
    assertEquals(recs.size() - 1, skipped.records());
    assertEquals(r.metrics().getTrainableParameters(), skipped.trainableParameters(r.moduleHash()));
    assertEquals(
        Map.of(CorruptRecordException.Kind.INCONSISTENT, 1L), skipped.loadReport().skippedByKind());

    List<NasbenchRecord> cell = new ArrayList<>(TestRecords.records(new Random(4), 3, 2));
    NasbenchRecord other = cell.get(8);
    cell.set(
        7,
        new NasbenchRecord(
            cell.get(7).moduleHash(),
            cell.get(7).epochs(),
            other.adjacency(),
            other.operations(),
            cell.get(7).metrics()));
    Path q = write("cell.tfrecord", TestRecords.file(cell));
    e = assertThrows(CorruptRecordException.class, () -> NasBench.open(q));
    assertEquals(7, e.recordIndex());
    assertTrue(e.getMessage().contains("cell"), e.getMessage());
  }

  @Test
  void aDuplicatedRecordIsRefused() throws IOException {
    List<NasbenchRecord> recs = new ArrayList<>(TestRecords.records(new Random(5), 3, 2));
    recs.add(4, recs.get(1));
    Path p = write("dup.tfrecord", TestRecords.file(recs));
    CorruptRecordException e = assertThrows(CorruptRecordException.class, () -> NasBench.open(p));
    assertEquals(4, e.recordIndex());
    assertEquals(CorruptRecordException.Kind.DUPLICATE, e.kind());
    assertTrue(e.getMessage().contains("duplicate"), e.getMessage());
    NasBench nb = NasBench.open(p, new NasbenchLoader.Options(2, true));
    assertEquals(recs.size() - 1, nb.records());
    String h = recs.get(1).moduleHash();
    assertEquals(2, nb.repeats(h, 108));
    assertEquals(
        recs.get(1).metrics().getEvaluationData(2).getTestAccuracy(),
        nb.finalEvaluation(h, 108, 0).testAccuracy());
    assertEquals(
        recs.get(8).metrics().getEvaluationData(2).getTestAccuracy(),
        nb.finalEvaluation(h, 108, 1).testAccuracy());
    assertEquals(
        Map.of(CorruptRecordException.Kind.DUPLICATE, 1L), nb.loadReport().skippedByKind());
  }

  @Test
  void aCellThatIsNotAPrunedNasbenchCellIsRefused() throws IOException {
    List<NasbenchRecord> recs = new ArrayList<>(TestRecords.records(new Random(6), 2, 1));
    NasbenchRecord r = recs.get(1);
    String[] bad = {
      "conv3x3-bn-relu,conv1x1-bn-relu,output", "input,input,output", "input,output,output"
    };
    for (String ops : bad) {
      recs.set(1, new NasbenchRecord(r.moduleHash(), r.epochs(), "011001000", ops, r.metrics()));
      Path p = write("cell.tfrecord", TestRecords.file(recs));
      CorruptRecordException e =
          assertThrows(CorruptRecordException.class, () -> NasBench.open(p), ops);
      assertEquals(1, e.recordIndex());
    }
    // vertex 1 is not on a path from input to output: not a pruned cell
    recs.set(
        1,
        new NasbenchRecord(
            r.moduleHash(), r.epochs(), "001000000", "input,conv3x3-bn-relu,output", r.metrics()));
    Path p = write("unpruned.tfrecord", TestRecords.file(recs));
    CorruptRecordException e = assertThrows(CorruptRecordException.class, () -> NasBench.open(p));
    assertTrue(e.getMessage().contains("pruned"), e.getMessage());
  }

  // defect 10: `nasbench hash` ignores text after the first JSON value on a line
  @Test
  void hashRefusesTrailingTextAfterTheJsonValue() {
    String cell = "{\"matrix\": [[0,1],[0,0]], \"ops\": [\"input\", \"output\"]}";
    assertEquals(32, HashLines.answer(cell).length());
    String a = HashLines.answer(cell + " xyz");
    assertTrue(a.startsWith("error:") && a.contains("xyz") || a.contains("trailing"), a);
    assertTrue(HashLines.answer(cell + " {}").startsWith("error:"));
    String dup =
        HashLines.answer(
            "{\"matrix\": [[0,1],[0,0]], \"ops\": [\"input\", \"output\"], \"ops\": []}");
    assertTrue(dup.startsWith("error:") && dup.contains("ops"), dup);
  }

  @Test
  void textPayloadIsNotAcceptedAsARecord() throws IOException {
    Path p = write("text.tfrecord", TestRecords.frame("hello".getBytes(StandardCharsets.UTF_8)));
    CorruptRecordException e = assertThrows(CorruptRecordException.class, () -> NasBench.open(p));
    assertEquals(0, e.recordIndex());
  }
}
