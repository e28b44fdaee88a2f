package dev.nasrank.benchbridge.io;

import dev.nasrank.benchbridge.ModelSpec;
import dev.nasrank.benchbridge.Op;

/**
 * Decoded NAS-Bench-101 records in primitive columns (no object per record): hash halves, epochs,
 * cell (adjacency bits and packed operations), trainable parameters and eleven doubles per record,
 * and where each record lies in its file (index and byte offset, for messages about it).
 */
public final class RecordColumns {
  /** Halfway evaluation: epoch. */
  public static final int HALF_EPOCH = 0;

  /** Halfway evaluation: training seconds. */
  public static final int HALF_TIME = 1;

  /** Halfway evaluation: train accuracy. */
  public static final int HALF_TRAIN = 2;

  /** Halfway evaluation: validation accuracy. */
  public static final int HALF_VALID = 3;

  /** Halfway evaluation: test accuracy. */
  public static final int HALF_TEST = 4;

  /** Final evaluation: epoch. */
  public static final int FINAL_EPOCH = 5;

  /** Final evaluation: training seconds. */
  public static final int FINAL_TIME = 6;

  /** Final evaluation: train accuracy. */
  public static final int FINAL_TRAIN = 7;

  /** Final evaluation: validation accuracy. */
  public static final int FINAL_VALID = 8;

  /** Final evaluation: test accuracy. */
  public static final int FINAL_TEST = 9;

  /** Total wall time of the run in seconds. */
  public static final int TOTAL_TIME = 10;

  /** Number of double columns. */
  public static final int DOUBLES = 11;

  /**
   * Names of the double columns, by index (halfway_/final_ + the ModelMetrics field, and
   * total_time).
   */
  public static final java.util.List<String> COLUMN_NAMES =
      java.util.List.of(
          "halfway_current_epoch",
          "halfway_training_time",
          "halfway_train_accuracy",
          "halfway_validation_accuracy",
          "halfway_test_accuracy",
          "final_current_epoch",
          "final_training_time",
          "final_train_accuracy",
          "final_validation_accuracy",
          "final_test_accuracy",
          "total_time");

  /**
   * Why {@code x} is outside the domain of double column {@code column}, or null: accuracies are
   * fractions in [0, 1], epochs and times finite and non-negative. NaN is outside every domain.
   */
  public static String valueProblem(int column, double x) {
    boolean accuracy =
        column != HALF_EPOCH
            && column != HALF_TIME
            && column != FINAL_EPOCH
            && column != FINAL_TIME
            && column != TOTAL_TIME;
    if (accuracy) {
      return x >= 0 && x <= 1
          ? null
          : COLUMN_NAMES.get(column) + " is " + x + ", expected a fraction in [0, 1]";
    }
    return x >= 0 && x < Double.POSITIVE_INFINITY
        ? null
        : COLUMN_NAMES.get(column) + " is " + x + ", expected a finite value >= 0";
  }

  final int size;
  final long[] hi;
  final long[] lo;
  final int[] epochs;
  final long[] adjacency;
  final int[] ops;
  final int[] params;
  final double[][] values;
  final long[] index;
  final long[] offset;

  /** Columns for {@code size} records. */
  public RecordColumns(int size) {
    this.size = size;
    index = new long[size];
    offset = new long[size];
    hi = new long[size];
    lo = new long[size];
    epochs = new int[size];
    adjacency = new long[size];
    ops = new int[size];
    params = new int[size];
    values = new double[DOUBLES][size];
  }

  /** Number of records. */
  public int size() {
    return size;
  }

  /** High 64 bits of record {@code i}'s hash. */
  public long hi(int i) {
    return hi[i];
  }

  /** Low 64 bits of record {@code i}'s hash. */
  public long lo(int i) {
    return lo[i];
  }

  /** Epoch budget of record {@code i}. */
  public int epochs(int i) {
    return epochs[i];
  }

  /** Adjacency bits (bit {@code from * 7 + to}) of record {@code i}'s cell. */
  public long adjacency(int i) {
    return adjacency[i];
  }

