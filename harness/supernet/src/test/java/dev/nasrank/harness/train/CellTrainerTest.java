package dev.nasrank.harness.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nasrank.datasets.BatchSource;
import dev.nasrank.datasets.djl.SyntheticBatches;
import dev.nasrank.harness.config.NetworkShape;
import dev.nasrank.harness.setting.BnStrategy;
import dev.nasrank.harness.space.CellSampling;
import dev.nasrank.harness.supernet.CellSupernet;
import dev.nasrank.harness.supernet.CellSupernetConfig;
import dev.nasrank.harness.supernet.Supernet;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The unchanged trainer on a cell-space supernet: checkpoint version 3 round trip, resume to the
 * same weights, the sampling recorded.
 */
class CellTrainerTest {

  private static final PrintStream QUIET =
      new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

  private static TrainConfig config(int epochs, CellSampling sampling) {
    return TrainConfig.builder()
        .setSupernet(
            CellSupernetConfig.builder()
                .setSpace("1shot1-ss3")
                .optBnStrategy(BnStrategy.LINEAR_SBN)
                .optSampling(sampling)
                .optNetwork(NetworkShape.cifar10(4, 3, 1))
                .build())
        .optEpochs(epochs)
        .optMaxStepsPerEpoch(3)
        .optSeed(11)
        .build();
  }

  @Test
  void trainsCheckpointsAsVersionThreeAndResumesToTheSameWeights(@TempDir Path dir)
      throws IOException {
    BatchSource data = new SyntheticBatches(48, 8, 10, 3);
    for (CellSampling sampling : CellSampling.values()) {
      Path full = dir.resolve(sampling.cliName() + "-full");
      TrainResult r = new SupernetTrainer(QUIET).train(config(2, sampling), data, full);
      assertEquals(6, r.globalSteps());
      Checkpoint header = Checkpoint.readHeader(r.checkpoint());
      assertEquals(config(2, sampling).supernet(), header.config());
      assertEquals("1shot1-ss3", header.identity().get("space"));
      assertEquals(sampling.cliName(), header.identity().get("sampler"));
      JsonNode json = new ObjectMapper().readTree(full.resolve(SupernetTrainer.MANIFEST).toFile());
      assertEquals("1shot1-ss3", json.path("config").path("supernet").path("space").asText());
      assertEquals(
          sampling.cliName(), json.path("config").path("supernet").path("sampling").asText());
      try (NDManager m = NDManager.newBaseManager()) {
        Supernet<?> loaded = Checkpoint.loadSupernet(r.checkpoint(), m);
        assertTrue(loaded instanceof CellSupernet);
        assertEquals(r.trainableParameters(), loaded.trainableParameterCount());
      }

      Path split = dir.resolve(sampling.cliName() + "-split");
      new SupernetTrainer(QUIET).train(config(2, sampling), data, split, 1);
      TrainResult resumed =
          new SupernetTrainer(QUIET)
              .train(config(2, sampling).toBuilder().optResume(true).build(), data, split);
      assertEquals(1, resumed.startEpoch());
      Map<String, byte[]> a = TinyNets.checkpointParams(r.checkpoint());
      Map<String, byte[]> b = TinyNets.checkpointParams(resumed.checkpoint());
      assertEquals(a.keySet(), b.keySet());
      for (String k : a.keySet()) {
        assertArrayEquals(a.get(k), b.get(k), sampling + ": resumed run differs at " + k);
      }
    }
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                new SupernetTrainer(QUIET)
                    .train(
                        config(2, CellSampling.RANDOM_SPEC).toBuilder().optResume(true).build(),
                        data,
                        dir.resolve("uniform-split")));
    assertTrue(e.getMessage().contains("sampler uniform (now random_spec)"), e.getMessage());
  }
}
