package dev.nasrank.harness.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import dev.nasrank.datasets.djl.SyntheticBatches;
import dev.nasrank.harness.config.NetworkShape;
import dev.nasrank.harness.setting.BnStrategy;
import dev.nasrank.harness.setting.CalibrationMode;
import dev.nasrank.harness.setting.Method;
import dev.nasrank.harness.space.S4Choice;
import dev.nasrank.harness.space.S4Space;
import dev.nasrank.harness.space.SamplerMode;
import dev.nasrank.harness.supernet.S4Supernet;
import dev.nasrank.harness.supernet.S4SupernetConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OneShotEvaluatorTest {

  @Test
  void evaluatesWithAndWithoutCalibrationAndRestoresTrainedStats() {
    Engine.getInstance().setRandomSeed(31);
    S4SupernetConfig cfg =
        new S4SupernetConfig(
            Method.MIXPATH,
            BnStrategy.LINEAR_SBN,
            4,
            SamplerMode.CORRECTED,
            NetworkShape.cifar10(4, 3, 1));
    S4Supernet net = new S4Supernet(cfg);
    SyntheticBatches val = new SyntheticBatches(24, 8, 10, 100);
    SyntheticBatches train = new SyntheticBatches(24, 8, 10, 101);
    List<S4Choice> choices =
        List.of(
            S4Choice.parse("n1:conv3x3"),
            S4Choice.parse("n2:conv1x1,n3:maxpool3x3"),
            S4Choice.parse("n3:conv3x3"));
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    try (NDManager m = NDManager.newBaseManager()) {
      net.initialize(m);
      Map<String, byte[]> before = new HashMap<>();
      net.namedParameters().forEach((k, p) -> before.put(k, p.getArray().toByteArray()));
      List<CandidateResult> rows =
          new OneShotEvaluator(quiet)
              .evaluate(
                  net,
                  77,
                  choices,
                  val,
                  train,
                  new EvalOptions(true, true, CalibrationMode.EXACT, 2, 0, false),
                  m);
      assertEquals(6, rows.size());
      for (int i = 0; i < 6; i++) {
        CandidateResult r = rows.get(i);
        assertEquals(i >= 3, r.calibrated());
        assertEquals(choices.get(i % 3), r.choice());
        assertEquals(S4Space.toSpec((S4Choice) r.choice()).hash(), r.moduleHash());
        assertEquals("s4", r.space());
        assertEquals(r.choice().activePaths(), r.activePaths());
        assertEquals(77, r.seed());
        assertEquals(Method.MIXPATH, r.method());
        assertEquals(BnStrategy.LINEAR_SBN, r.bnStrategy());
        // 24 images: accuracy is a multiple of 1/24.
        assertEquals(
            0, Math.abs(r.oneShotAccuracy() * 24 - Math.round(r.oneShotAccuracy() * 24)), 1e-9);
        assertTrue(r.oneShotAccuracy() >= 0 && r.oneShotAccuracy() <= 1);
      }
      // Trained statistics and weights are untouched after evaluation.
      for (Map.Entry<String, Parameter> e : net.namedParameters().entrySet()) {
        assertArrayEquals(
            before.get(e.getKey()), e.getValue().getArray().toByteArray(), e.getKey());
      }
      // Candidates do not influence each other: the first choice alone gives the same accuracies.
      List<CandidateResult> alone =
          new OneShotEvaluator(quiet)
              .evaluate(
                  net,
                  77,
                  choices.subList(0, 1),
                  val,
                  train,
                  new EvalOptions(true, true, CalibrationMode.EXACT, 2, 0, false),
                  m);
      assertEquals(rows.get(0).oneShotAccuracy(), alone.get(0).oneShotAccuracy());
      assertEquals(rows.get(3).oneShotAccuracy(), alone.get(1).oneShotAccuracy());
      // Reference calibration over the evaluation batches also leaves the trained stats in place.
      List<CandidateResult> ref =
          new OneShotEvaluator(quiet)
              .evaluate(
                  net,
                  77,
                  choices.subList(1, 2),
                  val,
                  null,
                  new EvalOptions(false, true, CalibrationMode.REFERENCE, 0, 2, false),
                  m);
      assertEquals(1, ref.size());
      assertTrue(ref.get(0).calibrated());
      for (Map.Entry<String, Parameter> e : net.namedParameters().entrySet()) {
        assertArrayEquals(
            before.get(e.getKey()), e.getValue().getArray().toByteArray(), e.getKey());
      }
      assertFalse(rows.isEmpty());
    }
  }
}
