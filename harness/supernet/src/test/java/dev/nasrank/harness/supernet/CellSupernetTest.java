package dev.nasrank.harness.supernet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import dev.nasrank.harness.config.NetworkShape;
import dev.nasrank.harness.setting.BnStrategy;
import dev.nasrank.harness.setting.Method;
import dev.nasrank.harness.space.CellSearchSpace;
import dev.nasrank.harness.space.Nb101Cell;
import java.nio.FloatBuffer;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The cell-space supernet: parameter counts, forward, path-exact gradients, shared prefix. */
class CellSupernetTest {

  static final NetworkShape MICRO = NetworkShape.cifar10(4, 3, 1);

  static CellSupernetConfig config(String space, BnStrategy strategy) {
    return CellSupernetConfig.builder()
        .setSpace(space)
        .optBnStrategy(strategy)
        .optNetwork(MICRO)
        .build();
  }

  /**
   * Hand count for nb101-v4 (at most 4 vertices: inner positions 1 and 2). Position 1 takes only
   * the cell input ({0}); position 2 takes {0}, {1} or {0,1}, with any op; positions 1, 2 and the
   * output take the cell input in some cell, so each cell has 3 projections. Per cell of width out:
   * 3 (in out + 2 out) projection weights and BN, 2 positions x (9 + 1) out^2 conv weights, and 2
   * out per batch norm after a conv: none 0; vanilla and simple scaling 4 (2 positions x 2 convs);
   * linear Shadow BN 2 x 1 (position 1: k = 1) + 2 x 2 (position 2: k = 1, 2) = 6; exponential 2 x
   * 1 + 2 x 3 = 8.
   */
  static long handCountV4(NetworkShape n, BnStrategy b) {
    int bns =
        switch (b) {
          case NONE -> 0;
          case VANILLA, SIMPLE_SCALING -> 4;
          case LINEAR_SBN -> 6;
          case EXPONENTIAL_SBN -> 8;
        };
    long c = n.stemChannels();
    long total = 27 * c + 2 * c;
    long in = c;
    for (int s = 0; s < n.stacks(); s++) {
      long out = c << s;
      for (int j = 0; j < n.cellsPerStack(); j++) {
        total += 3 * (in * out + 2 * out) + 20 * out * out + 2L * bns * out;
        in = out;
      }
    }
    return total + in * n.classes() + n.classes();
  }

  @Test
  void parameterCountsMatchTheHandCountForNb101V4() {
    // C = 4: stem 116; cells (in, out) = (4, 4), (4, 8), (8, 16); dense 16 x 10 + 10
    assertEquals(
        116 + (72 + 320) + (144 + 1280) + (480 + 5120) + 170, handCountV4(MICRO, BnStrategy.NONE));
    for (BnStrategy b : BnStrategy.values()) {
      CellSupernet net = new CellSupernet(config("nb101-v4", b));
      assertEquals(handCountV4(MICRO, b), net.trainableParameterCount(), b.cliName());
      NetworkShape mini = NetworkShape.S4_MINI;
      assertEquals(
          handCountV4(mini, b),
          new CellSupernet(config("nb101-v4", b).withNetwork(mini)).trainableParameterCount(),
          b.cliName() + " at the mini shape");
    }
    CellSupernet net = new CellSupernet(config("nb101-v4", BnStrategy.EXPONENTIAL_SBN));
    try (NDManager m = NDManager.newBaseManager()) {
      net.initialize(m);
      long fromArrays = 0;
      for (Parameter p : net.namedParameters().values()) {
        if (p.getType() != Parameter.Type.RUNNING_MEAN
            && p.getType() != Parameter.Type.RUNNING_VAR) {
          fromArrays += p.getArray().size();
        }
      }
      assertEquals(handCountV4(MICRO, BnStrategy.EXPONENTIAL_SBN), fromArrays);
    }
  }

  @Test
  void aPathHoldsExactlyItsVerticesParameters() {
    // 0 -> 1 (conv3x3) -> 2 (maxpool) -> output, 0 -> 2, 0 -> output: stem, per cell projections
    // 1, 2 and output, the conv3x3 at position 1 with its BN (k = 1), no weights for the max-pool;
    // dense
    CellSearchSpace space = CellSupernetConfig.cellSpace("nb101-v4");
    Nb101Cell cell =
        space.candidates().stream()
            .filter(
                c ->
                    c.vertices() == 4
                        && c.spec().op(1) == dev.nasrank.benchbridge.Op.CONV3X3
                        && c.spec().op(2) == dev.nasrank.benchbridge.Op.MAXPOOL3X3
                        && c.path().inputs(2) == 0b11
                        && c.path().inputs(6) == 0b101)
            .findFirst()
            .orElseThrow();
    CellSupernet net = new CellSupernet(config("nb101-v4", BnStrategy.LINEAR_SBN));
    long n = 0;
    for (Parameter p : net.pathParameters(cell)) {
      n += p.getShape().size();
    }
    long c = 4;
    long expected = 27 * c + 2 * c;
    long in = c;
    for (int s = 0; s < 3; s++) {
      long out = c << s;
      expected += 3 * (in * out + 2 * out) + 9 * out * out + 2 * out;
      in = out;
    }
    expected += in * 10 + 10;
    assertEquals(expected, n);
    assertEquals(1 + 3 * 4, net.pathBatchNorms(cell).size(), "stem + 3 x (3 projections + 1)");
  }

