package dev.nasrank.benchbridge.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nasrank.benchbridge.ModelSpec;
import dev.nasrank.benchbridge.proto.EvaluationData;
import dev.nasrank.benchbridge.proto.ModelMetrics;
import dev.nasrank.datasets.TestData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The TFRecord framing and the record codec against the one genuine NAS-Bench-101 record. */
class TfRecordTest {

  @TempDir Path dir;

  private static byte[] realFile() throws IOException {
    return Files.readAllBytes(
        TestData.require("nasbench101-partial/first_record_nasbench_full.tfrecord"));
  }

  @Test
  void theRealRecordDecodesToThePublishedValues() throws IOException {
    Path p = TestData.require("nasbench101-partial/first_record_nasbench_full.tfrecord");
    assertEquals(417, Files.size(p));
    try (TfRecordReader r = TfRecordReader.open(p)) {
      byte[] data = r.next();
      assertEquals(401, data.length);
      assertEquals(0, r.recordIndex());
      assertEquals(0, r.offset());
      assertNull(r.next());
      NasbenchRecord rec = NasbenchRecord.fromPayload(data);
      assertEquals("00005c142e6f48ac74fdcf73e3439874", rec.moduleHash());
      assertEquals(4, rec.epochs());
      assertEquals(8_555_530, rec.metrics().getTrainableParameters());
      assertEquals(413.70, rec.metrics().getTotalTime(), 0.005);
      assertEquals(3, rec.metrics().getEvaluationDataCount());
      EvaluationData fin = rec.metrics().getEvaluationData(2);
      assertEquals(4.0, fin.getCurrentEpoch());
      assertEquals(89.904, fin.getTrainingTime(), 0.0005);
      assertEquals(0.34986, fin.getTrainAccuracy(), 0.000005);
      assertEquals(0.34896, fin.getValidationAccuracy(), 0.000005);
      assertEquals(0.35046, fin.getTestAccuracy(), 0.000005);
      EvaluationData half = rec.metrics().getEvaluationData(1);
      assertEquals(2.0, half.getCurrentEpoch());
      assertEquals(45.152, half.getTrainingTime(), 0.0005);
      // the record's own cell hashes to the record's key
      assertEquals(rec.moduleHash(), rec.spec().hash());
      assertEquals(7, rec.spec().vertexCount());
    }
  }

  @Test
  void fastDecoderAgreesWithTheProtobufParser() throws IOException {
    byte[] file = realFile();
    RecordColumns cols = new RecordColumns(1);
    new PayloadDecoder().decode(file, 12, 401, cols, 0);
    NasbenchRecord rec = NasbenchRecord.fromPayload(Arrays.copyOfRange(file, 12, 413));
    assertEquals(rec.moduleHash(), dev.nasrank.benchbridge.HashKey.format(cols.hi(0), cols.lo(0)));
    assertEquals(4, cols.epochs(0));
    assertEquals(8_555_530, cols.params(0));
    EvaluationData fin = rec.metrics().getEvaluationData(2);
    assertEquals(fin.getTestAccuracy(), cols.value(RecordColumns.FINAL_TEST, 0));
    assertEquals(fin.getValidationAccuracy(), cols.value(RecordColumns.FINAL_VALID, 0));
    assertEquals(
        rec.metrics().getEvaluationData(1).getTrainingTime(),
        cols.value(RecordColumns.HALF_TIME, 0));
    assertEquals(rec.metrics().getTotalTime(), cols.value(RecordColumns.TOTAL_TIME, 0));
    ModelSpec spec = rec.spec();
    assertEquals(spec.ops(), Arrays.asList(RecordColumns.unpackOps(cols.ops(0))));
  }

