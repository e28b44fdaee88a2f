package dev.nasrank.benchbridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class GraphHashTest {

  private static final Op I = Op.INPUT;
  private static final Op O = Op.OUTPUT;

  @Test
  void isomorphicCellsHashAlikeAndAPermutedLabelHashesApart() {
    int[][] m = {{0, 1, 1, 0}, {0, 0, 0, 1}, {0, 0, 0, 1}, {0, 0, 0, 0}};
    ModelSpec a = ModelSpec.of(m, List.of(I, Op.CONV3X3, Op.MAXPOOL3X3, O));
    ModelSpec b = ModelSpec.of(m, List.of(I, Op.MAXPOOL3X3, Op.CONV3X3, O));
    ModelSpec c =
        ModelSpec.of(
            new int[][] {{0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}, {0, 0, 0, 0}},
            List.of(I, Op.CONV3X3, Op.MAXPOOL3X3, O));
    assertEquals(a.hash(), b.hash());
    assertNotEquals(a.hash(), c.hash());
    assertEquals(32, a.hash().length());
  }
}
