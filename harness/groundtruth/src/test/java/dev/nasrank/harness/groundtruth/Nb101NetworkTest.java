package dev.nasrank.harness.groundtruth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import dev.nasrank.benchbridge.ModelSpec;
import dev.nasrank.benchbridge.VertexChannels;
import dev.nasrank.harness.config.NetworkShape;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Forward passes through the DJL network, including the truncation and input-only paths. */
class Nb101NetworkTest {

  private static long[] forward(ModelSpec spec, NetworkShape config, Shape in) {
    try (Model model = Model.newInstance("fwd")) {
      Block block = Nb101Network.build(spec, config, 0.9f);
      model.setBlock(block);
      block.initialize(model.getNDManager(), DataType.FLOAT32, in);
      assertEquals(ParameterCount.network(spec, config), UnitTrainer.trainableParameters(block));
      NDManager m = model.getNDManager();
      NDArray x = m.randomNormal(in);
      NDArray train =
          block.forward(new ParameterStore(m, false), new NDList(x), true).singletonOrThrow();
      NDArray eval =
          block.forward(new ParameterStore(m, false), new NDList(x), false).singletonOrThrow();
      assertArrayEquals(train.getShape().getShape(), eval.getShape().getShape());
      return eval.getShape().getShape();
    }
  }

  @Test
  void unevenSplitTruncatesTheWiderVertex() {
    // channels [11, 6, 6, 5, 11]: vertex 1 (6 channels) is truncated to 5 into vertex 3
    ModelSpec spec =
        ModelSpec.ofNames(
            new int[][] {
              {0, 1, 0, 0, 1},
              {0, 0, 1, 1, 0},
              {0, 0, 0, 0, 1},
              {0, 0, 0, 0, 1},
              {0, 0, 0, 0, 0}
            },
            List.of("input", "conv3x3-bn-relu", "conv1x1-bn-relu", "maxpool3x3", "output"));
    assertArrayEquals(new int[] {11, 6, 6, 5, 11}, VertexChannels.compute(spec, 11, 11));
    assertArrayEquals(
        new long[] {2, 10}, forward(spec, new NetworkShape(11, 2, 1, 10), new Shape(2, 3, 16, 16)));
  }

  @Test
  void inputOnlyCellIsAProjection() {
    ModelSpec spec = ModelSpec.ofNames(new int[][] {{0, 1}, {0, 0}}, List.of("input", "output"));
    assertArrayEquals(
        new long[] {3, 7}, forward(spec, new NetworkShape(4, 3, 2, 7), new Shape(3, 3, 8, 8)));
  }
}
