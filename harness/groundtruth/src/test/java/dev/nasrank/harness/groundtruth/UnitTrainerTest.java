package dev.nasrank.harness.groundtruth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nasrank.benchbridge.Evaluation;
import dev.nasrank.benchbridge.ModelSpec;
import dev.nasrank.benchbridge.proto.ModelMetrics;
import dev.nasrank.harness.config.DataSplit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

/**
 * Smoke tier: a tiny NB101 net (C = 8, one cell) on a learnable synthetic task, a few dozen steps.
 */
class UnitTrainerTest {

  static final ModelSpec TWO_PATHS =
      ModelSpec.ofNames(
          new int[][] {
            {0, 1, 1, 1},
            {0, 0, 0, 1},
            {0, 0, 0, 1},
            {0, 0, 0, 0}
          },
          List.of("input", "conv3x3-bn-relu", "maxpool3x3", "output"));

  @Test
  void trainsLearnsAndRecordsThreeEvaluations() {
    Profile p = SyntheticData.tinyProfile(4);
    UnitTrainer trainer = new UnitTrainer(p, SyntheticData.data(80, 16));
    int[] steps = {0};
    UnitResult r =
        trainer.train(
            TWO_PATHS,
            1,
            () -> false,
            (done, total) -> {
              steps[0] = done;
              assertEquals(20, total);
            });
    assertEquals(20, steps[0]);
    assertEquals(TWO_PATHS.hash(), r.hash());
    assertEquals(1, r.repeat());
    assertEquals(12L, r.seed());
    assertEquals(ParameterCount.network(TWO_PATHS, p.network()), r.trainableParameters());
    List<Evaluation> e = r.evaluations();
    assertEquals(0.0, e.get(0).epoch());
    assertEquals(0.0, e.get(0).trainingTime());
    assertEquals(2.0, e.get(1).epoch());
    assertEquals(4.0, e.get(2).epoch());
    assertTrue(e.get(1).trainingTime() > 0 && e.get(2).trainingTime() > e.get(1).trainingTime());
    assertTrue(r.totalTimeSeconds() >= e.get(2).trainingTime());
    // chance is 0.1; the synthetic classes are separable (20 steps reach about 0.4-0.9)
    assertTrue(e.get(2).trainAccuracy() > 0.35, "train accuracy " + e.get(2).trainAccuracy());
    assertTrue(
        e.get(2).validationAccuracy() > 0.35,
        "validation accuracy " + e.get(2).validationAccuracy());
    // accuracies are multiples of 1/80
    assertEquals(0.0, e.get(2).testAccuracy() * 80 % 1.0, 1e-9);

    ModelMetrics m = r.toModelMetrics();
    assertEquals(3, m.getEvaluationDataCount());
    assertEquals(r.trainableParameters(), m.getTrainableParameters());
    assertEquals(e.get(2).validationAccuracy(), m.getEvaluationData(2).getValidationAccuracy());
    assertEquals(4.0, m.getEvaluationData(2).getCurrentEpoch());
  }

  @Test
  void trainAccuracyUsesOnlyTheConfiguredNumberOfImages() {
    Profile base = SyntheticData.tinyProfile(1);
    Profile p =
        new Profile(
            "tiny",
            base.network(),
            DataSplit.SYNTHETIC,
            1,
            16,
            64,
            64,
            0.05,
            0.9,
            1e-4,
            0,
            0.9,
            false,
            base.seeds());
    // train part: 64 images; the first evaluation sees exactly one batch of 64 -> multiples of 1/64
    UnitResult r =
        new UnitTrainer(p, SyntheticData.data(100, 16))
            .train(TWO_PATHS, 0, () -> false, (d, t) -> {});
    assertEquals(0.0, r.last().trainAccuracy() * 64 % 1.0, 1e-9);
    // one epoch: the halfway evaluation (epoch 1 / 2 = 0) is the one before training
    assertEquals(r.evaluations().get(0), r.evaluations().get(1));
    assertEquals(1.0, r.last().epoch());
  }

  @Test
  void stopRequestAbandonsTheUnit() {
    UnitTrainer trainer = new UnitTrainer(SyntheticData.tinyProfile(2), SyntheticData.data(64, 16));
    int[] polls = {0};
    assertThrows(
        CancellationException.class,
        () -> trainer.train(TWO_PATHS, 0, () -> ++polls[0] > 3, (d, t) -> {}));
  }

  @Test
  void nanInputsFailWithAMessageNamingTheUnit() {
    SyntheticData.Part part = SyntheticData.part(32, 5);
    part.images()[0][0] = Float.NaN;
    GroundTruthData data =
        new GroundTruthData(
            DataSplit.SYNTHETIC,
            seed -> new ArrayBatches(part.images(), part.labels(), 32, seed, false, false),
            new ArrayBatches(part.images(), part.labels(), 32, 0, false, false),
            new ArrayBatches(part.images(), part.labels(), 32, 0, false, false),
            new ArrayBatches(part.images(), part.labels(), 32, 0, false, false),
            Map.of());
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                new UnitTrainer(SyntheticData.tinyProfile(1), data)
                    .train(TWO_PATHS, 0, () -> false, (d, t) -> {}));
    assertTrue(
        e.getMessage().contains("NaN") && e.getMessage().contains(TWO_PATHS.hash()),
        e.getMessage());
  }
}
