package dev.nasrank.benchbridge;

/**
 * The 16 bytes of a 32-hex-character module hash as two longs ({@code hi} = first 16 hex digits),
 * with a primitive sort so that tables of hashes need no boxed keys. Unsigned comparison of (hi,
 * lo) is the same order as comparing the hex strings.
 */
public final class HashKey {
  private HashKey() {}

  /** The high 64 bits of a 32-hex hash. */
  public static long hi(String hex) {
    check(hex);
    return Long.parseUnsignedLong(hex, 0, 16, 16);
  }

  /** The low 64 bits of a 32-hex hash. */
  public static long lo(String hex) {
    check(hex);
    return Long.parseUnsignedLong(hex, 16, 32, 16);
  }

  /** True if {@code s} is 32 lowercase hex characters. */
  public static boolean isHash(String s) {
    if (s == null || s.length() != 32) {
      return false;
    }
    for (int i = 0; i < 32; i++) {
      char c = s.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }

  private static void check(String hex) {
    if (!isHash(hex)) {
      throw new IllegalArgumentException(
          "not a module hash (32 lowercase hex characters): '" + hex + "'");
    }
  }

  /** Parses 16 hex digits from ASCII bytes, or throws naming the position. */
  public static long parseHex16(byte[] b, int off) {
    long v = 0;
    for (int i = 0; i < 16; i++) {
      int c = b[off + i];
      int d;
      if (c >= '0' && c <= '9') {
        d = c - '0';
      } else if (c >= 'a' && c <= 'f') {
        d = c - 'a' + 10;
      } else {
        throw new IllegalArgumentException(
            "bad hex character '" + (char) (c & 0xFF) + "' in a module hash");
      }
      v = v << 4 | d;
    }
    return v;
  }

  /** The 32-hex text of (hi, lo). */
  public static String format(long hi, long lo) {
    char[] c = new char[32];
    put(c, 0, hi);
    put(c, 16, lo);
    return new String(c);
  }

  private static void put(char[] c, int off, long v) {
    for (int i = 15; i >= 0; i--) {
      c[off + i] = Character.forDigit((int) (v & 0xF), 16);
      v >>>= 4;
    }
  }

  /**
   * Compares (hi1, lo1) with (hi2, lo2) as unsigned 128-bit numbers (same order as the hex
   * strings).
   */
  public static int compare(long hi1, long lo1, long hi2, long lo2) {
    int c = Long.compareUnsigned(hi1, hi2);
    return c != 0 ? c : Long.compareUnsigned(lo1, lo2);
  }

  /** Index of (hi, lo) in sorted arrays of the first {@code n} entries, or -1. */
  public static int search(long[] his, long[] los, int n, long hi, long lo) {
    int a = 0;
    int b = n - 1;
    while (a <= b) {
      int m = (a + b) >>> 1;
      int c = compare(his[m], los[m], hi, lo);
      if (c < 0) {
        a = m + 1;
      } else if (c > 0) {
        b = m - 1;
      } else {
        return m;
      }
    }
    return -1;
  }

  /**
   * The permutation that sorts the first {@code n} (hi, lo) pairs ascending (stable merge sort).
   */
  public static int[] sortOrder(long[] his, long[] los, int n) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    int[] b = new int[n];
    for (int width = 1; width < n; width *= 2) {
      for (int lo = 0; lo < n; lo += 2 * width) {
        int mid = Math.min(lo + width, n);
        int hi = Math.min(lo + 2 * width, n);
        int i = lo;
        int j = mid;
        int k = lo;
        while (i < mid && j < hi) {
          if (compare(his[a[j]], los[a[j]], his[a[i]], los[a[i]]) < 0) {
            b[k++] = a[j++];
          } else {
            b[k++] = a[i++];
          }
        }
        while (i < mid) {
          b[k++] = a[i++];
        }
        while (j < hi) {
          b[k++] = a[j++];
        }
      }
      int[] t = a;
      a = b;
      b = t;
    }
    return a;
  }
}
