package dev.nasrank.benchbridge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nasrank.benchbridge.io.CorruptRecordException;
import dev.nasrank.benchbridge.io.NasbenchLoader;
import dev.nasrank.benchbridge.io.NasbenchRecord;
import dev.nasrank.benchbridge.io.TfRecordWriter;
import dev.nasrank.benchbridge.proto.EvaluationData;
import dev.nasrank.benchbridge.proto.ModelMetrics;
import dev.nasrank.datasets.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dataset API over a small file whose every value is known, the real record, and the binary
 * cache.
 */
class NasBenchTest {

  @TempDir Path dir;

  private final List<ModelSpec> cells = new ArrayList<>();
  private Path file;

  /** Validation accuracy of (cell c, epochs e, repeat r): a formula the test can recompute. */
  private static double valid(int c, int e, int r) {
    return 0.5 + c * 0.01 + e * 0.001 + r * 0.0001;
  }

  private static ModelMetrics metrics(int c, int e, int r) {
    double v = valid(c, e, r);
    return ModelMetrics.newBuilder()
        .setTrainableParameters(1000 + c)
        .setTotalTime(10.0 * e + r)
        .addEvaluationData(EvaluationData.newBuilder().setCurrentEpoch(0))
        .addEvaluationData(
            EvaluationData.newBuilder()
                .setCurrentEpoch(e / 2.0)
                .setTrainingTime(e * 0.5)
                .setTrainAccuracy(v - 0.1)
                .setValidationAccuracy(v - 0.2)
                .setTestAccuracy(v - 0.3))
        .addEvaluationData(
            EvaluationData.newBuilder()
                .setCurrentEpoch(e)
                .setTrainingTime(e + r * 0.25)
                .setTrainAccuracy(v + 0.1)
                .setValidationAccuracy(v)
                .setTestAccuracy(v - 0.01))
        .build();
  }

  @BeforeEach
  void writeFile() throws IOException {
    // 12 distinct cells of 3-5 vertices, written in REVERSE hash order, repeats interleaved across
    // budgets
    Set<String> seen = new HashSet<>();
    for (int m = 0; cells.size() < 12; m++) {
      int v = 3 + m % 3;
      long bits = SearchSpace.fullDagBits(v, m % (1 << (v * (v - 1) / 2)));
      if (bits < 0) {
        continue;
      }
      int[][] mat = new int[v][v];
      for (int a = 0; a < v; a++) {
        for (int b = a + 1; b < v; b++) {
          mat[a][b] = (int) (bits >>> (a * 7 + b) & 1);
        }
      }
      List<Op> ops =
          new ArrayList<>(SearchSpace.labellings(v).get(m % SearchSpace.labellings(v).size()));
      ModelSpec s = ModelSpec.of(mat, ops);
      if (seen.add(s.hash())) {
        cells.add(s);
      }
    }
    file = dir.resolve("small.tfrecord");
    try (TfRecordWriter w = TfRecordWriter.create(file)) {
      for (int r = 0; r < 3; r++) {
        for (int c = cells.size() - 1; c >= 0; c--) {
          for (int e : new int[] {108, 4}) {
            if (c == 0 && e == 4 && r == 2) {
              continue; // cell 0 has only 2 repeats at 4 epochs
            }
            w.write(NasbenchRecord.of(cells.get(c), e, metrics(c, e, r)).toPayload());
          }
        }
      }
    }
  }

