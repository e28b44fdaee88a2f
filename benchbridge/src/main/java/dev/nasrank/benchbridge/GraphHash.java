package dev.nasrank.benchbridge;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The NAS-Bench-101 module hash, byte-exact with the reference {@code graph_util.hash_module}: an
 * iterated MD5 of (out-degree, in-degree, label) per vertex, refined V times by the sorted hashes
 * of in- and out-neighbours, then the MD5 of the Python text of the sorted vertex hashes.
 *
 * <p>Isomorphic cells hash alike. One {@link Hasher} per thread reuses its digest and buffers, so
 * hashing allocates only the result string.
 */
public final class GraphHash {

  private static final ThreadLocal<Hasher> HASHER = ThreadLocal.withInitial(Hasher::new);

  private GraphHash() {}

  /** The hash of a valid, pruned spec (32 lowercase hex characters). */
  public static String hash(ModelSpec spec) {
    if (!spec.isValid()) {
      throw new IllegalStateException("an invalid spec has no hash");
    }
    return HASHER.get().hash(spec.vertexCount(), spec.adjacencyBits(), spec.ops());
  }

  /** A reusable, single-threaded hasher. */
  public static final class Hasher {
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final int H = 32;

    private final MessageDigest md5;
    private final byte[] digest = new byte[16];
    private byte[] cur = new byte[ModelSpec.MAX_VERTICES * H];
    private byte[] next = new byte[ModelSpec.MAX_VERTICES * H];
    private final byte[] buf =
        new byte[(2 * ModelSpec.MAX_VERTICES + 1) * H + 2 + 8 * ModelSpec.MAX_VERTICES];
    private final int[] inIdx = new int[ModelSpec.MAX_VERTICES];
    private final int[] outIdx = new int[ModelSpec.MAX_VERTICES];
    private final int[] order = new int[ModelSpec.MAX_VERTICES];

    public Hasher() {
      try {
        md5 = MessageDigest.getInstance("MD5");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("MD5 is not available in this JVM", e);
      }
    }

    /**
     * Hashes a pruned cell.
     *
     * @param n number of vertices
     * @param bits adjacency bit mask, bit {@code from * 7 + to}
     * @param ops one operation per vertex
     */
    public String hash(int n, long bits, java.util.List<Op> ops) {
      compute(n, bits, ops);
      return new String(next, 0, H, StandardCharsets.US_ASCII);
    }

    /**
     * Hashes a pruned cell into two longs: {@code out[0]} the first 16 hex digits, {@code out[1]}
     * the last 16 (see {@link HashKey}); no String is made.
     */
    public void hashInto(int n, long bits, java.util.List<Op> ops, long[] out) {
      compute(n, bits, ops);
      out[0] = HashKey.parseHex16(next, 0);
      out[1] = HashKey.parseHex16(next, 16);
    }

    private void compute(int n, long bits, java.util.List<Op> ops) {
      for (int v = 0; v < n; v++) {
        int in = 0;
        int out = 0;
        for (int u = 0; u < n; u++) {
          if (edge(bits, u, v)) {
            in++;
          }
          if (edge(bits, v, u)) {
            out++;
          }
        }
        System.arraycopy(initial(out, in, ops.get(v).hashLabel()), 0, cur, v * H, H);
      }
      for (int round = 0; round < n; round++) {
        for (int v = 0; v < n; v++) {
          int ni = 0;
          int no = 0;
          for (int u = 0; u < n; u++) {
            if (edge(bits, u, v)) {
              inIdx[ni++] = u;
            }
            if (edge(bits, v, u)) {
              outIdx[no++] = u;
            }
          }
          sort(cur, inIdx, ni);
          sort(cur, outIdx, no);
          int len = 0;
          for (int i = 0; i < ni; i++) {
            System.arraycopy(cur, inIdx[i] * H, buf, len, H);
            len += H;
          }
          buf[len++] = '|';
          for (int i = 0; i < no; i++) {
            System.arraycopy(cur, outIdx[i] * H, buf, len, H);
            len += H;
          }
          buf[len++] = '|';
          System.arraycopy(cur, v * H, buf, len, H);
          len += H;
          md5Hex(len, next, v * H);
        }
        byte[] t = cur;
        cur = next;
        next = t;
      }
      for (int v = 0; v < n; v++) {
        order[v] = v;
      }
      sort(cur, order, n);
      int len = 0;
      buf[len++] = '[';
      for (int i = 0; i < n; i++) {
        if (i > 0) {
          buf[len++] = ',';
          buf[len++] = ' ';
        }
        buf[len++] = '\'';
        System.arraycopy(cur, order[i] * H, buf, len, H);
        len += H;
        buf[len++] = '\'';
      }
      buf[len++] = ']';
      md5Hex(len, next, 0);
    }

    /**
     * md5hex of "(out, in, label)" for degrees below 7 and the five labels, computed once per
     * hasher.
     */
    private final byte[][] initialTable = new byte[7 * 7 * 5][];

    private byte[] initial(int out, int in, int label) {
      int k = (out * 7 + in) * 5 + (label + 2);
      byte[] h = initialTable[k];
      if (h == null) {
        int len = 0;
        buf[len++] = '(';
        len = putInt(buf, len, out);
        buf[len++] = ',';
        buf[len++] = ' ';
        len = putInt(buf, len, in);
        buf[len++] = ',';
        buf[len++] = ' ';
        len = putInt(buf, len, label);
        buf[len++] = ')';
        h = new byte[H];
        md5Hex(len, h, 0);
        initialTable[k] = h;
      }
      return h;
    }

    private static boolean edge(long bits, int from, int to) {
      return from < to && (bits >>> (from * ModelSpec.MAX_VERTICES + to) & 1L) != 0;
    }

    private void md5Hex(int len, byte[] dst, int off) {
      md5.update(buf, 0, len);
      try {
        md5.digest(digest, 0, 16);
      } catch (DigestException e) {
        throw new IllegalStateException(e);
      }
      for (int i = 0; i < 16; i++) {
        dst[off + 2 * i] = HEX[(digest[i] >> 4) & 0xF];
        dst[off + 2 * i + 1] = HEX[digest[i] & 0xF];
      }
    }

    /**
     * Insertion sort of vertex indices by their 32-byte hex hash (lexicographic, as Python sorts
     * str).
     */
    private static void sort(byte[] hashes, int[] idx, int count) {
      for (int i = 1; i < count; i++) {
        int x = idx[i];
        int j = i - 1;
        while (j >= 0
            && java.util.Arrays.compare(
                    hashes, idx[j] * H, idx[j] * H + H, hashes, x * H, x * H + H)
                > 0) {
          idx[j + 1] = idx[j];
          j--;
        }
        idx[j + 1] = x;
      }
    }

    private static int putInt(byte[] b, int pos, int value) {
      String s = Integer.toString(value);
      for (int i = 0; i < s.length(); i++) {
        b[pos++] = (byte) s.charAt(i);
      }
      return pos;
    }
  }
}
