package dev.nasrank.benchbridge;

import java.util.Arrays;

/**
 * A vertex operation of a NAS-Bench-101 cell, with its name in the data files and its label in the
 * graph hash.
 */
public enum Op {
  INPUT("input", -1),
  OUTPUT("output", -2),
  CONV3X3("conv3x3-bn-relu", 0),
  CONV1X1("conv1x1-bn-relu", 1),
  MAXPOOL3X3("maxpool3x3", 2);

  private final String nasbenchName;
  private final int hashLabel;

  Op(String nasbenchName, int hashLabel) {
    this.nasbenchName = nasbenchName;
    this.hashLabel = hashLabel;
  }

  /** The operation's name as written in NAS-Bench-101 records, e.g. {@code conv3x3-bn-relu}. */
  public String nasbenchName() {
    return nasbenchName;
  }

  /**
   * The integer label the reference graph hash uses (input -1, output -2, conv3x3 0, conv1x1 1,
   * maxpool 2).
   */
  public int hashLabel() {
    return hashLabel;
  }

  /** True for the three operations an inner vertex may carry. */
  public boolean isInner() {
    return this != INPUT && this != OUTPUT;
  }

  /** The three inner operations, in hash-label order. */
  public static final Op[] INNER = {CONV3X3, CONV1X1, MAXPOOL3X3};

  /**
   * Parses a NAS-Bench-101 operation name.
   *
   * @throws IllegalArgumentException naming the value and the accepted names
   */
  public static Op fromName(String name) {
    for (Op op : values()) {
      if (op.nasbenchName.equals(name)) {
        return op;
      }
    }
    throw new IllegalArgumentException(
        "unknown operation '"
            + name
            + "' (expected one of "
            + Arrays.stream(values()).map(Op::nasbenchName).toList()
            + ")");
  }

  /**
   * Parses a hash label (-1, -2, 0, 1, 2).
   *
   * @throws IllegalArgumentException naming the value
   */
  public static Op fromHashLabel(int label) {
    for (Op op : values()) {
      if (op.hashLabel == label) {
        return op;
      }
    }
    throw new IllegalArgumentException(
        "unknown operation label " + label + " (expected -1, -2, 0, 1 or 2)");
  }
}
