package dev.nasrank.harness.supernet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.nasrank.harness.config.NetworkShape;
import dev.nasrank.harness.setting.BnStrategy;
import dev.nasrank.harness.setting.Method;
import dev.nasrank.harness.space.S4Choice;
import dev.nasrank.harness.space.S4Space;
import dev.nasrank.harness.space.SamplerMode;
import java.nio.FloatBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A choice's pass from a {@link S4Prefix} equals its plain forward pass bit for bit, and leaks
 * nothing.
 */
class SharedPrefixTest {

  private static final List<S4Choice> CHOICES =
      List.of(
          S4Choice.parse("n1:conv3x3"),
          S4Choice.parse("n2:conv1x1,n3:maxpool3x3"),
          S4Choice.parse("n1:conv1x1,n2:conv3x3,n4:conv3x3"),
          S4Choice.parse("n1:maxpool3x3,n2:maxpool3x3,n3:conv1x1,n4:conv3x3"),
          S4Choice.parse("n4:maxpool3x3"));

  private static S4SupernetConfig config(Method method, BnStrategy strategy) {
    return new S4SupernetConfig(
        method, strategy, 4, SamplerMode.CORRECTED, NetworkShape.cifar10(4, 3, 1));
  }

  /** Non-trivial running statistics, so eval mode does not normalise with mean 0, variance 1. */
  static void randomiseRunningStats(S4Supernet net, NDManager m) {
    for (S4Choice c : S4Space.choices(net.config().maxPaths())) {
      for (RunningBatchNorm bn : net.pathBatchNorms(c)) {
        Shape s = new Shape(bn.channels());
        float[] mean = m.randomNormal(0f, 0.2f, s, bn.runningMean().getDataType()).toFloatArray();
        bn.runningMean().set(FloatBuffer.wrap(mean));
        bn.runningVar().set(FloatBuffer.wrap(m.randomUniform(0.5f, 1.5f, s).toFloatArray()));
      }
    }
  }

  @Test
  void evalModeLogitsAreBitIdenticalForEveryMethodAndStrategy() {
    Engine.getInstance().setRandomSeed(61);
    for (Method method : Method.values()) {
      for (BnStrategy strategy :
          method == Method.SPOS ? List.of(BnStrategy.VANILLA) : List.of(BnStrategy.values())) {
        S4Supernet net = new S4Supernet(config(method, strategy));
        try (NDManager m = NDManager.newBaseManager()) {
          net.initialize(m);
          randomiseRunningStats(net, m);
          ParameterStore ps = new ParameterStore(m, false);
          NDArray x = m.randomNormal(new Shape(6, 3, 32, 32));
          int before = m.getManagedArrays().size();
          try (S4Prefix prefix = net.prefix(ps, x, false)) {
            // SPOS: visit each path-count copy once, in order, as the evaluator does.
            for (S4Choice c :
                CHOICES.stream()
                    .sorted((a, b) -> net.prefixGroup(a) - net.prefixGroup(b))
                    .toList()) {
              float[] plain;
              try (NDManager s = m.newSubManager()) {
                NDArray xs = x.duplicate();
                xs.attach(s);
                plain = net.logits(ps, xs, c, false).toFloatArray();
              }
              try (NDManager scope = m.newSubManager()) {
                float[] shared = net.logits(ps, prefix, c, scope).toFloatArray();
                assertArrayEquals(plain, shared, method + "/" + strategy + " " + c);
              }
            }
          }
          assertEquals(
              before, m.getManagedArrays().size(), "the prefix and every pass freed their arrays");
        }
      }
    }
  }

  @Test
  void trainingModeUpdatesThePrefixBatchNormsOncePerBatch() {
    Engine.getInstance().setRandomSeed(62);
    S4Supernet net = new S4Supernet(config(Method.MIXPATH, BnStrategy.LINEAR_SBN));
    try (NDManager m = NDManager.newBaseManager()) {
      net.initialize(m);
      randomiseRunningStats(net, m);
      ParameterStore ps = new ParameterStore(m, false);
      NDArray x = m.randomNormal(new Shape(6, 3, 32, 32));
      S4Choice c = CHOICES.get(2);
      List<RunningBatchNorm> norms = net.pathBatchNorms(c);
      float[][][] start =
          norms.stream().map(RunningBatchNorm::snapshotRunningStats).toArray(float[][][]::new);
      float[] plain;
      try (NDManager s = m.newSubManager()) {
        NDArray xs = x.duplicate();
        xs.attach(s);
        plain = net.logits(ps, xs, c, true).toFloatArray();
      }
      float[][][] afterPlain =
          norms.stream().map(RunningBatchNorm::snapshotRunningStats).toArray(float[][][]::new);
      for (int i = 0; i < norms.size(); i++) {
        norms.get(i).restoreRunningStats(start[i]);
      }
      try (S4Prefix prefix = net.prefix(ps, x, true);
          NDManager scope = m.newSubManager()) {
        assertArrayEquals(plain, net.logits(ps, prefix, c, scope).toFloatArray());
      }
      for (int i = 0; i < norms.size(); i++) {
        assertArrayEquals(
            afterPlain[i][0], norms.get(i).snapshotRunningStats()[0], "mean of BN " + i);
        assertArrayEquals(
            afterPlain[i][1], norms.get(i).snapshotRunningStats()[1], "variance of BN " + i);
      }
    }
  }

  @Test
  void trainingModeRefusesToRecomputeAnSposCopy() {
    Engine.getInstance().setRandomSeed(63);
    S4Supernet net = new S4Supernet(config(Method.SPOS, BnStrategy.VANILLA));
    try (NDManager m = NDManager.newBaseManager()) {
      net.initialize(m);
      ParameterStore ps = new ParameterStore(m, false);
      NDArray x = m.randomNormal(new Shape(4, 3, 32, 32));
      try (S4Prefix prefix = net.prefix(ps, x, true)) {
        try (NDManager scope = m.newSubManager()) {
          net.logits(ps, prefix, S4Choice.parse("n1:conv3x3"), scope);
        }
        try (NDManager scope = m.newSubManager()) {
          net.logits(ps, prefix, S4Choice.parse("n1:conv3x3,n2:conv1x1"), scope);
        }
        try (NDManager scope = m.newSubManager()) {
          assertThrows(
              IllegalStateException.class,
              () -> net.logits(ps, prefix, S4Choice.parse("n2:conv3x3"), scope));
        }
      }
    }
  }
}
