package dev.nasrank.benchbridge;

import java.util.Arrays;

/**
 * An open-addressing map from a 128-bit key (two longs, e.g. a module hash) to a non-negative int,
 * with no boxing. Not thread-safe.
 */
public final class LongPairIndex {
  private long[] his;
  private long[] los;
  private int[] vals;
  private int size;
  private int mask;

  /** An index expecting about {@code expected} keys. */
  public LongPairIndex(int expected) {
    int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    alloc(cap);
  }

  private void alloc(int cap) {
    his = new long[cap];
    los = new long[cap];
    vals = new int[cap];
    Arrays.fill(vals, -1);
    mask = cap - 1;
  }

  /** Number of keys. */
  public int size() {
    return size;
  }

  private static int slot(long hi, long lo) {
    long h = (hi ^ Long.rotateLeft(lo, 29)) * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }

  /** The value of (hi, lo), or -1. */
  public int get(long hi, long lo) {
    int i = slot(hi, lo) & mask;
    while (vals[i] >= 0) {
      if (his[i] == hi && los[i] == lo) {
        return vals[i];
      }
      i = (i + 1) & mask;
    }
    return -1;
  }

  /** Sets the value of (hi, lo); {@code value} must be non-negative. */
  public void put(long hi, long lo, int value) {
    if (value < 0) {
      throw new IllegalArgumentException("value must be non-negative, got " + value);
    }
    if ((size + 1) * 2 > vals.length) {
      long[] oh = his;
      long[] ol = los;
      int[] ov = vals;
      alloc(vals.length * 2);
      int n = size;
      size = 0;
      for (int j = 0; j < ov.length; j++) {
        if (ov[j] >= 0) {
          put(oh[j], ol[j], ov[j]);
        }
      }
      assert size == n;
    }
    int i = slot(hi, lo) & mask;
    while (vals[i] >= 0) {
      if (his[i] == hi && los[i] == lo) {
        vals[i] = value;
        return;
      }
      i = (i + 1) & mask;
    }
    his[i] = hi;
    los[i] = lo;
    vals[i] = value;
    size++;
  }
}