  @Test
  void everyRunIsKeptWithRepeatsInFileOrder() throws IOException {
    NasBench nb = NasBench.open(file);
    assertEquals(12, nb.size());
    assertEquals(12 * 2 * 3 - 1, nb.records());
    assertArrayEquals(new int[] {4, 108}, nb.epochBudgets());
    List<String> hashes = nb.hashes().toList();
    assertEquals(hashes.stream().sorted().toList(), hashes);
    for (int c = 0; c < cells.size(); c++) {
      String h = cells.get(c).hash();
      assertEquals(cells.get(c), nb.spec(h));
      assertEquals(1000 + c, nb.trainableParameters(h));
      assertEquals(c == 0 ? 2 : 3, nb.repeats(h, 4));
      assertEquals(3, nb.repeats(h, 108));
      assertEquals(0, nb.repeats(h, 36));
      for (int r = 0; r < 3; r++) {
        Evaluation f = nb.finalEvaluation(h, 108, r);
        assertEquals(
            new Evaluation(
                108,
                108 + r * 0.25,
                valid(c, 108, r) + 0.1,
                valid(c, 108, r),
                valid(c, 108, r) - 0.01),
            f);
        Evaluation half = nb.halfwayEvaluation(h, 108, r);
        assertEquals(54.0, half.epoch());
        assertEquals(valid(c, 108, r) - 0.2, half.validationAccuracy());
        assertEquals(10.0 * 108 + r, nb.totalTime(h, 108, r));
      }
      double mean = (valid(c, 108, 0) + valid(c, 108, 1) + valid(c, 108, 2)) / 3;
      assertEquals(mean, nb.meanFinalValidationAccuracy(h, 108), 1e-15);
      assertEquals(mean - 0.01, nb.meanFinalTestAccuracy(h, 108), 1e-12);
    }
    String h0 = cells.get(0).hash();
    assertThrows(NoSuchElementException.class, () -> nb.finalEvaluation(h0, 4, 2));
    assertThrows(NoSuchElementException.class, () -> nb.finalEvaluation(h0, 36, 0));
    assertThrows(NoSuchElementException.class, () -> nb.spec("ffffffffffffffffffffffffffffffff"));
    assertFalse(nb.contains("not-a-hash"));
  }

  @Test
  void metricsReturnEveryBudgetAndRepeatWithoutCharging() throws IOException {
    NasBench nb = NasBench.open(file);
    CellMetrics m = nb.metrics(cells.get(3));
    assertEquals(List.of(4, 108), List.copyOf(m.runs().keySet()));
    assertEquals(3, m.runs().get(108).size());
    assertEquals(valid(3, 4, 1), m.runs().get(4).get(1).finalEvaluation().validationAccuracy());
    assertEquals(2.0, m.runs().get(4).get(1).halfway().epoch());
    assertTrue(m.missing().isEmpty());
    assertEquals(0, nb.defaultSession().queries());
  }

  @Test
  void seededQueriesSampleOneRepeatAndChargeTheBudget() throws IOException {
    NasBench nb = NasBench.open(file);
    QuerySession a = nb.session(7);
    QuerySession b = nb.session(7);
    Set<Integer> repeatsSeen = new HashSet<>();
    double time = 0;
    for (int i = 0; i < 60; i++) {
      ModelSpec s = cells.get(i % 12);
      QueryResult ra = a.query(s, 108, false);
      QueryResult rb = b.query(s, 108, false);
      assertEquals(ra, rb, "same seed, same answers");
      repeatsSeen.add(ra.repeat());
      assertEquals(valid(i % 12, 108, ra.repeat()), ra.validationAccuracy());
      assertEquals(1000 + i % 12, ra.trainableParameters());
      time += 108 + ra.repeat() * 0.25;
    }
    assertEquals(Set.of(0, 1, 2), repeatsSeen);
    assertEquals(60 * 108, a.epochsSpent());
    assertEquals(time, a.trainingTimeSpent(), 1e-9);
    QueryResult half = a.query(cells.get(1), 108, true);
    assertEquals(valid(1, 108, half.repeat()) - 0.2, half.validationAccuracy());
    assertEquals(60 * 108 + 54, a.epochsSpent());
    assertThrows(IllegalArgumentException.class, () -> a.query(cells.get(1), 12, false));
    a.resetBudget();
    assertEquals(0, a.epochsSpent());
  }

