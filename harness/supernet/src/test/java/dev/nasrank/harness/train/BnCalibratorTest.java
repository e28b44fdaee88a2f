package dev.nasrank.harness.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import dev.nasrank.harness.setting.BnStrategy;
import dev.nasrank.harness.setting.CalibrationMode;
import dev.nasrank.harness.setting.Method;
import dev.nasrank.harness.space.S4Choice;
import dev.nasrank.harness.supernet.RunningBatchNorm;
import dev.nasrank.harness.supernet.S4Supernet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BnCalibratorTest {

  private static final int K = 5;

  /**
   * Per-channel means of the stem conv output of one batch, computed in Java from the conv result.
   */
  private static double[] stemChannelMeans(S4Supernet net, NDArray x) {
    Parameter w =
        net.namedParameters().entrySet().stream()
            .filter(e -> e.getKey().contains("stem"))
            .filter(e -> e.getKey().endsWith("weight"))
            .findFirst()
            .orElseThrow()
            .getValue();
    try (NDManager tmp = x.getManager().newSubManager()) {
      NDArray xs = x.duplicate();
      xs.attach(tmp);
      NDArray y =
          Conv2d.conv2d(
                  xs, w.getArray(), null, new Shape(1, 1), new Shape(1, 1), new Shape(1, 1), 1)
              .singletonOrThrow();
      long[] s = y.getShape().getShape();
      float[] v = y.toFloatArray();
      int c = (int) s[1];
      int hw = (int) (s[2] * s[3]);
      double[] out = new double[c];
      for (int i = 0; i < s[0]; i++) {
        for (int ch = 0; ch < c; ch++) {
          for (int k = 0; k < hw; k++) {
            out[ch] += v[(i * c + ch) * hw + k];
          }
        }
      }
      for (int ch = 0; ch < c; ch++) {
        out[ch] /= s[0] * hw;
      }
      return out;
    }
  }

  @Test
  void exactCalibrationIsTheMeanOfBatchMeans() {
    Engine.getInstance().setRandomSeed(21);
    S4Supernet net = new S4Supernet(TinyNets.config(Method.MIXPATH, BnStrategy.LINEAR_SBN));
    try (NDManager m = NDManager.newBaseManager()) {
      net.initialize(m);
      S4Choice choice = S4Choice.parse("n2:conv3x3,n3:maxpool3x3");
      List<NDArray> batches = new ArrayList<>();
      for (int i = 0; i < K; i++) {
        // Batches with different offsets, so a plain running average with momentum would differ.
        batches.add(m.randomNormal(new Shape(6, 3, 32, 32)).add(i * 0.5f));
      }
      RunningBatchNorm stemBn = net.pathBatchNorms(choice).get(0);
      // Disturb the running stats first: exact calibration must reset them.
      stemBn.runningMean().addi(3f);
      double[] expected = new double[stemBn.channels()];
      for (NDArray x : batches) {
        double[] mu = stemChannelMeans(net, x);
        for (int c = 0; c < mu.length; c++) {
          expected[c] += mu[c] / K;
        }
      }
      assertEquals(
          K,
          BnCalibrator.calibrate(
              net, choice, batches, CalibrationMode.EXACT, new ParameterStore(m, false)));
      float[] got = stemBn.runningMean().toFloatArray();
      for (int c = 0; c < got.length; c++) {
        assertEquals(expected[c], got[c], 1e-5 + 1e-5 * Math.abs(expected[c]), "channel " + c);
      }
      assertEquals(RunningBatchNorm.DEFAULT_UPDATE_WEIGHT, stemBn.updateWeight());
    }
  }

  @Test
  void referenceCalibrationKeepsTheOldStatsWithMomentumPointOne() {
    Engine.getInstance().setRandomSeed(22);
    S4Supernet net = new S4Supernet(TinyNets.config(Method.MIXPATH, BnStrategy.VANILLA));
    try (NDManager m = NDManager.newBaseManager()) {
      net.initialize(m);
      S4Choice choice = S4Choice.parse("n1:conv1x1");
      List<NDArray> batches = new ArrayList<>();
      for (int i = 0; i < K; i++) {
        batches.add(m.randomNormal(new Shape(4, 3, 32, 32)).add(i));
      }
      RunningBatchNorm stemBn = net.pathBatchNorms(choice).get(0);
      stemBn.runningMean().addi(2f);
      double[] expected = new double[stemBn.channels()];
      java.util.Arrays.fill(expected, 2.0);
      for (NDArray x : batches) {
        double[] mu = stemChannelMeans(net, x);
        for (int c = 0; c < mu.length; c++) {
          expected[c] = 0.9 * expected[c] + 0.1 * mu[c];
        }
      }
      BnCalibrator.calibrate(
          net, choice, batches, CalibrationMode.REFERENCE, new ParameterStore(m, false));
      float[] got = stemBn.runningMean().toFloatArray();
      for (int c = 0; c < got.length; c++) {
        assertEquals(expected[c], got[c], 1e-5 + 1e-5 * Math.abs(expected[c]), "channel " + c);
      }
    }
  }

  @Test
  void snapshotAndRestoreAreExact() {
    S4Supernet net = new S4Supernet(TinyNets.config(Method.MIXPATH, BnStrategy.EXPONENTIAL_SBN));
    try (NDManager m = NDManager.newBaseManager()) {
      net.initialize(m);
      S4Choice choice = S4Choice.parse("n1:conv1x1,n4:conv3x3");
      List<RunningBatchNorm> norms = BnCalibrator.distinct(net.pathBatchNorms(choice));
      List<float[][]> snap = BnCalibrator.snapshot(norms);
      BnCalibrator.calibrate(
          net,
          choice,
          List.of(m.randomNormal(new Shape(4, 3, 32, 32)).add(1f)),
          CalibrationMode.EXACT,
          new ParameterStore(m, false));
      BnCalibrator.restore(norms, snap);
      for (int i = 0; i < norms.size(); i++) {
        assertArrayEquals(snap.get(i)[0], norms.get(i).runningMean().toFloatArray());
        assertArrayEquals(snap.get(i)[1], norms.get(i).runningVar().toFloatArray());
      }
    }
  }
}
