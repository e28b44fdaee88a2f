package dev.nasrank.harness.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import dev.nasrank.datasets.djl.SyntheticBatches;
import dev.nasrank.harness.config.NetworkShape;
import dev.nasrank.harness.setting.BnStrategy;
import dev.nasrank.harness.setting.CalibrationMode;
import dev.nasrank.harness.setting.Method;
import dev.nasrank.harness.space.S4Choice;
import dev.nasrank.harness.space.S4Space;
import dev.nasrank.harness.space.SamplerMode;
import dev.nasrank.harness.supernet.RunningBatchNorm;
import dev.nasrank.harness.supernet.S4Supernet;
import dev.nasrank.harness.supernet.S4SupernetConfig;
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
 * The shared (batch-major) evaluation gives exactly the per-choice reference's accuracies, for
 * every method and BN strategy and both calibration protocols, leaves the trained statistics in
 * place and leaks no array.
 */
class EvalPathEquivalenceTest {

  private static final PrintStream QUIET =
      new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

  /**
   * Every 13th choice of the space (20): path counts and node subsets mixed, as the space lists
   * them.
   */
  private static List<S4Choice> choices() {
    List<S4Choice> all = S4Space.choices(4);
    List<S4Choice> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i += 13) {
      out.add(all.get(i));
    }
    return out;
  }

  /** A supernet with random weights and non-trivial running statistics (as after training). */
  private static S4Supernet net(Method method, BnStrategy strategy, NDManager m) {
    S4Supernet net =
        new S4Supernet(
            new S4SupernetConfig(
                method, strategy, 4, SamplerMode.CORRECTED, NetworkShape.cifar10(4, 3, 1)));
    net.initialize(m);
    for (S4Choice c : S4Space.choices(4)) {
      for (RunningBatchNorm bn : net.pathBatchNorms(c)) {
        Shape s = new Shape(bn.channels());
        bn.runningMean()
            .set(
                FloatBuffer.wrap(
                    m.randomNormal(0f, 0.3f, s, bn.runningMean().getDataType()).toFloatArray()));
        bn.runningVar().set(FloatBuffer.wrap(m.randomUniform(0.5f, 2f, s).toFloatArray()));
      }
    }
    return net;
  }

  private static Map<String, byte[]> params(S4Supernet net) {
    Map<String, byte[]> out = new HashMap<>();
    for (Map.Entry<String, Parameter> e : net.namedParameters().entrySet()) {
      out.put(e.getKey(), e.getValue().getArray().toByteArray());
    }
    return out;
  }

  @Test
  void sharedPathEqualsPerChoicePathExactly() {
    Engine.getInstance().setRandomSeed(71);
    List<S4Choice> choices = choices();
    // 40 validation images in batches of 16 (the last batch short), 3 calibration batches of 16.
    SyntheticBatches val = new SyntheticBatches(40, 16, 10, 500);
    SyntheticBatches train = new SyntheticBatches(64, 16, 10, 501);
    List<EvalOptions> protocols =
        List.of(
            new EvalOptions(true, true, CalibrationMode.EXACT, 3, 0, false),
            new EvalOptions(false, true, CalibrationMode.REFERENCE, 0, 2, false));
    for (Method method : Method.values()) {
      List<BnStrategy> strategies =
          method == Method.SPOS ? List.of(BnStrategy.VANILLA) : List.of(BnStrategy.values());
      for (BnStrategy strategy : strategies) {
        try (NDManager m = NDManager.newBaseManager()) {
          S4Supernet net = net(method, strategy, m);
          Map<String, byte[]> trained = params(net);
          int arrays = m.getManagedArrays().size();
          for (EvalOptions opts : protocols) {
            String what = method.cliName() + "/" + strategy.cliName() + " " + opts.mode().cliName();
            List<CandidateResult> reference =
                new OneShotEvaluator(QUIET, EvalPath.PER_CHOICE)
                    .evaluate(net, 7, choices, val, train, opts, m);
            List<CandidateResult> shared =
                new OneShotEvaluator(QUIET, EvalPath.SHARED)
                    .evaluate(net, 7, choices, val, train, opts, m);
            assertEquals(reference, shared, what);
            Map<String, byte[]> after = params(net);
            for (Map.Entry<String, byte[]> e : trained.entrySet()) {
              assertArrayEquals(
                  e.getValue(), after.get(e.getKey()), what + ": " + e.getKey() + " restored");
            }
            assertEquals(arrays, m.getManagedArrays().size(), what + ": no array left behind");
          }
        }
      }
    }
  }

  @Test
  void phasesAreReportedInOrder() {
    Engine.getInstance().setRandomSeed(72);
    try (NDManager m = NDManager.newBaseManager()) {
      S4Supernet net = net(Method.MIXPATH, BnStrategy.LINEAR_SBN, m);
      List<EvalPhase> seen = new ArrayList<>();
      new OneShotEvaluator(QUIET)
          .evaluate(
              net,
              7,
              choices().subList(0, 3),
              new SyntheticBatches(16, 8, 10, 1),
              new SyntheticBatches(16, 8, 10, 2),
              new EvalOptions(true, true, CalibrationMode.EXACT, 1, 0, false),
              m,
              seen::add);
      assertEquals(
          List.of(EvalPhase.UNCALIBRATED, EvalPhase.CALIBRATION, EvalPhase.CALIBRATED), seen);
    }
  }
}