  /** Packed operations of record {@code i}'s cell (see {@link #packOps}). */
  public int ops(int i) {
    return ops[i];
  }

  /** Trainable parameters of record {@code i}'s network. */
  public int params(int i) {
    return params[i];
  }

  /**
   * Index in its file of record {@code i} (as {@link CorruptRecordException#recordIndex()} counts).
   */
  public long recordIndex(int i) {
    return index[i];
  }

  /** Byte offset in its file of record {@code i}'s header. */
  public long recordOffset(int i) {
    return offset[i];
  }

  /** Double column {@code c} of record {@code i}. */
  public double value(int c, int i) {
    return values[c][i];
  }

  /** Packs up to 7 operations: vertex count in bits 0-2, ordinal of vertex v in bits 3+3v..5+3v. */
  public static int packOps(Op[] ops) {
    int code = ops.length;
    for (int v = 0; v < ops.length; v++) {
      code |= ops[v].ordinal() << (3 + 3 * v);
    }
    return code;
  }

  /**
   * Why adjacency bits and packed operations are not a pruned NAS-Bench-101 cell, or null if they
   * are one: input first, output last, inner operations between, 2..7 vertices, at most 9 edges,
   * only edges {@code i -> j} with {@code i < j}, and every vertex on a path from input to output
   * (every vertex but the output has an outgoing edge, every vertex but the input an incoming one).
   * The reference files store every cell in this form.
   */
  public static String cellProblem(long adjacency, int packedOps) {
    int n = packedOps & 7;
    if (n < 2) {
      return n + " vertices, a cell needs at least input and output";
    }
    if (3 + 3 * n < 32 && packedOps >>> (3 + 3 * n) != 0) {
      return "packed operations 0x"
          + Integer.toHexString(packedOps)
          + " have bits beyond "
          + n
          + " vertices";
    }
    Op[] all = Op.values();
    for (int v = 0; v < n; v++) {
      int code = (packedOps >>> (3 + 3 * v)) & 7;
      if (code >= all.length) {
        return "operation code " + code + " of vertex " + v + " is not an operation";
      }
      Op op = all[code];
      if (v == 0 && op != Op.INPUT) {
        return "first operation is " + op.nasbenchName() + ", expected input";
      }
      if (v == n - 1 && op != Op.OUTPUT) {
        return "last operation is " + op.nasbenchName() + ", expected output";
      }
      if (v > 0 && v < n - 1 && !op.isInner()) {
        return "operation of vertex "
            + v
            + " is "
            + op.nasbenchName()
            + ", expected conv3x3-bn-relu, conv1x1-bn-relu or maxpool3x3";
      }
    }
    long allowed = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        allowed |= 1L << (i * ModelSpec.MAX_VERTICES + j);
      }
    }
    if ((adjacency & ~allowed) != 0) {
      return "adjacency bits 0x"
          + Long.toHexString(adjacency)
          + " are not a strictly upper-triangular "
          + n
          + "x"
          + n
          + " matrix";
    }
    int edges = Long.bitCount(adjacency);
    if (edges > ModelSpec.MAX_EDGES) {
      return edges + " edges (max " + ModelSpec.MAX_EDGES + ")";
    }
    for (int v = 0; v < n; v++) {
      boolean out = (adjacency >>> (v * ModelSpec.MAX_VERTICES) & 0x7F) != 0;
      boolean in = false;
      for (int u = 0; u < v; u++) {
        in |= (adjacency >>> (u * ModelSpec.MAX_VERTICES + v) & 1L) != 0;
      }
      if (v < n - 1 && !out) {
        return "vertex " + v + " has no outgoing edge: not a pruned cell";
      }
      if (v > 0 && !in) {
        return "vertex " + v + " has no incoming edge: not a pruned cell";
      }
    }
    return null;
  }

  /** Unpacks {@link #packOps}. */
  public static Op[] unpackOps(int code) {
    int n = code & 7;
    Op[] all = Op.values();
    Op[] ops = new Op[n];
    for (int v = 0; v < n; v++) {
      ops[v] = all[(code >>> (3 + 3 * v)) & 7];
    }
    return ops;
  }
}
