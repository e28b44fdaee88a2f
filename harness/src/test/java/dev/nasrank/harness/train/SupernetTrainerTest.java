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
import dev.nasrank.harness.bench.SyntheticBatches;
import dev.nasrank.harness.supernet.BnStrategy;
import dev.nasrank.harness.supernet.Method;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SupernetTrainerTest {

  private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

  private static TrainConfig config(int epochs) {
    return TrainConfig.defaults(TinyNets.config(Method.MIXPATH, BnStrategy.LINEAR_SBN)).withEpochs(epochs, 3)
        .withSeed(7);
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

    // One epoch, "crash", resume for the second: same weights as the straight run.
    Path split = dir.resolve("split");
    new SupernetTrainer(QUIET).train(config(1), data, split);
    assertThrows(IllegalStateException.class, () -> new SupernetTrainer(QUIET).train(config(2), data, split),
        "an existing checkpoint without --resume is refused");
    TrainResult resumed = new SupernetTrainer(QUIET).train(config(2).withResume(true), data, split);
    assertEquals(1, resumed.startEpoch());
    assertEquals(6, resumed.globalSteps());
    Map<String, byte[]> a = TinyNets.checkpointParams(full.checkpoint());
    Map<String, byte[]> b = TinyNets.checkpointParams(resumed.checkpoint());
    assertEquals(a.keySet(), b.keySet());
    for (String k : a.keySet()) {
      assertArrayEquals(a.get(k), b.get(k), "resumed run differs at " + k);
    }
  }

  @Test
  void nanLossStopsWithTheEpochAndStepAndKeepsTheLastCheckpoint(@TempDir Path dir) throws IOException {
    BatchSource clean = new SyntheticBatches(48, 8, 10, 3);
    BatchSource poisoned = new BatchSource() {
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
              return new Batch(b.getManager(), new NDList(bad), b.getLabels(), b.getSize(), Batchifier.STACK,
                  Batchifier.STACK, 0, 0);
            }
            return b;
          }
        };
      }
    };
    NonFiniteLossException e = assertThrows(NonFiniteLossException.class,
        () -> new SupernetTrainer(QUIET).train(config(3), poisoned, dir));
    assertEquals(1, e.epoch());
    assertEquals(2, e.step());
    assertTrue(Float.isNaN(e.value()));
    assertTrue(e.getMessage().contains("epoch 1") && e.getMessage().contains("step 2"), e.getMessage());
    Checkpoint last = Checkpoint.readHeader(dir.resolve(Checkpoint.FILE_NAME));
    assertEquals(1, last.epochsCompleted());
    assertEquals(3, last.globalStep());
  }

  @Test
  void corruptCheckpointIsRejectedWithTheFileName(@TempDir Path dir) throws IOException {
    TrainResult r = new SupernetTrainer(QUIET).train(config(1).withEpochs(1, 1), new SyntheticBatches(16, 8, 10, 1),
        dir);
    byte[] bytes = Files.readAllBytes(r.checkpoint());
    bytes[bytes.length / 2] ^= 0x40;
    Path bad = dir.resolve("bad.bin");
    Files.write(bad, bytes);
    IOException crc = assertThrows(IOException.class, () -> Checkpoint.readHeader(bad));
    assertTrue(crc.getMessage().contains("bad.bin") && crc.getMessage().contains("CRC"), crc.getMessage());
    Path cut = dir.resolve("cut.bin");
    Files.write(cut, java.util.Arrays.copyOf(Files.readAllBytes(r.checkpoint()), 100));
    assertThrows(IOException.class, () -> Checkpoint.readHeader(cut));
    assertThrows(IOException.class, () -> Checkpoint.readHeader(dir.resolve("missing.bin")));
  }
}
