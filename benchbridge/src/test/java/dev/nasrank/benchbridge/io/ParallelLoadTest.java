package dev.nasrank.benchbridge.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nasrank.benchbridge.HashKey;
import dev.nasrank.benchbridge.LongPairIndex;
import dev.nasrank.benchbridge.ModelSpec;
import dev.nasrank.benchbridge.NasBench;
import dev.nasrank.benchbridge.SearchSpace;
import dev.nasrank.benchbridge.proto.EvaluationData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parallel chunked loader against the plain streaming reader + protobuf parser on a synthetic
 * file.
 */
class ParallelLoadTest {
  @TempDir Path dir;

  @Test
  void manySmallChunksOnTwoThreadsGiveWhatTheStreamingParserGives() throws IOException {
    List<ModelSpec> cells = new ArrayList<>();
    for (int v = 3; v <= 7 && cells.size() < 300; v++) {
      for (int m = 0; m < (1 << (v * (v - 1) / 2)) && cells.size() < 300; m += 7) {
        ModelSpec s = SpaceAccess.candidate(v, m, m % 3);
        if (s != null) {
          cells.add(s);
        }
      }
    }
    Path file = dir.resolve("synthetic.tfrecord");
    long written = SyntheticNasbench.write(file, cells, new int[] {12, 108}, 3, 5L);
    assertEquals(cells.size() * 6L, written);

    // independent path: stream records, parse with protobuf-java, key by (hash, epochs, repeat)
    Map<String, EvaluationData> expected = new HashMap<>();
    Map<String, Integer> seen = new HashMap<>();
    try (TfRecordReader r = TfRecordReader.open(file)) {
      for (byte[] data : r) {
        NasbenchRecord rec = NasbenchRecord.fromPayload(data);
        String k = rec.moduleHash() + "/" + rec.epochs();
        int repeat = seen.merge(k, 1, Integer::sum) - 1;
        expected.put(k + "/" + repeat, rec.metrics().getEvaluationData(2));
      }
    }
    NasBench nb =
        NasBench.fromLoaded(NasbenchLoader.load(file, new NasbenchLoader.Options(2, false, 4096)));
    assertEquals(cells.size(), nb.size());
    assertEquals(written, nb.records());
    int checked = 0;
    for (Map.Entry<String, EvaluationData> e : expected.entrySet()) {
      String[] k = e.getKey().split("/");
      var f = nb.finalEvaluation(k[0], Integer.parseInt(k[1]), Integer.parseInt(k[2]));
      assertEquals(e.getValue().getValidationAccuracy(), f.validationAccuracy());
      assertEquals(e.getValue().getTestAccuracy(), f.testAccuracy());
      assertEquals(e.getValue().getTrainingTime(), f.trainingTime());
      checked++;
    }
    assertEquals(written, checked);
    for (ModelSpec s : cells) {
      assertEquals(s, nb.spec(s.hash()));
    }
  }

  @Test
  void hashKeysSortLikeTheirHexAndIndexWithoutLoss() {
    SplittableRandom rnd = new SplittableRandom(3);
    int n = 5000;
    long[] hi = new long[n];
    long[] lo = new long[n];
    List<String> hex = new ArrayList<>();
    LongPairIndex index = new LongPairIndex(4);
    for (int i = 0; i < n; i++) {
      hi[i] = i % 10 == 0 ? hi[Math.max(0, i - 1)] : rnd.nextLong(); // some equal high halves
      lo[i] = rnd.nextLong();
      hex.add(HashKey.format(hi[i], lo[i]));
      index.put(hi[i], lo[i], i);
      assertEquals(hi[i], HashKey.hi(hex.get(i)));
      assertEquals(lo[i], HashKey.lo(hex.get(i)));
    }
    int[] order = HashKey.sortOrder(hi, lo, n);
    List<String> sorted = new ArrayList<>(hex);
    sorted.sort(null);
    for (int r = 0; r < n; r++) {
      assertEquals(sorted.get(r), hex.get(order[r]));
    }
    assertEquals(n, index.size());
    for (int i = 0; i < n; i++) {
      assertEquals(i, index.get(hi[i], lo[i]));
    }
    assertEquals(-1, index.get(1, 2));
    assertTrue(HashKey.isHash("00005c142e6f48ac74fdcf73e3439874"));
  }

  /**
   * Builds enumeration candidates the way {@link SearchSpace} does (package access through a public
   * spec).
   */
  static final class SpaceAccess {
    static ModelSpec candidate(int v, int mask, int label) {
      long bits = dev.nasrank.benchbridge.SearchSpaceTestAccess.fullDagBits(v, mask);
      if (bits < 0) {
        return null;
      }
      int[][] m = new int[v][v];
      for (int a = 0; a < v; a++) {
        for (int b = a + 1; b < v; b++) {
          m[a][b] = (int) (bits >>> (a * 7 + b) & 1);
        }
      }
      List<dev.nasrank.benchbridge.Op> ops = new ArrayList<>();
      ops.add(dev.nasrank.benchbridge.Op.INPUT);
      for (int k = 1; k < v - 1; k++) {
        ops.add(dev.nasrank.benchbridge.Op.INNER[(label + k) % 3]);
      }
      ops.add(dev.nasrank.benchbridge.Op.OUTPUT);
      return ModelSpec.of(m, ops);
    }
  }
}
