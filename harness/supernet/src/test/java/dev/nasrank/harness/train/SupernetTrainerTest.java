package dev.nasrank.harness.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.Batch;
import ai.djl.translate.Batchifier;
import dev.nasrank.datasets.BatchSource;
import dev.nasrank.datasets.djl.SyntheticBatches;
import dev.nasrank.harness.config.Optimizer;
import dev.nasrank.harness.setting.BnStrategy;
import dev.nasrank.harness.setting.Method;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SupernetTrainerTest {

  private static final PrintStream QUIET =
      new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

  private static TrainConfig config(int epochs) {
    return TrainConfig.builder()
        .setSupernet(TinyNets.config(Method.MIXPATH, BnStrategy.LINEAR_SBN))
        .optEpochs(epochs)
        .optMaxStepsPerEpoch(3)
        .optSeed(7)
        .build();
  }

  @Test
  void trainsWritesCheckpointsAndResumesToTheSameWeights(@TempDir Path dir) throws IOException {
    BatchSource data = new SyntheticBatches(48, 8, 10, 3);
    TrainResult full = new SupernetTrainer(QUIET).train(config(2), data, dir.resolve("full"));
    assertEquals(0, full.startEpoch());
    assertEquals(2, full.epochsCompleted());
    assertEquals(6, full.globalSteps());
    assertEquals(2, full.epochs().size());
    assertEquals("cpu()", full.device());
    for (EpochStats e : full.epochs()) {
      assertEquals(3, e.steps());
      assertTrue(Double.isFinite(e.meanLoss()) && e.meanLoss() > 0);
      assertTrue(e.accuracy() >= 0 && e.accuracy() <= 1);
      assertTrue(e.imagesPerSecond() > 0);
    }
    assertEquals(config(2).schedule().lr(1), full.epochs().get(1).lr(), 1e-15);
    assertTrue(Files.exists(dir.resolve("full").resolve(SupernetTrainer.MANIFEST)));
    Checkpoint header = Checkpoint.readHeader(full.checkpoint());
    assertEquals(2, header.epochsCompleted());
    assertEquals(6, header.globalStep());

    // One epoch, a crash in the second, resume: same weights as the straight run.
    Path split = dir.resolve("split");
    int[] steps = {0};
    assertThrows(
        IllegalStateException.class,
        () ->
            new SupernetTrainer(
                    QUIET,
                    TrainProgress.NONE,
                    () -> {
                      if (++steps[0] == 4) {
                        throw new IllegalStateException("killed in epoch 2");
                      }
                    })
                .train(config(2), data, split));
    assertEquals(1, Checkpoint.readHeader(split.resolve(Checkpoint.FILE_NAME)).epochsCompleted());
    assertThrows(
        IllegalStateException.class,
        () -> new SupernetTrainer(QUIET).train(config(2), data, split),
        "an existing checkpoint without --resume is refused");
    TrainResult resumed =
        new SupernetTrainer(QUIET)
            .train(config(2).toBuilder().optResume(true).build(), data, split);
    assertEquals(1, resumed.startEpoch());
    assertEquals(6, resumed.globalSteps());
    Map<String, byte[]> a = TinyNets.checkpointParams(full.checkpoint());
    Map<String, byte[]> b = TinyNets.checkpointParams(resumed.checkpoint());
    assertEquals(a.keySet(), b.keySet());
    for (String k : a.keySet()) {
      assertArrayEquals(a.get(k), b.get(k), "resumed run differs at " + k);
    }

    // train.json names the processor and the code version of every invocation once: both
    // invocations ran here, from this checkout
    TrainProvenance recorded = TrainProvenance.read(split.resolve(SupernetTrainer.MANIFEST));
    assertEquals(
        List.of(dev.nasrank.harness.manifest.Environment.processorModel()), recorded.processors());
    assertEquals(1, recorded.code().size(), recorded.toString());
    assertTrue(
        recorded.code().get(0).matches("[0-9a-f]{40}(-dirty)?|unknown"), recorded.toString());
    com.fasterxml.jackson.databind.JsonNode manifest =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(split.resolve(SupernetTrainer.MANIFEST).toFile());
    assertEquals(2, manifest.path("epochs").size());
  }

  @Test
  void nanLossStopsWithTheEpochAndStepAndKeepsTheLastCheckpoint(@TempDir Path dir)
      throws IOException {
    BatchSource clean = new SyntheticBatches(48, 8, 10, 3);
    BatchSource poisoned =
        new BatchSource() {
          @Override
          public int size() {
            return clean.size();
          }

          @Override
          public int batchesPerEpoch() {
            return clean.batchesPerEpoch();
          }

          @Override
          public Iterator<Batch> epoch(NDManager manager, int epoch) {
            Iterator<Batch> it = clean.epoch(manager, epoch);
            return new Iterator<>() {
              int i;

              @Override
              public boolean hasNext() {
                return it.hasNext();
              }

              @Override
              public Batch next() {
                Batch b = it.next();
                int k = i++;
                if (epoch == 1 && k == 2) {
                  NDArray x = b.getData().head();
                  NDArray bad = x.mul(Float.NaN);
                  return new Batch(
                      b.getManager(),
                      new NDList(bad),
                      b.getLabels(),
                      b.getSize(),
                      Batchifier.STACK,
                      Batchifier.STACK,
                      0,
                      0);
                }
                return b;
              }
            };
          }
        };
    NonFiniteLossException e =
        assertThrows(
            NonFiniteLossException.class,
            () -> new SupernetTrainer(QUIET).train(config(3), poisoned, dir));
    assertEquals(1, e.epoch());
    assertEquals(2, e.step());
    assertTrue(Float.isNaN(e.value()));
    assertTrue(
        e.getMessage().contains("epoch 1") && e.getMessage().contains("step 2"), e.getMessage());
    Checkpoint last = Checkpoint.readHeader(dir.resolve(Checkpoint.FILE_NAME));
    assertEquals(1, last.epochsCompleted());
    assertEquals(3, last.globalStep());
  }

  @Test
  void corruptCheckpointIsRejectedWithTheFileName(@TempDir Path dir) throws IOException {
    TrainResult r =
        new SupernetTrainer(QUIET)
            .train(
                config(1).toBuilder().optEpochs(1).optMaxStepsPerEpoch(1).build(),
                new SyntheticBatches(16, 8, 10, 1),
                dir);
    byte[] bytes = Files.readAllBytes(r.checkpoint());
    bytes[bytes.length / 2] ^= 0x40;
    Path bad = dir.resolve("bad.bin");
    Files.write(bad, bytes);
    IOException crc = assertThrows(IOException.class, () -> Checkpoint.readHeader(bad));
    assertTrue(
        crc.getMessage().contains("bad.bin") && crc.getMessage().contains("CRC"), crc.getMessage());
    Path cut = dir.resolve("cut.bin");
    Files.write(cut, java.util.Arrays.copyOf(Files.readAllBytes(r.checkpoint()), 100));
    assertThrows(IOException.class, () -> Checkpoint.readHeader(cut));
    assertThrows(IOException.class, () -> Checkpoint.readHeader(dir.resolve("missing.bin")));
  }

  // issue 11, defect 8: --resume accepted a changed schedule and wrote the new configuration for
  // every epoch
  @Test
  void resumeRefusesAnotherConfigurationNamingEveryField(@TempDir Path dir) throws IOException {
    BatchSource data = new SyntheticBatches(48, 8, 10, 3);
    new SupernetTrainer(QUIET).train(config(2), data, dir);
    byte[] before = Files.readAllBytes(dir.resolve(Checkpoint.FILE_NAME));
    TrainConfig changed =
        config(2).toBuilder()
            .optEpochs(4)
            .optOptimizer(new Optimizer(0.5, 1e-8, 0.0, 3e-4, 5.0))
            .optResume(true)
            .build();
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                new SupernetTrainer(QUIET)
                    .train(changed, new SyntheticBatches(48, 16, 10, 3), dir));
    String msg = e.getMessage();
    assertTrue(msg.contains(dir.resolve(Checkpoint.FILE_NAME).toString()), msg);
    for (String field :
        new String[] {
          "epochs 2 (now 4)",
          "lr 0.025 (now 0.5)",
          "momentum 0.9 (now 0.0)",
          "batch-size 8 (now 16)"
        }) {
      assertTrue(msg.contains(field), field + " in: " + msg);
    }
    assertTrue(
        !msg.contains("weight-decay") && !msg.contains("seed"),
        "unchanged fields are not listed: " + msg);
    assertArrayEquals(
        before,
        Files.readAllBytes(dir.resolve(Checkpoint.FILE_NAME)),
        "the checkpoint is untouched");
  }

  // issue 11: "resuming at epoch 5/4" when every epoch was already done
  @Test
  void resumingAFinishedRunSaysThereIsNothingToTrain(@TempDir Path dir) throws IOException {
    BatchSource data = new SyntheticBatches(48, 8, 10, 3);
    new SupernetTrainer(QUIET).train(config(2), data, dir);
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    TrainResult r =
        new SupernetTrainer(new PrintStream(log, true, StandardCharsets.UTF_8))
            .train(config(2).toBuilder().optResume(true).build(), data, dir);
    String text = log.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("nothing to train") && text.contains("2 of 2 epochs"), text);
    assertTrue(!text.contains("3/2"), text);
    assertEquals(2, r.epochsCompleted());
    assertEquals(0, r.epochs().size());
  }

  // issue 11, defect 7: a kill during a checkpoint write leaves a temp file that nothing removes
  @Test
  void tempFilesOfInterruptedWritesAreRemovedAtTheNextStart(@TempDir Path dir) throws IOException {
    BatchSource data = new SyntheticBatches(48, 8, 10, 3);
    new SupernetTrainer(QUIET).train(config(1), data, dir);
    Path orphan = dir.resolve(".checkpoint.bin.8412345678901234567.tmp");
    Files.write(orphan, new byte[4096]);
    Path orphanJson = dir.resolve(".train.json.17.tmp");
    Files.write(orphanJson, new byte[10]);
    Path unrelated = dir.resolve(".notes.txt.1.tmp");
    Files.write(unrelated, new byte[1]);
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    new SupernetTrainer(new PrintStream(log, true, StandardCharsets.UTF_8))
        .train(config(1).toBuilder().optResume(true).build(), data, dir);
    assertTrue(!Files.exists(orphan) && !Files.exists(orphanJson), "orphaned temp files removed");
    assertTrue(Files.exists(unrelated), "other files are left alone");
    assertTrue(
        log.toString(StandardCharsets.UTF_8).contains("removed 2 temporary files"), log.toString());
  }

  /** Rewrites a checkpoint in the version 1 layout (no identity block), with a fresh CRC. */
  private static void downgradeToVersion1(Path file) throws IOException {
    byte[] b = Files.readAllBytes(file);
    java.io.DataInputStream in = new java.io.DataInputStream(new java.io.ByteArrayInputStream(b));
    in.readUTF();
    int versionAt = b.length - in.available();
    in.readInt();
    in.readUTF();
    in.readUTF();
    in.readInt();
    in.readUTF();
    in.skipNBytes(4 * 4 + 8 + 4 + 8);
    in.skipNBytes(in.readInt());
    int identityAt = b.length - in.available();
    int n = in.readInt();
    for (int i = 0; i < 2 * n; i++) {
      in.readUTF();
    }
    int restAt = b.length - in.available();
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    out.write(b, 0, identityAt);
    out.write(b, restAt, b.length - 8 - restAt);
    byte[] v1 = out.toByteArray();
    java.nio.ByteBuffer.wrap(v1).putInt(versionAt, 1);
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(v1);
    Files.write(
        file, java.nio.ByteBuffer.allocate(v1.length + 8).put(v1).putLong(crc.getValue()).array());
  }

  @Test
  void aVersionOneCheckpointIsComparedWithItsTrainJsonAndStillResumes(@TempDir Path dir)
      throws IOException {
    BatchSource data = new SyntheticBatches(48, 8, 10, 3);
    int[] steps = {0};
    assertThrows(
        IllegalStateException.class,
        () ->
            new SupernetTrainer(
                    QUIET,
                    TrainProgress.NONE,
                    () -> {
                      if (++steps[0] == 4) {
                        throw new IllegalStateException("killed in epoch 2");
                      }
                    })
                .train(config(2), data, dir));
    downgradeToVersion1(dir.resolve(Checkpoint.FILE_NAME));
    assertTrue(Checkpoint.readHeader(dir.resolve(Checkpoint.FILE_NAME)).identity().isEmpty());
    TrainConfig otherLr =
        config(2).toBuilder()
            .optOptimizer(new Optimizer(0.5, 1e-8, 0.9, 3e-4, 5.0))
            .optResume(true)
            .build();
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> new SupernetTrainer(QUIET).train(otherLr, data, dir));
    assertTrue(e.getMessage().contains("lr 0.025 (now 0.5)"), e.getMessage());
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    TrainResult r =
        new SupernetTrainer(new PrintStream(log, true, StandardCharsets.UTF_8))
            .train(config(2).toBuilder().optResume(true).build(), data, dir);
    assertEquals(2, r.epochsCompleted());
    String text = log.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("older version") && text.contains("batch-size"), text);
    assertEquals(
        "2",
        Checkpoint.readHeader(dir.resolve(Checkpoint.FILE_NAME)).identity().get("epochs"),
        "the resumed run writes a version 2 checkpoint");
  }
}
