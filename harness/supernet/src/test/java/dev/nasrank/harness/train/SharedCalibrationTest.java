package dev.nasrank.harness.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.nasrank.harness.setting.BnStrategy;
import dev.nasrank.harness.setting.CalibrationMode;
import dev.nasrank.harness.setting.Method;
import dev.nasrank.harness.space.S4Choice;
import dev.nasrank.harness.space.S4Space;
import dev.nasrank.harness.supernet.RunningBatchNorm;
import dev.nasrank.harness.supernet.S4Supernet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * {@link SharedCalibration} leaves every choice's path with exactly the running statistics that
 * calibrating the choice alone with {@link BnCalibrator#calibrate} gives, byte for byte, under both
 * protocols.
 */
class SharedCalibrationTest {

  @Test
  void calibratedStatisticsEqualPerChoiceCalibration() {
    Engine.getInstance().setRandomSeed(81);
    for (Method method : Method.values()) {
      for (CalibrationMode mode : CalibrationMode.values()) {
        S4Supernet net = new S4Supernet(TinyNets.config(method, BnStrategy.EXPONENTIAL_SBN));
        try (NDManager m = NDManager.newBaseManager()) {
          net.initialize(m);
          ParameterStore ps = new ParameterStore(m, false);
          List<NDArray> batches = new ArrayList<>();
          for (int i = 0; i < 3; i++) {
            batches.add(m.randomNormal(new Shape(8, 3, 32, 32)).add(m.create(0.5f * i)));
          }
          List<S4Choice> all = S4Space.choices(4);
          List<S4Choice> choices =
              IntStream.range(0, all.size()).filter(i -> i % 9 == 0).mapToObj(all::get).toList();
          // Non-trivial trained statistics: REFERENCE starts from them.
          for (S4Choice c : all) {
            for (RunningBatchNorm bn : net.pathBatchNorms(c)) {
              bn.restoreRunningStats(
                  new float[][] {
                    m.randomNormal(new Shape(bn.channels())).toFloatArray(),
                    m.randomUniform(0.5f, 2f, new Shape(bn.channels())).toFloatArray()
                  });
            }
          }
          List<List<float[][]>> expected = new ArrayList<>();
          for (S4Choice c : choices) {
            List<RunningBatchNorm> norms = BnCalibrator.distinct(net.pathBatchNorms(c));
            List<float[][]> trained = BnCalibrator.snapshot(norms);
            BnCalibrator.calibrate(net, c, batches, mode, ps);
            expected.add(BnCalibrator.snapshot(norms));
            BnCalibrator.restore(norms, trained);
          }
          int[] order =
              IntStream.range(0, choices.size())
                  .boxed()
                  .sorted(Comparator.comparingInt(i -> net.prefixGroup(choices.get(i))))
                  .mapToInt(i -> i)
                  .toArray();
          int[] steps = new int[1];
          CalibratedChoices stats =
              SharedCalibration.calibrate(net, choices, order, batches, mode, ps, () -> steps[0]++);
          assertEquals(3, stats.batches());
          assertEquals(3 * choices.size(), steps[0]);
          stats.loadShared();
          for (int i = 0; i < choices.size(); i++) {
            stats.load(i);
            List<float[][]> got =
                BnCalibrator.snapshot(BnCalibrator.distinct(net.pathBatchNorms(choices.get(i))));
            for (int k = 0; k < got.size(); k++) {
              String what =
                  method.cliName() + " " + mode.cliName() + " " + choices.get(i) + " BN " + k;
              assertArrayEquals(expected.get(i).get(k)[0], got.get(k)[0], what + " mean");
              assertArrayEquals(expected.get(i).get(k)[1], got.get(k)[1], what + " variance");
            }
          }
          for (RunningBatchNorm bn : stats.shared()) {
            assertEquals(RunningBatchNorm.DEFAULT_UPDATE_WEIGHT, bn.updateWeight());
          }
        }
      }
    }
  }
}
