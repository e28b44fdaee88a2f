package dev.nasrank.harness.supernet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.nasrank.harness.config.NetworkShape;
import dev.nasrank.harness.setting.BnStrategy;
import dev.nasrank.harness.setting.Method;
import dev.nasrank.harness.space.S4Choice;
import dev.nasrank.harness.space.SamplerMode;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SupernetTest {

  /** Closed form of the parameter count (independent of the blocks): see docs/harness.md. */
  static long expectedCount(S4SupernetConfig c) {
    long total = 27L * c.network().stemChannels() + 2L * c.network().stemChannels();
    long in = c.network().stemChannels();
    int copies = c.method() == Method.SPOS ? c.maxPaths() : 1;
    int bns =
        switch (c.bnStrategy()) {
          case NONE -> 0;
          case VANILLA, SIMPLE_SCALING -> 1;
          case LINEAR_SBN -> c.maxPaths();
          case EXPONENTIAL_SBN -> c.reachableMasks().size();
        };
    for (int s = 0; s < c.network().stacks(); s++) {
      long out = (long) c.network().stemChannels() << s;
      for (int j = 0; j < c.network().cellsPerStack(); j++) {
        long projections = 3 * (in * out + 2 * out);
        long convs = (out * out + 2 * out) + (9 * out * out + 2 * out);
        total += copies * 4L * (projections + convs) + (out * out + out) + bns * 2L * out;
        in = out;
      }
    }
    return total + in * c.network().classes() + c.network().classes();
  }

  @Test
  void paperMixPathHas52point86MillionParameters() {
    S4SupernetConfig cfg = S4SupernetConfig.paper(Method.MIXPATH, BnStrategy.NONE);
    assertEquals(52_859_146L, expectedCount(cfg));
    S4Supernet net = new S4Supernet(cfg);
    try (NDManager m = NDManager.newBaseManager()) {
      net.initialize(m);
      long fromArrays = 0;
      for (Parameter p : net.namedParameters().values()) {
        if (p.getType() != Parameter.Type.RUNNING_MEAN
            && p.getType() != Parameter.Type.RUNNING_VAR) {
          fromArrays += p.getArray().size();
        }
      }
      assertEquals(expectedCount(cfg), fromArrays);
      assertEquals(fromArrays, net.trainableParameterCount());
      assertEquals(1.0, fromArrays / 52.86e6, 0.005);
    }
    for (BnStrategy b : BnStrategy.values()) {
      S4SupernetConfig c = S4SupernetConfig.paper(Method.MIXPATH, b);
      long n = new S4Supernet(c).trainableParameterCount();
      assertEquals(expectedCount(c), n, b.cliName());
      assertEquals(1.0, n / 52.86e6, 0.005, b.cliName());
    }
  }

  @Test
  void paperSposHasOneNodeCopyPerPathCount() {
    S4SupernetConfig cfg = S4SupernetConfig.paper(Method.SPOS, BnStrategy.NONE);
    long n = new S4Supernet(cfg).trainableParameterCount();
    assertEquals(208_305_418L, n);
    assertEquals(expectedCount(cfg), n);
    // The paper reports 199.7M for SPOS vs 52.9M for MixPath; this construction gives 3.94x (4.3%
    // above 199.7M).
    double ratio =
        n
            / (double)
                new S4Supernet(cfg.with(Method.MIXPATH, BnStrategy.NONE)).trainableParameterCount();
    assertEquals(3.94, ratio, 0.01);
  }

  @Test
  void batchNormCountsPerStrategy() {
    S4SupernetConfig base =
        new S4SupernetConfig(
            Method.MIXPATH,
            BnStrategy.NONE,
            4,
            SamplerMode.CORRECTED,
            NetworkShape.cifar10(4, 1, 1));
    int[] expected = {0, 1, 4, 15, 1};
    for (BnStrategy b : BnStrategy.values()) {
      S4Supernet net = new S4Supernet(base.with(Method.MIXPATH, b));
      assertEquals(
          expected[b.ordinal()],
          net.cells().get(0).sumNormalization().batchNormCount(),
          b.cliName());
    }
    S4SupernetConfig ref3 =
        new S4SupernetConfig(
            Method.MIXPATH,
            BnStrategy.EXPONENTIAL_SBN,
            3,
            SamplerMode.REFERENCE,
            NetworkShape.cifar10(4, 1, 1));
    assertEquals(7, new S4Supernet(ref3).cells().get(0).sumNormalization().batchNormCount());
    S4SupernetConfig cor3 =
        new S4SupernetConfig(
            Method.MIXPATH,
            BnStrategy.EXPONENTIAL_SBN,
            3,
            SamplerMode.CORRECTED,
            NetworkShape.cifar10(4, 1, 1));
    assertEquals(14, new S4Supernet(cor3).cells().get(0).sumNormalization().batchNormCount());
    assertThrows(
        IllegalArgumentException.class,
        () -> new S4Supernet(ref3).setChoice(S4Choice.parse("n4:conv1x1")));
  }

  @Test
  void onlyThePathGetsGradients() {
    Engine.getInstance().setRandomSeed(3);
    for (Method method : Method.values()) {
      S4SupernetConfig cfg =
          new S4SupernetConfig(
              method,
              BnStrategy.LINEAR_SBN,
              4,
              SamplerMode.CORRECTED,
              NetworkShape.cifar10(4, 3, 1));
      S4Supernet net = new S4Supernet(cfg);
      try (NDManager m = NDManager.newBaseManager()) {
        net.initialize(m);
        S4Choice choice = S4Choice.parse("n1:conv3x3,n3:maxpool3x3,n4:conv1x1");
        net.setChoice(choice);
        Set<Parameter> path = Collections.newSetFromMap(new IdentityHashMap<>());
        path.addAll(net.pathParameters(choice));
        try (NDManager step = m.newSubManager()) {
          NDArray x = step.randomNormal(new Shape(3, 3, 32, 32));
          ParameterStore ps = new ParameterStore(step, false);
          try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray logits = net.forward(ps, new NDList(x), true).singletonOrThrow();
            assertArrayEquals(new long[] {3, 10}, logits.getShape().getShape());
            gc.backward(logits.square().sum());
          }
          int nonzeroOnPath = 0;
          for (Map.Entry<String, Parameter> e : net.namedParameters().entrySet()) {
            Parameter p = e.getValue();
            if (!p.requiresGradient()) {
              continue;
            }
            try (NDArray g = p.getArray().getGradient()) {
              float absSum = g.abs().sum().getFloat();
              if (path.contains(p)) {
                nonzeroOnPath += absSum > 0 ? 1 : 0;
              } else {
                assertEquals(0f, absSum, "gradient outside the path: " + e.getKey());
              }
            }
          }
          // Every path parameter but the BN betas feeding a ReLU can be zero by chance; nearly all
          // are non-zero.
          assertTrue(nonzeroOnPath >= path.size() - 2, nonzeroOnPath + " of " + path.size());
        }
      }
    }
  }

  @Test
  void runningBatchNormNormalisesChannelsAndTracksStats() {
    RunningBatchNorm bn = new RunningBatchNorm(3);
    try (NDManager m = NDManager.newBaseManager()) {
      bn.initialize(m, ai.djl.ndarray.types.DataType.FLOAT32, new Shape(4, 3, 5, 5));
      NDArray x =
          m.randomNormal(new Shape(4, 3, 5, 5))
              .mul(m.create(new float[] {1, 2, 3}).reshape(1, 3, 1, 1))
              .add(m.create(new float[] {5, -1, 0.5f}).reshape(1, 3, 1, 1));
      bn.setUpdateWeight(1.0);
      NDArray y = bn.forward(new ParameterStore(m, false), new NDList(x), true).singletonOrThrow();
      float[] outMean = channelMean(y);
      float[] outVar = channelMean(y.sub(m.create(outMean).reshape(1, 3, 1, 1)).square());
      float[] inMean = channelMean(x);
      float[] inVarUnbiased = channelMean(x.sub(m.create(inMean).reshape(1, 3, 1, 1)).square());
      for (int c = 0; c < 3; c++) {
        inVarUnbiased[c] *= 100f / 99f;
      }
      for (int c = 0; c < 3; c++) {
        assertEquals(0f, outMean[c], 1e-4);
        assertEquals(1f, outVar[c], 1e-3);
      }
      assertArrayEquals(inMean, bn.runningMean().toFloatArray(), 1e-5f);
      assertArrayEquals(inVarUnbiased, bn.runningVar().toFloatArray(), 1e-4f);
      bn.resetRunningStats();
      assertArrayEquals(new float[3], bn.runningMean().toFloatArray());
      assertArrayEquals(new float[] {1, 1, 1}, bn.runningVar().toFloatArray());
    }
  }

  /** Per-channel mean of an NCHW array, computed in Java. */
  static float[] channelMean(NDArray a) {
    long[] s = a.getShape().getShape();
    float[] v = a.toFloatArray();
    int n = (int) s[0];
    int c = (int) s[1];
    int hw = (int) (s[2] * s[3]);
    float[] out = new float[c];
    for (int i = 0; i < n; i++) {
      for (int ch = 0; ch < c; ch++) {
        double sum = 0;
        for (int k = 0; k < hw; k++) {
          sum += v[(i * c + ch) * hw + k];
        }
        out[ch] += (float) (sum / (n * hw));
      }
    }
    return out;
  }
}
