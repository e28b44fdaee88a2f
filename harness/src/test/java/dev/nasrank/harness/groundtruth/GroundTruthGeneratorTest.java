package dev.nasrank.harness.groundtruth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nasrank.benchbridge.ModelSpec;
import dev.nasrank.benchbridge.io.NasbenchRecord;
import dev.nasrank.benchbridge.io.TfRecordReader;
import dev.nasrank.benchbridge.proto.EvaluationData;
import dev.nasrank.harness.cli.Main;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resumable generation end to end with a tiny net: stop, resume, assemble, read back with the
 * bridge's reader.
 */
class GroundTruthGeneratorTest {

  static final ModelSpec CONV =
      ModelSpec.ofNames(
          new int[][] {{0, 1, 0}, {0, 0, 1}, {0, 0, 0}},
          List.of("input", "conv1x1-bn-relu", "output"));
  static final ModelSpec SKIP =
      ModelSpec.ofNames(
          new int[][] {{0, 1, 1}, {0, 0, 1}, {0, 0, 0}}, List.of("input", "maxpool3x3", "output"));

  @Test
  void aUnitLockedByAnotherProcessIsLeftToItAndItsLeftoverTempFileRemoved(@TempDir Path dir)
      throws Exception {
    Profile p = SyntheticData.tinyProfile(2);
    UnitTrainer trainer = new UnitTrainer(p, SyntheticData.data(48, 16));
    UnitStore store = new UnitStore(dir);
    GroundTruthGenerator g = new GroundTruthGenerator(store, p, List.of(CONV, SKIP), 1);
    Files.createDirectories(dir.resolve("units"));
    Path leftover =
        Files.writeString(dir.resolve("units/." + SKIP.hash() + "_r0.json.42.tmp"), "half");
    GroundTruthGenerator.Outcome o;
    try (dev.nasrank.harness.exec.WorkLock held =
        dev.nasrank.harness.exec.WorkLock.tryAcquire(store.lockFile(CONV.hash(), 0))
            .orElseThrow()) {
      o = g.run(trainer, () -> false, new GroundTruthGenerator.Listener() {});
    }
    assertEquals(1, o.busy());
    assertEquals(1, o.trained());
    assertFalse(store.has(CONV.hash(), 0));
    assertTrue(store.has(SKIP.hash(), 0));
    assertFalse(Files.exists(leftover));
  }

