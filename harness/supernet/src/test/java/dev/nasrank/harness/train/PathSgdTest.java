package dev.nasrank.harness.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.dataset.Batch;
import dev.nasrank.datasets.djl.SyntheticBatches;
import dev.nasrank.harness.setting.BnStrategy;
import dev.nasrank.harness.setting.Method;
import dev.nasrank.harness.space.S4Choice;
import dev.nasrank.harness.supernet.S4Supernet;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PathSgdTest {

  private static Set<Parameter> identitySet(List<Parameter> ps) {
    Set<Parameter> s = Collections.newSetFromMap(new IdentityHashMap<>());
    s.addAll(ps);
    return s;
  }

  @Test
  void parametersAndMomentumOutsideThePathStayBitIdentical() {
    Engine.getInstance().setRandomSeed(11);
    for (Method method : Method.values()) {
      S4Supernet net = new S4Supernet(TinyNets.config(method, BnStrategy.LINEAR_SBN));
      SyntheticBatches data = new SyntheticBatches(64, 8, 10, 5);
      try (NDManager m = NDManager.newBaseManager();
          PathSgd sgd = new PathSgd(m, 0.9, 3e-4, 5.0)) {
        net.initialize(m);
        S4Choice a = S4Choice.parse("n1:conv3x3,n2:conv1x1");
        S4Choice b = S4Choice.parse("n2:conv1x1,n4:maxpool3x3");
        Iterator<Batch> it = data.epoch(m, 0);
        // Steps on A create momentum for A's parameters.
        for (int i = 0; i < 3; i++) {
          try (Batch batch = it.next()) {
            TinyNets.backward(net, a, batch, m);
            sgd.step(net.pathParameters(a), 0.05);
          }
        }
        Map<String, byte[]> before = TinyNets.snapshot(net);
        Map<String, Parameter> named = net.namedParameters();
        Map<String, byte[]> buffersBefore = new java.util.HashMap<>();
        sgd.buffersByName(named).forEach((k, v) -> buffersBefore.put(k, v.toByteArray()));
        Set<Parameter> pathB = identitySet(net.pathParameters(b));
        Set<NDArray> pathStatsB = Collections.newSetFromMap(new IdentityHashMap<>());
        net.pathBatchNorms(b)
            .forEach(
                bn -> {
                  pathStatsB.add(bn.runningMean());
                  pathStatsB.add(bn.runningVar());
                });
        for (int i = 0; i < 3; i++) {
          try (Batch batch = it.next()) {
            TinyNets.backward(net, b, batch, m);
            sgd.step(net.pathParameters(b), 0.05);
          }
        }
        Map<String, byte[]> after = TinyNets.snapshot(net);
        int changedOnPath = 0;
        int untouched = 0;
        for (Map.Entry<String, Parameter> e : named.entrySet()) {
          String name = e.getKey();
          Parameter p = e.getValue();
          boolean onPath = pathB.contains(p);
          boolean bnStat = !p.requiresGradient();
          boolean onPathStat = bnStat && pathStatsB.contains(p.getArray());
          if (onPath || onPathStat) {
            changedOnPath += Arrays.equals(before.get(name), after.get(name)) ? 0 : 1;
          } else {
            untouched++;
            assertArrayEquals(
                before.get(name),
                after.get(name),
                method + ": parameter off the path moved: " + name);
            NDArray buf = sgd.buffer(p);
            if (buffersBefore.containsKey(name)) {
              assertArrayEquals(
                  buffersBefore.get(name),
                  buf.toByteArray(),
                  "momentum off the path moved: " + name);
            } else {
              assertNull(buf, "momentum created off the path: " + name);
            }
          }
        }
        assertTrue(untouched > 100, "most parameters are off the path: " + untouched);
        assertTrue(
            changedOnPath >= pathB.size() - 2,
            changedOnPath + " of " + pathB.size() + " path params moved");
        for (Parameter p : pathB) {
          assertNotNull(sgd.buffer(p));
        }
      }
    }
  }

  @Test
  void updateMatchesSgdWithMomentumDecayAndClipping() {
    Engine.getInstance().setRandomSeed(12);
    S4Supernet net = new S4Supernet(TinyNets.config(Method.MIXPATH, BnStrategy.VANILLA));
    SyntheticBatches data = new SyntheticBatches(32, 8, 10, 6);
    double lr = 0.1;
    double mom = 0.9;
    double wd = 0.01;
    double clip = 0.5; // small so clipping is active
    try (NDManager m = NDManager.newBaseManager();
        PathSgd sgd = new PathSgd(m, mom, wd, clip)) {
      net.initialize(m);
      S4Choice c = S4Choice.parse("n1:conv3x3,n3:conv1x1");
      List<Parameter> path = net.pathParameters(c);
      float[][] buf = new float[path.size()][];
      Iterator<Batch> it = data.epoch(m, 0);
      boolean clipped = false;
      for (int step = 0; step < 2; step++) {
        try (Batch batch = it.next()) {
          TinyNets.backward(net, c, batch, m);
        }
        float[][] w0 = new float[path.size()][];
        float[][] g = new float[path.size()][];
        double sq = 0;
        for (int i = 0; i < path.size(); i++) {
          w0[i] = path.get(i).getArray().toFloatArray();
          try (NDArray grad = path.get(i).getArray().getGradient()) {
            g[i] = grad.toFloatArray();
          }
          for (float v : g[i]) {
            sq += (double) v * v;
          }
        }
        double norm = Math.sqrt(sq);
        double coef = norm > clip ? clip / (norm + 1e-6) : 1;
        clipped |= coef < 1;
        assertEquals(norm, sgd.step(path, lr), 1e-4 * norm);
        for (int i = 0; i < path.size(); i++) {
          boolean decays = PathSgd.decays(path.get(i));
          float[] w1 = path.get(i).getArray().toFloatArray();
          if (buf[i] == null) {
            buf[i] = new float[w0[i].length];
          }
          for (int k = 0; k < w0[i].length; k++) {
            double d = g[i][k] * coef + (decays ? wd * w0[i][k] : 0);
            buf[i][k] = (float) (step == 0 ? d : mom * buf[i][k] + d);
            double expected = w0[i][k] - lr * buf[i][k];
            if (Math.abs(expected - w1[k]) > 1e-5 + 1e-5 * Math.abs(expected)) {
              assertEquals(
                  expected, w1[k], 1e-5 + 1e-5 * Math.abs(expected), "param " + i + " elem " + k);
            }
          }
          try (NDArray grad = path.get(i).getArray().getGradient()) {
            assertEquals(0f, grad.abs().sum().getFloat(), "gradient zeroed after the step");
          }
        }
      }
      assertTrue(clipped, "test should exercise clipping");
      assertFalse(
          PathSgd.decays(
              path.stream()
                  .filter(p -> p.getType() == Parameter.Type.GAMMA)
                  .findFirst()
                  .orElseThrow()));
    }
  }
}