  @Test
  void writerReproducesTheOriginalBytesExactly() throws IOException {
    byte[] file = realFile();
    NasbenchRecord rec = NasbenchRecord.fromPayload(Arrays.copyOfRange(file, 12, 413));
    byte[] payload = rec.toPayload();
    assertArrayEquals(Arrays.copyOfRange(file, 12, 413), payload);
    Path out = dir.resolve("copy.tfrecord");
    try (TfRecordWriter w = TfRecordWriter.create(out)) {
      w.write(payload);
    }
    assertArrayEquals(file, Files.readAllBytes(out));
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count(), "no temporary file is left behind");
    }
  }

  @Test
  void abortLeavesNothingBehind() throws IOException {
    Path out = dir.resolve("never.tfrecord");
    TfRecordWriter w = TfRecordWriter.create(out);
    w.write("x".getBytes(StandardCharsets.UTF_8));
    w.abort();
    assertFalse(Files.exists(out));
    try (var files = Files.list(dir)) {
      assertEquals(0, files.count());
    }
  }

  private Path threeRecords() throws IOException {
    Path p = dir.resolve("three.tfrecord");
    try (TfRecordWriter w = TfRecordWriter.create(p)) {
      w.write("alpha".getBytes(StandardCharsets.UTF_8));
      w.write("beta-beta".getBytes(StandardCharsets.UTF_8));
      w.write("gamma".getBytes(StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  void aFlippedDataByteNamesFileRecordAndOffset() throws IOException {
    Path p = threeRecords();
    byte[] b = Files.readAllBytes(p);
    // record 0: 12 + 5 + 4 = 21 bytes; record 1 starts at offset 21, its data at 33
    b[21 + 12 + 3] ^= 0x40;
    Files.write(p, b);
    CorruptRecordException e = assertThrows(CorruptRecordException.class, () -> readAll(p, false));
    assertEquals(1, e.recordIndex());
    assertEquals(21, e.offset());
    assertTrue(
        e.getMessage().contains(p.toString())
            && e.getMessage().contains("record 1")
            && e.getMessage().contains("offset 21")
            && e.getMessage().contains("data checksum"),
        e.getMessage());
  }

  @Test
  void aFlippedLengthByteIsALengthChecksumError() throws IOException {
    Path p = threeRecords();
    byte[] b = Files.readAllBytes(p);
    b[46] ^= 1;
    Files.write(p, b);
    CorruptRecordException e = assertThrows(CorruptRecordException.class, () -> readAll(p, false));
    assertEquals(2, e.recordIndex());
    assertEquals(46, e.offset());
    assertTrue(e.getMessage().contains("length checksum"), e.getMessage());
  }

  @Test
  void truncationIsReportedWithTheRecordItCuts() throws IOException {
    Path p = threeRecords();
    byte[] b = Files.readAllBytes(p);
    Files.write(p, Arrays.copyOf(b, b.length - 2));
    CorruptRecordException e = assertThrows(CorruptRecordException.class, () -> readAll(p, false));
    assertEquals(2, e.recordIndex());
    assertEquals(46, e.offset());
    assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    Files.write(p, Arrays.copyOf(b, 46 + 5));
    e = assertThrows(CorruptRecordException.class, () -> readAll(p, false));
    assertTrue(e.getMessage().contains("header"), e.getMessage());
  }

  @Test
  void skipCorruptCountsWhatItSkipped() throws IOException {
    Path p = threeRecords();
    byte[] b = Files.readAllBytes(p);
    b[21 + 12] ^= 1;
    Files.write(p, Arrays.copyOf(b, b.length - 1));
    try (TfRecordReader r = TfRecordReader.open(p, true)) {
      assertEquals("alpha", new String(r.next(), StandardCharsets.UTF_8));
      assertNull(r.next());
      assertEquals(2, r.skippedRecords());
      assertEquals(25 + 21 - 1, r.skippedBytes());
      assertEquals(2, r.problems().size());
      assertTrue(r.problems().get(0).contains("record 1"));
      assertTrue(r.problems().get(1).contains("record 2"));
    }
  }

  @Test
  void smallChunksFrameRecordsAcrossChunkBoundaries() throws IOException {
    Path p = dir.resolve("many.tfrecord");
    try (TfRecordWriter w = TfRecordWriter.create(p)) {
      for (int i = 0; i < 500; i++) {
        w.write(("record-" + i + "-" + "x".repeat(i % 97)).getBytes(StandardCharsets.UTF_8));
      }
    }
    int i = 0;
    try (TfRecordReader r = TfRecordReader.open(p, false, 64)) {
      for (byte[] rec : r) {
        assertEquals(
            "record-" + i + "-" + "x".repeat(i % 97), new String(rec, StandardCharsets.UTF_8));
        assertEquals(i, r.recordIndex());
        i++;
      }
    }
    assertEquals(500, i);
  }

  @Test
  void malformedPayloadsAreRejectedWithAReason() {
    PayloadDecoder d = new PayloadDecoder();
    RecordColumns c = new RecordColumns(1);
    byte[] bad =
        "[\"00005c142e6f48ac74fdcf73e3439874\", 4, \"0100\", \"input,output\", \"!!\"]"
            .getBytes(StandardCharsets.UTF_8);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> d.decode(bad, 0, bad.length, c, 0));
    assertTrue(e.getMessage().contains("base64"), e.getMessage());
    byte[] badOp =
        "[\"00005c142e6f48ac74fdcf73e3439874\", 4, \"0100\", \"input,conv5x5\", \"\"]"
            .getBytes(StandardCharsets.UTF_8);
    e = assertThrows(IllegalArgumentException.class, () -> d.decode(badOp, 0, badOp.length, c, 0));
    assertTrue(e.getMessage().contains("conv5x5"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> NasbenchRecord.fromPayload("{}".getBytes()));
  }

  @Test
  void aSyntheticRecordRoundTripsThroughBothDecoders() {
    ModelSpec spec = ModelSpec.parse("0110000100010000", "input,conv1x1-bn-relu,maxpool3x3,output");
    ModelMetrics m =
        ModelMetrics.newBuilder()
            .setTrainableParameters(123456)
            .setTotalTime(1.5)
            .addEvaluationData(EvaluationData.newBuilder().setCurrentEpoch(0))
            .addEvaluationData(
                EvaluationData.newBuilder()
                    .setCurrentEpoch(54)
                    .setTrainingTime(10.25)
                    .setTrainAccuracy(0.5)
                    .setValidationAccuracy(0.4)
                    .setTestAccuracy(0.3))
            .addEvaluationData(
                EvaluationData.newBuilder()
                    .setCurrentEpoch(108)
                    .setTrainingTime(20.5)
                    .setTrainAccuracy(0.9)
                    .setValidationAccuracy(0.8)
                    .setTestAccuracy(0.7)
                    .setCheckpointPath("gs://x"))
            .build();
    NasbenchRecord rec = NasbenchRecord.of(spec, 108, m);
    byte[] payload = rec.toPayload();
    assertEquals(rec, NasbenchRecord.fromPayload(payload));
    RecordColumns c = new RecordColumns(1);
    new PayloadDecoder().decode(payload, 0, payload.length, c, 0);
    assertEquals(0.7, c.value(RecordColumns.FINAL_TEST, 0));
    assertEquals(54.0, c.value(RecordColumns.HALF_EPOCH, 0));
    assertEquals(123456, c.params(0));
    assertEquals(108, c.epochs(0));
  }

  private static int readAll(Path p, boolean skip) throws IOException {
    int n = 0;
    try (TfRecordReader r = TfRecordReader.open(p, skip)) {
      while (r.next() != null) {
        n++;
      }
    }
    return n;
  }
}
