package dev.nasrank.harness.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import dev.nasrank.harness.config.NetworkShape;
import dev.nasrank.harness.setting.BnStrategy;
import dev.nasrank.harness.space.CellSearchSpace;
import dev.nasrank.harness.space.Nb101Cell;
import dev.nasrank.harness.supernet.CellSupernet;
import dev.nasrank.harness.supernet.CellSupernetConfig;
import dev.nasrank.harness.supernet.RunningBatchNorm;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Path-exact training of the cell supernet: after a {@link TrainStep} (momentum 0.9, weight decay
 * 3e-4, clip 5) on one cell, every parameter and running statistic outside that cell's path is
 * bit-identical, for every BN strategy, also on a second step that follows a step on another cell
 * (whose parameters then carry momentum buffers).
 */
class CellPathExactTest {

  @Test
  void inactiveVerticesStayBitIdenticalForEveryStrategy() {
    for (BnStrategy strategy : BnStrategy.values()) {
      Engine.getInstance().setRandomSeed(81);
      CellSupernetConfig cfg =
          CellSupernetConfig.builder()
              .setSpace("1shot1-ss3")
              .optBnStrategy(strategy)
              .optNetwork(NetworkShape.cifar10(4, 3, 1))
              .build();
      CellSearchSpace space = cfg.space();
      List<Nb101Cell> cells = space.candidates();
      Nb101Cell a = cells.get(5);
      Nb101Cell b = cells.get(cells.size() - 7);
      CellSupernet net = cfg.newSupernet();
      try (NDManager m = NDManager.newBaseManager();
          PathSgd sgd = new PathSgd(m, 0.9, 3e-4, 5)) {
        net.initialize(m);
        ParameterStore ps = new ParameterStore(m, false);
        TrainStep<Nb101Cell> step = new TrainStep<>(net, sgd, ps);
        for (Nb101Cell cell : List.of(a, b, a)) {
          Map<String, byte[]> before = TinyNets.snapshot(net);
          try (NDManager batch = m.newSubManager()) {
            NDArray x = batch.randomNormal(new Shape(4, 3, 32, 32));
            NDArray y = batch.create(new float[] {0, 3, 5, 9});
            assertTrue(step.run(cell, x, y, 0.05).finite());
          }
          Set<Parameter> path = Collections.newSetFromMap(new IdentityHashMap<>());
          path.addAll(net.pathParameters(cell));
          Set<Parameter> stats = Collections.newSetFromMap(new IdentityHashMap<>());
          for (RunningBatchNorm bn : net.pathBatchNorms(cell)) {
            stats.add(find(net, bn.runningMean()));
            stats.add(find(net, bn.runningVar()));
          }
          int changed = 0;
          int untouched = 0;
          for (Map.Entry<String, Parameter> e : net.namedParameters().entrySet()) {
            Parameter p = e.getValue();
            byte[] now = p.getArray().toByteArray();
            if (path.contains(p) || stats.contains(p)) {
              if (!java.util.Arrays.equals(before.get(e.getKey()), now)) {
                changed++;
              }
            } else {
              assertArrayEquals(
                  before.get(e.getKey()),
                  now,
                  strategy.cliName() + ": " + e.getKey() + " is outside " + cell.path());
              untouched++;
            }
          }
          assertTrue(changed > 0, strategy.cliName() + ": the path moved");
          assertTrue(untouched > 0, strategy.cliName() + ": some parameters are off the path");
        }
        assertNotEquals(a.path(), b.path());
        assertFalse(net.pathParameters(a).containsAll(net.pathParameters(b)));
      }
    }
  }

  /** The parameter whose array is {@code array}. */
  private static Parameter find(CellSupernet net, NDArray array) {
    for (Parameter p : net.namedParameters().values()) {
      if (p.getArray() == array) {
        return p;
      }
    }
    throw new AssertionError("no parameter holds that array");
  }
}