  @Test
  void spos_isRefusedWithTheReason() {
    CellSupernetConfig c = config("1shot1-ss3", BnStrategy.VANILLA);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> c.withMethod(Method.SPOS));
    assertTrue(e.getMessage().contains("docs/cellnet.md"), e.getMessage());
  }

  /** Cells of nb101-v5 with varied in-degrees, ops and input edges. */
  static List<Nb101Cell> someCells(CellSearchSpace space) {
    List<Nb101Cell> all = space.candidates();
    return List.of(
        all.get(0),
        all.get(all.size() / 3),
        all.get(all.size() / 2),
        all.get(all.size() - 1),
        all.get(17),
        all.get(101));
  }

  static void randomiseRunningStats(Supernet<Nb101Cell> net, List<Nb101Cell> cells, NDManager m) {
    for (Nb101Cell c : cells) {
      for (RunningBatchNorm bn : net.pathBatchNorms(c)) {
        Shape s = new Shape(bn.channels());
        bn.runningMean()
            .set(FloatBuffer.wrap(m.randomNormal(0f, 0.2f, s, DataType.FLOAT32).toFloatArray()));
        bn.runningVar().set(FloatBuffer.wrap(m.randomUniform(0.5f, 1.5f, s).toFloatArray()));
      }
    }
  }

  @Test
  void prefixLogitsAreBitIdenticalInBothModesForEveryStrategy() {
    Engine.getInstance().setRandomSeed(71);
    for (BnStrategy strategy : BnStrategy.values()) {
      CellSupernet net = new CellSupernet(config("nb101-v5", strategy));
      List<Nb101Cell> cells = someCells(net.config().space());
      try (NDManager m = NDManager.newBaseManager()) {
        net.initialize(m);
        randomiseRunningStats(net, cells, m);
        ParameterStore ps = new ParameterStore(m, false);
        NDArray x = m.randomNormal(new Shape(5, 3, 32, 32));
        int before = m.getManagedArrays().size();
        try (CellPrefix prefix = net.prefix(ps, x, false)) {
          for (Nb101Cell c : cells) {
            float[] plain;
            try (NDManager s = m.newSubManager()) {
              NDArray xs = x.duplicate();
              xs.attach(s);
              plain = net.logits(ps, xs, c, false).toFloatArray();
            }
            try (NDManager scope = m.newSubManager()) {
              assertArrayEquals(
                  plain, net.logits(ps, prefix, c, scope).toFloatArray(), strategy + " " + c);
            }
          }
        }
        assertEquals(before, m.getManagedArrays().size(), "no array left behind");
        // training mode: the same logits and the same running statistics as one plain pass
        for (Nb101Cell c : cells) {
          List<RunningBatchNorm> norms = net.pathBatchNorms(c);
          List<float[][]> start =
              norms.stream().map(RunningBatchNorm::snapshotRunningStats).toList();
          float[] plain;
          try (NDManager s = m.newSubManager()) {
            NDArray xs = x.duplicate();
            xs.attach(s);
            plain = net.logits(ps, xs, c, true).toFloatArray();
          }
          List<float[][]> afterPlain =
              norms.stream().map(RunningBatchNorm::snapshotRunningStats).toList();
          for (int i = 0; i < norms.size(); i++) {
            norms.get(i).restoreRunningStats(start.get(i));
          }
          try (CellPrefix prefix = net.prefix(ps, x, true);
              NDManager scope = m.newSubManager()) {
            assertArrayEquals(plain, net.logits(ps, prefix, c, scope).toFloatArray());
          }
          for (int i = 0; i < norms.size(); i++) {
            assertArrayEquals(afterPlain.get(i)[0], norms.get(i).snapshotRunningStats()[0]);
            assertArrayEquals(afterPlain.get(i)[1], norms.get(i).snapshotRunningStats()[1]);
          }
        }
      }
    }
  }

  /**
   * 40 cells of nb101-v5 in the evaluator's (trie) order, every 2nd from the middle of the space
   * sorted so: neighbours often share their first positions.
   */
  static List<Nb101Cell> trieOrdered(CellSupernet net) {
    java.util.List<Nb101Cell> all = new java.util.ArrayList<>(net.config().space().candidates());
    all.sort(java.util.Comparator.comparingInt(net::prefixGroup));
    java.util.List<Nb101Cell> pick = new java.util.ArrayList<>();
    for (int i = all.size() / 2; i < all.size() && pick.size() < 40; i += 2) {
      pick.add(all.get(i));
    }
    return pick;
  }

  @Test
  void keptVertexOutputsGiveBitIdenticalLogitsForEveryStrategy() {
    Engine.getInstance().setRandomSeed(73);
    for (BnStrategy strategy : BnStrategy.values()) {
      CellSupernet net = new CellSupernet(config("nb101-v5", strategy));
      List<Nb101Cell> cells = trieOrdered(net);
      int shared = 0;
      for (int i = 1; i < cells.size(); i++) {
        int a = CellSupernetCell.trieKey(cells.get(i - 1).path());
        int b = CellSupernetCell.trieKey(cells.get(i).path());
        if (cells.get(i).path().isActive(3)
            && CellSupernetCell.prefixKey(a, 3) == CellSupernetCell.prefixKey(b, 3)) {
          shared++;
        }
      }
      assertTrue(shared >= 5, "neighbours that share positions 1..3: " + shared);
      try (NDManager m = NDManager.newBaseManager()) {
        net.initialize(m);
        randomiseRunningStats(net, cells, m);
        ParameterStore ps = new ParameterStore(m, false);
        NDArray x = m.randomNormal(new Shape(3, 3, 32, 32));
        int before = m.getManagedArrays().size();
        try (CellPrefix prefix = net.prefix(ps, x, false)) {
          for (Nb101Cell c : cells) {
            float[] plain;
            try (NDManager s = m.newSubManager()) {
              NDArray xs = x.duplicate();
              xs.attach(s);
              plain = net.logits(ps, xs, c, false).toFloatArray();
            }
            try (NDManager scope = m.newSubManager()) {
              assertArrayEquals(
                  plain, net.logits(ps, prefix, c, scope).toFloatArray(), strategy + " " + c);
            }
          }
        }
        assertEquals(before, m.getManagedArrays().size(), "no array left behind");
      }
    }
  }

  /** Byte copies of every parameter array (running statistics included), by name. */
  static Map<String, byte[]> snapshot(Supernet<?> net) {
    Map<String, byte[]> out = new HashMap<>();
    for (Map.Entry<String, Parameter> e : net.namedParameters().entrySet()) {
      out.put(e.getKey(), e.getValue().getArray().toByteArray());
    }
    return out;
  }

  @Test
  void gradientsReachOnlyThePath() {
    Engine.getInstance().setRandomSeed(72);
    CellSupernet net = new CellSupernet(config("nb101-v5", BnStrategy.EXPONENTIAL_SBN));
    Nb101Cell cell = someCells(net.config().space()).get(2);
    try (NDManager m = NDManager.newBaseManager()) {
      net.initialize(m);
      ParameterStore ps = new ParameterStore(m, false);
      NDArray x = m.randomNormal(new Shape(4, 3, 32, 32));
      NDArray y = m.create(new int[] {1, 2, 3, 4});
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDArray logits = net.logits(ps, x, cell, true);
        assertEquals(new Shape(4, 10), logits.getShape());
        gc.backward(Loss.softmaxCrossEntropyLoss().evaluate(new NDList(y), new NDList(logits)));
      }
      Set<Parameter> path = Collections.newSetFromMap(new IdentityHashMap<>());
      path.addAll(net.pathParameters(cell));
      for (Map.Entry<String, Parameter> e : net.namedParameters().entrySet()) {
        Parameter p = e.getValue();
        if (!p.requiresGradient()) {
          continue;
        }
        boolean nonZero = p.getArray().getGradient().abs().sum().getFloat() > 0;
        if (path.contains(p)) {
          assertTrue(nonZero, "path parameter without gradient: " + e.getKey());
        } else {
          assertFalse(nonZero, "gradient outside the path: " + e.getKey());
        }
      }
    }
  }

  @Test
  void cellsOutsideTheSpaceAreRefused() {
    CellSupernet net = new CellSupernet(config("nb101-v4", BnStrategy.VANILLA));
    Nb101Cell big =
        CellSupernetConfig.cellSpace("nb101-v5").candidates().stream()
            .filter(c -> c.vertices() == 5)
            .findFirst()
            .orElseThrow();
    assertThrows(IllegalArgumentException.class, () -> net.pathParameters(big));
  }
}
