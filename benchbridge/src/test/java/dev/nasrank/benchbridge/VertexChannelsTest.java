package dev.nasrank.benchbridge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class VertexChannelsTest {

  private static ModelSpec spec(int[][] m, String... inner) {
    List<String> ops = new java.util.ArrayList<>();
    ops.add("input");
    ops.addAll(List.of(inner));
    ops.add("output");
    return ModelSpec.ofNames(m, ops);
  }

  @Test
  void splitsOutputChannelsAmongFanInFirstVerticesGetTheRemainder() {
    // input -> 1,2,3 -> output: 128 = 43 + 43 + 42
    int[][] m = {
      {0, 1, 1, 1, 0},
      {0, 0, 0, 0, 1},
      {0, 0, 0, 0, 1},
      {0, 0, 0, 0, 1},
      {0, 0, 0, 0, 0}
    };
    assertArrayEquals(
        new int[] {16, 43, 43, 42, 128},
        VertexChannels.compute(
            spec(m, "conv3x3-bn-relu", "conv1x1-bn-relu", "maxpool3x3"), 16, 128));
  }

  @Test
  void directInputEdgeDoesNotCountAndChainTakesMaxOfSuccessors() {
    // input -> 1 -> 2 -> output, 1 -> 3 -> output, input -> output: fan-in {2, 3}, 10 = 5 + 5;
    // vertex 1 = max(5, 5)
    int[][] m = {
      {0, 1, 0, 0, 1},
      {0, 0, 1, 1, 0},
      {0, 0, 0, 0, 1},
      {0, 0, 0, 0, 1},
      {0, 0, 0, 0, 0}
    };
    assertArrayEquals(
        new int[] {8, 5, 5, 5, 10},
        VertexChannels.compute(spec(m, "conv3x3-bn-relu", "conv1x1-bn-relu", "maxpool3x3"), 8, 10));
    // 11 = 6 + 5: vertex 2 gets the extra channel, vertex 1 = max(6, 5) = 6 and is truncated into
    // vertex 3
    assertArrayEquals(
        new int[] {8, 6, 6, 5, 11},
        VertexChannels.compute(spec(m, "conv3x3-bn-relu", "conv1x1-bn-relu", "maxpool3x3"), 8, 11));
  }

  @Test
  void inputOnlyCellKeepsInputAndOutputChannels() {
    int[][] m = {{0, 1}, {0, 0}};
    assertArrayEquals(
        new int[] {3, 7},
        VertexChannels.compute(ModelSpec.ofNames(m, List.of("input", "output")), 3, 7));
  }

  @Test
  void rejectsInvalidSpecAndTooFewChannels() {
    int[][] disconnected = {{0, 0, 0}, {0, 0, 1}, {0, 0, 0}};
    assertThrows(
        IllegalArgumentException.class,
        () -> VertexChannels.compute(spec(disconnected, "conv3x3-bn-relu"), 4, 4));
    int[][] wide = {
      {0, 1, 1, 1, 0},
      {0, 0, 0, 0, 1},
      {0, 0, 0, 0, 1},
      {0, 0, 0, 0, 1},
      {0, 0, 0, 0, 0}
    };
    assertThrows(
        IllegalArgumentException.class,
        () ->
            VertexChannels.compute(
                spec(wide, "conv3x3-bn-relu", "conv3x3-bn-relu", "conv3x3-bn-relu"), 4, 2));
  }
}
