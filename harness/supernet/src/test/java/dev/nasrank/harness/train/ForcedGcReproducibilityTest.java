package dev.nasrank.harness.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nasrank.datasets.BatchSource;
import dev.nasrank.datasets.djl.SyntheticBatches;
import dev.nasrank.harness.setting.BnStrategy;
import dev.nasrank.harness.setting.Method;
import dev.nasrank.harness.supernet.S4SupernetConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Guards the rule of docs/harness.md ("no NDArray operation with a Java number operand while
 * gradients are recorded"): every BN strategy and SPOS is trained twice with the same seed, once as
 * usual and once with a full garbage collection forced between every step's forward and backward
 * pass, and the two checkpoints must be byte-identical. DJL frees a scalar made from a Java number
 * right after the op; autograd still reads it in backward. Once the collector has freed its buffer
 * (and the memory is handed out again, as {@link #collect} does), backward reads garbage and the
 * second run's weights differ, or its loss turns NaN.
 */
class ForcedGcReproducibilityTest {

  private static final PrintStream QUIET =
      new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

  /**
   * Small direct buffers allocated right after the collection, so a freed scalar's memory is
   * overwritten.
   */
  private static final List<ByteBuffer> REUSE = new ArrayList<>();

  static Stream<S4SupernetConfig> settings() {
    Stream<S4SupernetConfig> mixpath =
        Stream.of(BnStrategy.values()).map(b -> TinyNets.config(Method.MIXPATH, b));
    return Stream.concat(mixpath, Stream.of(TinyNets.config(Method.SPOS, BnStrategy.VANILLA)));
  }

  /**
   * A full collection, time for the cleaner thread to free what it found, then reuse of small
   * native blocks.
   */
  static void collect() {
    REUSE.clear();
    System.gc();
    try {
      Thread.sleep(15);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (int i = 0; i < 64; i++) {
      ByteBuffer b = ByteBuffer.allocateDirect(4);
      b.putFloat(0, 1e30f);
      REUSE.add(b);
    }
  }

  @ParameterizedTest
  @MethodSource("settings")
  void aCollectionBetweenForwardAndBackwardChangesNoBit(S4SupernetConfig net, @TempDir Path dir)
      throws IOException {
    BatchSource data = new SyntheticBatches(48, 8, 10, 3);
    TrainConfig cfg =
        TrainConfig.builder()
            .setSupernet(net)
            .optEpochs(2)
            .optMaxStepsPerEpoch(3)
            .optSeed(11)
            .build();
    TrainResult plain = new SupernetTrainer(QUIET).train(cfg, data, dir.resolve("plain"));
    TrainResult forced =
        new SupernetTrainer(QUIET, TrainProgress.NONE, ForcedGcReproducibilityTest::collect)
            .train(cfg, data, dir.resolve("forced"));
    assertEquals(6, forced.globalSteps());
    byte[] a = Files.readAllBytes(plain.checkpoint());
    byte[] b = Files.readAllBytes(forced.checkpoint());
    if (!java.util.Arrays.equals(a, b)) {
      Map<String, byte[]> pa = TinyNets.checkpointParams(plain.checkpoint());
      Map<String, byte[]> pb = TinyNets.checkpointParams(forced.checkpoint());
      for (String k : new java.util.TreeSet<>(pa.keySet())) {
        assertArrayEquals(
            pa.get(k), pb.get(k), net + ": parameter " + k + " differs after a forced GC");
      }
    }
    assertArrayEquals(a, b, net + ": checkpoints differ after a forced GC");
  }
}
