package dev.nasrank.benchbridge.io;

import dev.nasrank.benchbridge.ModelSpec;
import dev.nasrank.benchbridge.Op;
import dev.nasrank.benchbridge.proto.EvaluationData;
import dev.nasrank.benchbridge.proto.ModelMetrics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Small, valid NAS-Bench-101 records and TFRecord framing in memory, for tests that damage files.
 */
public final class TestRecords {
  private static final Op[] INNER = {Op.CONV3X3, Op.CONV1X1, Op.MAXPOOL3X3};

  private TestRecords() {}

  /** {@code n} distinct valid cells of 3..7 vertices drawn from {@code rng}. */
  public static List<ModelSpec> cells(Random rng, int n) {
    List<ModelSpec> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    while (out.size() < n) {
      int v = 3 + rng.nextInt(5);
      int[][] m = new int[v][v];
      for (int a = 0; a < v; a++) {
        for (int b = a + 1; b < v; b++) {
          m[a][b] = rng.nextInt(3) == 0 ? 1 : 0;
        }
      }
      m[0][1] = 1;
      m[v - 2][v - 1] = 1;
      List<Op> ops = new ArrayList<>();
      ops.add(Op.INPUT);
      for (int k = 1; k < v - 1; k++) {
        ops.add(INNER[rng.nextInt(3)]);
      }
      ops.add(Op.OUTPUT);
      ModelSpec s;
      try {
        s = ModelSpec.of(m, ops);
      } catch (IllegalArgumentException tooManyEdges) {
        continue;
      }
      if (s.isValid() && s.vertexCount() >= 3 && seen.add(s.hash())) {
        out.add(s);
      }
    }
    return out;
  }

  /** Plausible metrics of one run: accuracies in [0,1], positive times, epochs/2 halfway. */
  public static ModelMetrics metrics(Random rng, int epochs, int params) {
    double t = 10 + 1000 * rng.nextDouble();
    return ModelMetrics.newBuilder()
        .setTrainableParameters(params)
        .setTotalTime(t * 1.1)
        .addEvaluationData(EvaluationData.newBuilder().setCurrentEpoch(0))
        .addEvaluationData(
            EvaluationData.newBuilder()
                .setCurrentEpoch(epochs / 2.0)
                .setTrainingTime(t / 2)
                .setTrainAccuracy(rng.nextDouble())
                .setValidationAccuracy(rng.nextDouble())
                .setTestAccuracy(rng.nextDouble()))
        .addEvaluationData(
            EvaluationData.newBuilder()
                .setCurrentEpoch(epochs)
                .setTrainingTime(t)
                .setTrainAccuracy(rng.nextDouble())
                .setValidationAccuracy(rng.nextDouble())
                .setTestAccuracy(rng.nextDouble()))
        .build();
  }

  /**
   * Records of {@code cells} cells x budgets {4, 108} x {@code repeats} repeats, repeats
   * interleaved.
   */
  public static List<NasbenchRecord> records(Random rng, int cells, int repeats) {
    List<ModelSpec> specs = cells(rng, cells);
    int[] params = new int[cells];
    for (int c = 0; c < cells; c++) {
      params[c] = 1000 + rng.nextInt(1_000_000);
    }
    List<NasbenchRecord> out = new ArrayList<>();
    for (int r = 0; r < repeats; r++) {
      for (int c = 0; c < cells; c++) {
        for (int e : new int[] {4, 108}) {
          out.add(NasbenchRecord.of(specs.get(c), e, metrics(rng, e, params[c])));
        }
      }
    }
    return out;
  }

  /** One framed record: length, masked CRC of the length, data, masked CRC of the data. */
  public static byte[] frame(byte[] data) {
    byte[] out = new byte[12 + data.length + 4];
    putLongLe(out, 0, data.length);
    putIntLe(out, 8, MaskedCrc32c.of(out, 0, 8));
    System.arraycopy(data, 0, out, 12, data.length);
    putIntLe(out, 12 + data.length, MaskedCrc32c.of(data, 0, data.length));
    return out;
  }

  /** A TFRecord file of these records. */
  public static byte[] file(List<NasbenchRecord> records) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (NasbenchRecord r : records) {
      out.writeBytes(frame(r.toPayload()));
    }
    return out.toByteArray();
  }

  public static void putLongLe(byte[] b, int p, long v) {
    putIntLe(b, p, (int) v);
    putIntLe(b, p + 4, (int) (v >>> 32));
  }

  public static void putIntLe(byte[] b, int p, int v) {
    b[p] = (byte) v;
    b[p + 1] = (byte) (v >>> 8);
    b[p + 2] = (byte) (v >>> 16);
    b[p + 3] = (byte) (v >>> 24);
  }

  /**
   * Writes {@code bytes} over {@code file} without first truncating it to zero, which on ext4 would
   * force a flush per case (auto_da_alloc) and make the run I/O-bound.
   */
  public static void overwrite(Path file, byte[] bytes) throws IOException {
    try (java.nio.channels.FileChannel ch =
        java.nio.channels.FileChannel.open(
            file,
            java.nio.file.StandardOpenOption.CREATE,
            java.nio.file.StandardOpenOption.WRITE)) {
      java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes);
      while (b.hasRemaining()) {
        ch.write(b, b.position());
      }
      ch.truncate(bytes.length);
    }
  }
}