  @Test
  void cacheRoundTripsAndRefusesStaleOrForeignFiles() throws IOException {
    NasBench nb = NasBench.open(file);
    Path cache = dir.resolve("small.nbcache");
    NasBenchCache.write(nb, file, cache);
    assertTrue(NasBenchCache.isCache(cache));
    NasBench back = NasBench.open(cache);
    assertEquals(nb.size(), back.size());
    assertEquals(nb.hashes().toList(), back.hashes().toList());
    for (ModelSpec s : cells) {
      String h = s.hash();
      assertEquals(nb.finalEvaluation(h, 108, 2), back.finalEvaluation(h, 108, 2));
      assertEquals(nb.halfwayEvaluation(h, 4, 1), back.halfwayEvaluation(h, 4, 1));
      assertEquals(nb.repeats(h, 4), back.repeats(h, 4));
      assertEquals(s, back.spec(h));
    }
    assertEquals(nb.size(), NasBenchCache.loadFor(cache, file).size());
    assertEquals(NasBenchCache.sha256(file), NasBenchCache.header(cache).sourceSha256());
    // stale: the source changed
    Path other = dir.resolve("other.tfrecord");
    Files.write(other, Files.readAllBytes(file));
    Files.write(other, new byte[] {1}, java.nio.file.StandardOpenOption.APPEND);
    IOException stale = assertThrows(IOException.class, () -> NasBenchCache.loadFor(cache, other));
    assertTrue(stale.getMessage().contains("stale"), stale.getMessage());
    // foreign version
    byte[] b = Files.readAllBytes(cache);
    b[8] = 99;
    Path v99 = dir.resolve("v99.nbcache");
    Files.write(v99, b);
    IOException foreign = assertThrows(IOException.class, () -> NasBench.open(v99));
    assertTrue(foreign.getMessage().contains("version 99"), foreign.getMessage());
    // truncated
    Path cut = dir.resolve("cut.nbcache");
    Files.write(cut, java.util.Arrays.copyOf(Files.readAllBytes(cache), b.length - 8));
    IOException trunc = assertThrows(IOException.class, () -> NasBench.open(cut));
    assertTrue(trunc.getMessage().contains("truncated"), trunc.getMessage());
  }

  @Test
  void corruptFilesFailWithTheRecordOrAreSkippedAndCounted() throws IOException {
    byte[] b = Files.readAllBytes(file);
    b[b.length / 2] ^= 0x10;
    Path bad = dir.resolve("bad.tfrecord");
    Files.write(bad, b);
    CorruptRecordException e = assertThrows(CorruptRecordException.class, () -> NasBench.open(bad));
    assertTrue(
        e.getMessage().contains("bad.tfrecord") && e.getMessage().contains("record "),
        e.getMessage());
    var loaded = NasbenchLoader.load(bad, new NasbenchLoader.Options(2, true));
    assertTrue(loaded.skippedRecords() >= 1);
    assertEquals(12 * 2 * 3 - 1, loaded.records() + loaded.skippedRecords());
  }

  @Test
  void theRealRecordIsQueryable() throws IOException {
    NasBench nb =
        NasBench.open(TestData.require("nasbench101-partial/first_record_nasbench_full.tfrecord"));
    String h = "00005c142e6f48ac74fdcf73e3439874";
    assertEquals(1, nb.size());
    assertArrayEquals(new int[] {4}, nb.epochBudgets());
    assertEquals(1, nb.repeats(h, 4));
    assertEquals(8_555_530, nb.trainableParameters(h));
    Evaluation f = nb.finalEvaluation(h, 4, 0);
    assertEquals(4.0, f.epoch());
    assertEquals(89.904, f.trainingTime(), 0.0005);
    assertEquals(0.34896, f.validationAccuracy(), 0.000005);
    assertEquals(0.35046, f.testAccuracy(), 0.000005);
    assertEquals(45.152, nb.halfwayEvaluation(h, 4, 0).trainingTime(), 0.0005);
    assertEquals(h, nb.spec(h).hash());
    assertNotEquals(0, nb.totalTime(h, 4, 0));
  }
}
