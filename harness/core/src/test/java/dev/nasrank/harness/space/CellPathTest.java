package dev.nasrank.harness.space;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nasrank.benchbridge.ModelSpec;
import dev.nasrank.benchbridge.Op;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CellPathTest {

  /** input -> 1 (conv3x3), input -> 2 (maxpool), 1 + 2 -> 3 (conv1x1), 3 -> output; 4 inactive. */
  private static CellPath diamond() {
    return CellPath.of(
        Arrays.asList(Op.INPUT, Op.CONV3X3, Op.MAXPOOL3X3, Op.CONV1X1, null, Op.OUTPUT),
        new int[] {0, 0b1, 0b1, 0b110, 0, 0b1000});
  }

  @Test
  void inDegreesAndActiveVerticesFollowTheMasks() {
    CellPath p = diamond();
    assertEquals(6, p.vertices());
    assertArrayEquals(new int[] {1, 2, 3}, p.activeVertices());
    assertEquals(1, p.inDegree(1));
    assertEquals(2, p.inDegree(3));
    assertEquals(0, p.inDegree(4));
    assertEquals(2, p.maxInDegree());
    assertFalse(p.isActive(4));
    assertEquals(Op.MAXPOOL3X3, p.op(2));
    assertEquals(0b110, p.inputs(3));
    assertEquals(
        "0:input 1:conv3x3-bn-relu<-{0} 2:maxpool3x3<-{0} 3:conv1x1-bn-relu<-{1,2} 4:- "
            + "5:output<-{3}",
        p.toString());
  }

  @Test
  void specIsThePrunedCellBuiltFromTheMatrixDirectly() {
    int[][] m = new int[5][5];
    m[0][1] = 1;
    m[0][2] = 1;
    m[1][3] = 1;
    m[2][3] = 1;
    m[3][4] = 1;
    ModelSpec direct =
        ModelSpec.of(m, List.of(Op.INPUT, Op.CONV3X3, Op.MAXPOOL3X3, Op.CONV1X1, Op.OUTPUT));
    ModelSpec fromPath = diamond().toSpec();
    assertEquals(direct, fromPath);
    assertEquals(direct.hash(), fromPath.hash());
    assertEquals(5, fromPath.vertexCount());
  }

  @Test
  void equalityIsByValue() {
    assertEquals(diamond(), diamond());
    assertEquals(diamond().hashCode(), diamond().hashCode());
    CellPath other =
        CellPath.of(
            Arrays.asList(Op.INPUT, Op.CONV3X3, Op.MAXPOOL3X3, Op.CONV1X1, null, Op.OUTPUT),
            new int[] {0, 0b1, 0b1, 0b010, 0, 0b1000});
    assertNotEquals(diamond(), other);
  }

  @Test
  void malformedPathsAreRefusedNamingTheVertex() {
    List<Op> ops = Arrays.asList(Op.INPUT, Op.CONV3X3, null, Op.OUTPUT);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> CellPath.of(ops, new int[] {0, 1, 0, 0b100}));
    assertEquals("vertex 3 takes input from inactive vertex 2", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class, () -> CellPath.of(ops, new int[] {0, 0, 0, 0b10}));
    assertEquals("active vertex 1 has no input", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class, () -> CellPath.of(ops, new int[] {0, 0b100, 0, 0b10}));
    assertTrue(e.getMessage().startsWith("vertex 1 takes input from a later position"));
    e =
        assertThrows(
            IllegalArgumentException.class, () -> CellPath.of(ops, new int[] {0, 1, 1, 0b10}));
    assertEquals("inactive vertex 2 has inputs (mask 1)", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> CellPath.of(Arrays.asList(Op.CONV3X3, Op.OUTPUT), new int[] {0, 1}));
    assertTrue(e.getMessage().startsWith("a cell path starts with input and ends with output"));
  }
}
