package dev.nasrank.harness.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.nasrank.harness.setting.BnStrategy;
import dev.nasrank.harness.setting.Method;
import dev.nasrank.harness.space.S4Sampler;
import dev.nasrank.harness.space.SamplerMode;
import dev.nasrank.harness.supernet.S4Supernet;
import org.junit.jupiter.api.Test;

/**
 * Training steps leave no NDArray behind: the count of live arrays under the run's manager stays
 * constant.
 */
class TrainStepLeakTest {

  private static void steps(TrainStep step, S4Sampler sampler, NDManager manager, int n) {
    for (int i = 0; i < n; i++) {
      try (NDManager s = manager.newSubManager()) {
        NDArray x = s.randomNormal(new Shape(4, 3, 32, 32));
        NDArray y = s.create(new float[] {1, 2, 3, 4});
        assertTrue(step.run(sampler.next(), x, y, 0.01).finite());
      }
    }
  }

  @Test
  void arrayCountIsFlatAcrossSteps() {
    Engine.getInstance().setRandomSeed(41);
    for (Method method : Method.values()) {
      S4Supernet net = new S4Supernet(TinyNets.config(method, BnStrategy.EXPONENTIAL_SBN));
      try (NDManager m = NDManager.newBaseManager();
          PathSgd sgd = new PathSgd(m, 0.9, 3e-4, 5)) {
        net.initialize(m);
        TrainStep step = new TrainStep(net, sgd, new ParameterStore(m, false));
        S4Sampler sampler = new S4Sampler(4, SamplerMode.CORRECTED, 3);
        // Whatever paths were visited, the only live arrays are the parameters and their momentum
        // buffers.
        steps(step, sampler, m, 8);
        int params = net.namedParameters().size();
        assertEquals(
            params + sgd.buffersByName(net.namedParameters()).size(),
            m.getManagedArrays().size(),
            method + ": live arrays = parameters + momentum buffers");
        steps(step, sampler, m, 4);
        int buffers = sgd.buffersByName(net.namedParameters()).size();
        assertTrue(buffers > 0);
        assertEquals(
            params + buffers,
            m.getManagedArrays().size(),
            method + ": live arrays = parameters + momentum buffers");
      }
    }
  }
}
