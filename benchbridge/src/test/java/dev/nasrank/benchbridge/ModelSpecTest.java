package dev.nasrank.benchbridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Validation and pruning at construction, with domain errors naming the value and the limit. */
class ModelSpecTest {
  private static final Op I = Op.INPUT;
  private static final Op O = Op.OUTPUT;
  private static final Op C3 = Op.CONV3X3;
  private static final Op C1 = Op.CONV1X1;
  private static final Op MP = Op.MAXPOOL3X3;

  @Test
  void danglingVerticesArePrunedAndTheHashIsThatOfThePrunedCell() {
    // vertex 2 has no path to the output, vertex 3 is unreachable from the input
    int[][] m = {
      {0, 1, 1, 0, 0},
      {0, 0, 0, 0, 1},
      {0, 0, 0, 0, 0},
      {0, 0, 0, 0, 1},
      {0, 0, 0, 0, 0}
    };
    ModelSpec s = ModelSpec.of(m, List.of(I, C3, MP, C1, O));
    ModelSpec pruned =
        ModelSpec.of(new int[][] {{0, 1, 0}, {0, 0, 1}, {0, 0, 0}}, List.of(I, C3, O));
    assertTrue(s.isValid());
    assertEquals(3, s.vertexCount());
    assertEquals(2, s.edgeCount());
    assertEquals(pruned, s);
    assertEquals(pruned.hash(), s.hash());
    assertEquals("010001000", s.adjacencyString());
    assertEquals("input,conv3x3-bn-relu,output", s.operationsString());
  }

  @Test
  void aDisconnectedSpecIsInvalidNotAnError() {
    ModelSpec s = ModelSpec.of(new int[][] {{0, 1, 0}, {0, 0, 0}, {0, 0, 0}}, List.of(I, C3, O));
    assertFalse(s.isValid());
    assertEquals(0, s.vertexCount());
    assertThrows(IllegalStateException.class, s::hash);
  }

  @Test
  void tooManyVerticesAfterPruningNamesValueAndLimit() {
    int n = 8;
    int[][] m = new int[n][n];
    for (int i = 0; i < n - 1; i++) {
      m[i][i + 1] = 1;
    }
    List<Op> ops = new java.util.ArrayList<>(java.util.Collections.nCopies(n, C3));
    ops.set(0, I);
    ops.set(n - 1, O);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ModelSpec.of(m, ops));
    assertTrue(
        e.getMessage().contains("got 8") && e.getMessage().contains("max 7"), e.getMessage());
    // the same 8x8 matrix with a dangling extra vertex prunes to 7 and is fine
    m[5][6] = 0;
    m[5][7] = 1;
    assertEquals(7, ModelSpec.of(m, ops).vertexCount());
  }

  @Test
  void tooManyEdgesNamesValueAndLimit() {
    int[][] m = new int[7][7];
    for (int i = 0; i < 6; i++) {
      m[i][i + 1] = 1;
    }
    for (int j = 2; j <= 5; j++) {
      m[0][j] = 1;
    }
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ModelSpec.of(m, List.of(I, C3, C3, C3, C3, C3, O)));
    assertTrue(
        e.getMessage().contains("too many edges")
            && e.getMessage().contains("got 10")
            && e.getMessage().contains("max 9"),
        e.getMessage());
  }

  @Test
  void malformedInputIsRejectedWithTheOffendingValue() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ModelSpec.of(new int[][] {{0, 2}, {0, 0}}, List.of(I, O)));
    assertTrue(e.getMessage().contains("= 2"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ModelSpec.of(new int[][] {{0, 1}, {1, 0}}, List.of(I, O)));
    assertTrue(e.getMessage().contains("upper-triangular"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ModelSpec.of(new int[][] {{0, 1, 0}, {0, 0}, {0, 0, 0}}, List.of(I, C3, O)));
    assertTrue(e.getMessage().contains("not square"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ModelSpec.of(new int[][] {{0, 1}, {0, 0}}, List.of(I, C3, O)));
    assertTrue(e.getMessage().contains("3 operations"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ModelSpec.of(new int[][] {{0, 1}, {0, 0}}, List.of(C3, O)));
    assertTrue(e.getMessage().contains("first operation"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ModelSpec.of(new int[][] {{0, 1, 0}, {0, 0, 1}, {0, 0, 0}}, List.of(I, O, O)));
    assertTrue(e.getMessage().contains("inner vertex 1"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class, () -> ModelSpec.parse("0100", "input,conv9x9,output"));
    assertTrue(e.getMessage().contains("length 4"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ModelSpec.ofNames(new int[][] {{0, 1}, {0, 0}}, List.of("input", "outptu")));
    assertTrue(e.getMessage().contains("outptu"), e.getMessage());
  }

  @Test
  void aSpecEqualsItsParsedRecordForm() {
    ModelSpec s =
        ModelSpec.of(
            new int[][] {{0, 1, 1, 0}, {0, 0, 0, 1}, {0, 0, 0, 1}, {0, 0, 0, 0}},
            List.of(I, C1, MP, O));
    ModelSpec back = ModelSpec.parse(s.adjacencyString(), s.operationsString());
    assertEquals(s, back);
    assertEquals(s.hashCode(), back.hashCode());
    assertEquals(s.hash(), back.hash());
  }
}
