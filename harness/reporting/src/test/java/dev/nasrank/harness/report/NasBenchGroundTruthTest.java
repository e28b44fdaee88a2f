package dev.nasrank.harness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nasrank.benchbridge.ModelSpec;
import dev.nasrank.benchbridge.Op;
import dev.nasrank.benchbridge.io.SyntheticNasbench;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NasBenchGroundTruthTest {
  @TempDir Path tmp;

  /** input -> n1 -> conv1x1 -> output, with the given op on n1. */
  private static ModelSpec single(Op op) {
    int[][] m = new int[4][4];
    m[0][1] = 1;
    m[1][2] = 1;
    m[2][3] = 1;
    return ModelSpec.of(m, List.of(Op.INPUT, op, Op.CONV1X1, Op.OUTPUT));
  }

  @Test
  void readsRepeatsAndMeansFromARealFormatFile() throws Exception {
    List<ModelSpec> specs = List.of(single(Op.CONV3X3), single(Op.CONV1X1), single(Op.MAXPOOL3X3));
    Path file = tmp.resolve("s4.tfrecord");
    SyntheticNasbench.write(file, specs, new int[] {4, 108}, 3, 9L);
    GroundTruth gt = NasBenchGroundTruth.open(file, 108);
    for (ModelSpec s : specs) {
      assertTrue(gt.contains(s.hash()));
      assertEquals(3, gt.repeats(s.hash()));
      double sum = 0;
      for (int r = 0; r < 3; r++) {
        // independent source of the values: the generator's own metrics
        var last = SyntheticNasbench.metrics(s, 108, r, 9L).getEvaluationData(2);
        assertEquals(last.getValidationAccuracy(), gt.validationAccuracy(s.hash(), r), 1e-12);
        assertEquals(last.getTestAccuracy(), gt.testAccuracy(s.hash(), r).orElseThrow(), 1e-12);
        sum += last.getValidationAccuracy();
      }
      assertEquals(sum / 3, gt.meanValidationAccuracy(s.hash()), 1e-12);
    }
    assertFalse(gt.contains("0123456789abcdef0123456789abcdef"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> NasBenchGroundTruth.open(file, 36));
    assertTrue(e.getMessage().contains("36-epoch"), e.getMessage());
  }
}