  @Test
  void stopsKeepsFinishedUnitsResumesAndAssemblesReadableRecords(@TempDir Path dir)
      throws Exception {
    Profile p = SyntheticData.tinyProfile(2);
    GroundTruthData data = SyntheticData.data(48, 16);
    UnitTrainer trainer = new UnitTrainer(p, data);
    List<ModelSpec> specs = List.of(CONV, SKIP);
    UnitStore store = new UnitStore(dir);

    GroundTruthGenerator first = new GroundTruthGenerator(store, p, specs, 2);
    int[] finished = {0};
    GroundTruthGenerator.Outcome o1 =
        first.run(
            trainer,
            () -> finished[0] >= 1,
            new GroundTruthGenerator.Listener() {
              @Override
              public void unitFinished(UnitResult result, int index, int todo) {
                finished[0]++;
              }
            });
    assertTrue(o1.stopped());
    assertEquals(1, o1.trained());
    assertTrue(store.has(CONV.hash(), 0), "repeat-major order: first unit is arch 0 repeat 0");
    assertEquals(1, store.loadAll().size());

    GroundTruthGenerator second = new GroundTruthGenerator(store, p, specs, 2);
    assertEquals(3, second.pending().size());
    GroundTruthGenerator.Outcome o2 =
        second.run(trainer, () -> false, new GroundTruthGenerator.Listener() {});
    assertFalse(o2.stopped());
    assertEquals(3, o2.trained());
    assertEquals(1, o2.skipped());
    assertEquals(0, second.pending().size());

    List<UnitResult> units = store.loadAll();
    GroundTruthAssembler.Protocol protocol =
        GroundTruthAssembler.assemble(store, p, specs, 2, data.checksums());
    assertEquals(4, protocol.unitsFinished());
    assertEquals(4, protocol.unitsExpected());

    List<NasbenchRecord> records = new ArrayList<>();
    try (TfRecordReader reader = TfRecordReader.open(dir.resolve(GroundTruthAssembler.TFRECORD))) {
      for (byte[] payload : reader) {
        records.add(NasbenchRecord.fromPayload(payload));
      }
    }
    assertEquals(4, records.size());
    String[] order = {CONV.hash(), CONV.hash(), SKIP.hash(), SKIP.hash()};
    for (int i = 0; i < 4; i++) {
      NasbenchRecord rec = records.get(i);
      assertEquals(order[i], rec.moduleHash());
      assertEquals(2, rec.epochs());
      UnitResult u =
          units.stream()
              .filter(x -> x.hash().equals(rec.moduleHash()))
              .filter(x -> x.repeat() == 0)
              .findFirst()
              .orElseThrow();
      if (i % 2 == 0) {
        EvaluationData fin = rec.metrics().getEvaluationData(2);
        assertEquals(u.last().validationAccuracy(), fin.getValidationAccuracy());
        assertEquals(u.last().testAccuracy(), fin.getTestAccuracy());
        assertEquals(u.last().trainingTime(), fin.getTrainingTime());
        assertEquals(u.trainableParameters(), rec.metrics().getTrainableParameters());
        assertEquals(ModelSpec.parse(rec.adjacency(), rec.operations()).hash(), rec.moduleHash());
      }
    }
    JsonNode json = UnitStore.JSON.readTree(dir.resolve(GroundTruthAssembler.PROTOCOL).toFile());
    assertEquals("tiny", json.get("profile").get("name").asText());
    assertEquals(11, json.get("profile").get("seeds").get(0).asInt());
    assertEquals(2, json.get("architectures").get(CONV.hash()).asInt());
    assertTrue(json.get("versions").get("djl").asText().startsWith("0."));

    GroundTruthStatus status = GroundTruthStatus.of(store, 2);
    assertEquals(4, status.finished());
    assertEquals(Map.of(0, 2, 1, 2), status.perRepeat());
    assertTrue(status.render().contains("units: 4 of 4"), status.render());
    assertEquals(0, Main.run("groundtruth", "status", dir.toString(), "--repeats", "2"));

    // the assembled file opens with benchbridge exactly as a real NAS-Bench-101 file would
    String old = System.getProperty(EmbeddedGroundTruth.PROPERTY);
    System.setProperty(EmbeddedGroundTruth.PROPERTY, dir.toString());
    try {
      dev.nasrank.benchbridge.NasBench bench = EmbeddedGroundTruth.open(null);
      assertEquals(2, bench.repeats(CONV.hash(), 2));
      assertEquals(
          units.stream()
              .filter(x -> x.hash().equals(SKIP.hash()) && x.repeat() == 1)
              .findFirst()
              .orElseThrow()
              .last()
              .validationAccuracy(),
          bench.finalMetric(SKIP.hash(), 2, 1, dev.nasrank.benchbridge.Metric.VALIDATION_ACCURACY),
          1e-6);
    } finally {
      if (old == null) {
        System.clearProperty(EmbeddedGroundTruth.PROPERTY);
      } else {
        System.setProperty(EmbeddedGroundTruth.PROPERTY, old);
      }
    }
    assertThrows(
        IllegalArgumentException.class,
        () -> EmbeddedGroundTruth.resolve(dir.resolve("nope.tfrecord")));
    assertEquals(0, Main.run("groundtruth", "assemble", dir.toString(), "--repeats", "2"));
  }

  @Test
  void shardsPartitionThePendingUnits(@TempDir Path dir) throws Exception {
    GroundTruthGenerator g =
        new GroundTruthGenerator(
            new UnitStore(dir), SyntheticData.tinyProfile(1), List.of(CONV, SKIP), 3);
    List<GroundTruthGenerator.Unit> all = g.pending();
    assertEquals(6, all.size());
    assertEquals(new GroundTruthGenerator.Unit(CONV, 0), all.get(0));
    assertEquals(new GroundTruthGenerator.Unit(SKIP, 0), all.get(1));
    assertEquals(new GroundTruthGenerator.Unit(CONV, 1), all.get(2));
    assertEquals(List.of(all.get(0), all.get(2), all.get(4)), g.pending(0, 2));
    assertEquals(List.of(all.get(1), all.get(3), all.get(5)), g.pending(1, 2));
    assertThrows(IllegalArgumentException.class, () -> g.pending(2, 2));
    assertEquals(
        Main.USAGE, Main.run("groundtruth", "generate", "--shard", "2/2", "--out", dir.toString()));
  }

  @Test
  void refusesAFolderStartedWithAnotherProfileOrArchitectureList(@TempDir Path dir)
      throws Exception {
    UnitStore store = new UnitStore(dir);
    Profile p = SyntheticData.tinyProfile(2);
    new GroundTruthGenerator(store, p, List.of(CONV), 1);
    assertThrows(
        IllegalStateException.class,
        () -> new GroundTruthGenerator(store, p.withEpochs(3), List.of(CONV), 1));
    assertThrows(
        IllegalStateException.class,
        () -> new GroundTruthGenerator(store, p, List.of(CONV, SKIP), 1));
    assertThrows(
        IllegalArgumentException.class, () -> new GroundTruthGenerator(store, p, List.of(CONV), 4));
    assertTrue(Files.isRegularFile(dir.resolve("profile.json")));
  }

  @Test
  void cliReportsMissingFolderAsFailure(@TempDir Path dir) {
    assertEquals(Main.FAILURE, Main.run("groundtruth", "status", dir.resolve("absent").toString()));
    assertEquals(Main.USAGE, Main.run("groundtruth", "generate", "--repeats", "x"));
  }
}
