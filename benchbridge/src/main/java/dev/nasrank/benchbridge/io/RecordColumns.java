package dev.nasrank.benchbridge.io;

import dev.nasrank.benchbridge.Op;

/**
 * Decoded NAS-Bench-101 records in primitive columns (no object per record): hash halves, epochs, cell
 * (adjacency bits and packed operations), trainable parameters and eleven doubles per record.
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

  final int size;
  final long[] hi;
  final long[] lo;
  final int[] epochs;
  final long[] adjacency;
  final int[] ops;
  final int[] params;
  final double[][] values;

  /** Columns for {@code size} records. */
  public RecordColumns(int size) {
    this.size = size;
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
