package dev.nasrank.harness.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import dev.nasrank.datasets.djl.SyntheticBatches;
import dev.nasrank.harness.config.NetworkShape;
import dev.nasrank.harness.setting.BnStrategy;
import dev.nasrank.harness.setting.CalibrationMode;
import dev.nasrank.harness.space.Nb101Cell;
import dev.nasrank.harness.supernet.CellSupernet;
import dev.nasrank.harness.supernet.CellSupernetConfig;
import dev.nasrank.harness.supernet.RunningBatchNorm;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * For a cell supernet the shared evaluation (prefix, kept first-cell vertices, shared calibration)
 * gives exactly the per-choice reference's accuracies for every BN strategy and both calibration
 * protocols, restores the trained statistics and leaks nothing.
 */
class CellEvalPathEquivalenceTest {

  private static final PrintStream QUIET =
      new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

  @Test
  void sharedPathEqualsPerChoicePathExactly() {
    Engine.getInstance().setRandomSeed(91);
    SyntheticBatches val = new SyntheticBatches(40, 16, 10, 600);
    SyntheticBatches train = new SyntheticBatches(48, 16, 10, 601);
    List<EvalOptions> protocols =
        List.of(
            new EvalOptions(true, true, CalibrationMode.EXACT, 2, 0, false),
            new EvalOptions(false, true, CalibrationMode.REFERENCE, 0, 2, false));
    int varied = 0;
    for (BnStrategy strategy : BnStrategy.values()) {
      CellSupernetConfig cfg =
          CellSupernetConfig.builder()
              .setSpace("nb101-v6")
              .optBnStrategy(strategy)
              .optNetwork(NetworkShape.cifar10(4, 3, 1))
              .build();
      List<Nb101Cell> all = cfg.space().candidates();
      List<Nb101Cell> cells = new ArrayList<>();
      for (int i = 3; i < all.size() && cells.size() < 24; i += 211) {
        cells.add(all.get(i));
      }
      try (NDManager m = NDManager.newBaseManager()) {
        CellSupernet net = cfg.newSupernet();
        net.initialize(m);
        for (Nb101Cell c : cells) {
          for (RunningBatchNorm bn : net.pathBatchNorms(c)) {
            Shape s = new Shape(bn.channels());
            bn.runningMean()
                .set(
                    FloatBuffer.wrap(
                        m.randomNormal(0f, 0.3f, s, bn.runningMean().getDataType())
                            .toFloatArray()));
            bn.runningVar().set(FloatBuffer.wrap(m.randomUniform(0.5f, 2f, s).toFloatArray()));
          }
        }
        Map<String, byte[]> trained = params(net);
        int arrays = m.getManagedArrays().size();
        for (EvalOptions opts : protocols) {
          String what = strategy.cliName() + " " + opts.mode().cliName();
          List<CandidateResult> reference =
              new OneShotEvaluator(QUIET, EvalPath.PER_CHOICE)
                  .evaluate(net, 7, cells, val, train, opts, m);
          List<CandidateResult> shared =
              new OneShotEvaluator(QUIET, EvalPath.SHARED)
                  .evaluate(net, 7, cells, val, train, opts, m);
          assertEquals(reference, shared, what);
          if (reference.stream().map(CandidateResult::oneShotAccuracy).distinct().count() > 1) {
            varied++;
          }
          Map<String, byte[]> after = params(net);
          for (Map.Entry<String, byte[]> e : trained.entrySet()) {
            assertArrayEquals(e.getValue(), after.get(e.getKey()), what + ": " + e.getKey());
          }
          assertEquals(arrays, m.getManagedArrays().size(), what + ": no array left behind");
        }
      }
    }
    assertTrue(varied >= 3, "accuracies vary between cells in " + varied + " of 10 evaluations");
  }

  private static Map<String, byte[]> params(CellSupernet net) {
    Map<String, byte[]> out = new HashMap<>();
    for (Map.Entry<String, Parameter> e : net.namedParameters().entrySet()) {
      out.put(e.getKey(), e.getValue().getArray().toByteArray());
    }
    return out;
  }
}
