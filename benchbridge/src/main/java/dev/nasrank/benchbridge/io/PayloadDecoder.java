package dev.nasrank.benchbridge.io;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import dev.nasrank.benchbridge.HashKey;
import dev.nasrank.benchbridge.ModelSpec;
import dev.nasrank.benchbridge.Op;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Decodes record payloads straight from bytes into {@link RecordColumns}: the JSON array is scanned
 * by hand, the base64 decoded by hand (skipping the escaped newlines) and the {@code ModelMetrics}
 * message read field by field with {@link CodedInputStream}, so no String or message object is made
 * per record. Single-threaded: use one decoder per thread.
 *
 * <p>Besides the syntax it checks the domain of every value it keeps: the cell must be a pruned
 * NAS-Bench-101 cell (input first, output last, inner operations between, at most 7 vertices and 9
 * edges, every vertex on a path from input to output), the epochs positive, the metrics hold
 * exactly 3 evaluations, accuracies in [0, 1], epochs and times finite and non-negative, the
 * parameter count non-negative. A value outside its domain throws {@link OutOfRangeException}
 * naming the field and the value.
 */
public final class PayloadDecoder {
  private static final byte[] B64 = new byte[256];
  private static final byte[][] OP_NAMES = new byte[Op.values().length][];

  static {
    java.util.Arrays.fill(B64, (byte) -1);
    String a = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (int i = 0; i < 64; i++) {
      B64[a.charAt(i)] = (byte) i;
    }
    for (Op op : Op.values()) {
      OP_NAMES[op.ordinal()] = op.nasbenchName().getBytes(StandardCharsets.US_ASCII);
    }
  }

  /**
   * A value outside its domain (accuracy outside [0, 1], NaN or infinite, negative count or time).
   */
  static final class OutOfRangeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    OutOfRangeException(String message) {
      super(message);
    }
  }

  private static final String[] EVAL_FIELDS = {
    "current_epoch", "training_time", "train_accuracy", "validation_accuracy", "test_accuracy"
  };

  private byte[] proto = new byte[1024];
  private final Op[] opBuf = new Op[ModelSpec.MAX_VERTICES];
  private final double[] eval = new double[5];
  private int p;
  private int base;
  private byte[] b;

  /**
   * Decodes the payload {@code data[off, off+len)} into row {@code row} of {@code out}.
   *
   * @throws IllegalArgumentException naming what is malformed
   */
  public void decode(byte[] data, int off, int len, RecordColumns out, int row) {
    b = data;
    p = off;
    base = off;
    int end = off + len;
    expect('[', end);
    expect('"', end);
    if (p + 33 > end) {
      throw new IllegalArgumentException("record payload ends inside the module hash");
    }
    out.hi[row] = HashKey.parseHex16(b, p);
    out.lo[row] = HashKey.parseHex16(b, p + 16);
    p += 32;
    if (b[p++] != '"') {
      throw new IllegalArgumentException("module hash is not 32 hex characters");
    }
    expect(',', end);
    skipWs(end);
    int epochs = 0;
    int digits = 0;
    while (p < end && b[p] >= '0' && b[p] <= '9' && digits < 9) {
      epochs = epochs * 10 + (b[p++] - '0');
      digits++;
    }
    if (digits == 0) {
      throw new IllegalArgumentException("record epochs is not a non-negative integer");
    }
    if (digits > 1 && b[p - digits] == '0') {
      throw new IllegalArgumentException("record epochs has a leading zero (not a JSON number)");
    }
    if (epochs == 0) {
      throw new OutOfRangeException("record epochs is 0, expected a positive number of epochs");
    }
    out.epochs[row] = epochs;
    expect(',', end);
    expect('"', end);
    int adjStart = p;
    while (p < end && b[p] != '"') {
      p++;
    }
    int adjLen = p - adjStart;
    p++;
    expect(',', end);
    expect('"', end);
    int n = 0;
    int start = p;
    while (true) {
      if (p >= end) {
        throw new IllegalArgumentException("record payload ends inside the operations");
      }
      byte c = b[p];
      if (c == ',' || c == '"') {
        if (n == ModelSpec.MAX_VERTICES) {
          throw new IllegalArgumentException(
              "record cell has more than " + ModelSpec.MAX_VERTICES + " vertices");
        }
        opBuf[n++] = op(start, p - start);
        p++;
        start = p;
        if (c == '"') {
          break;
        }
      } else {
        p++;
      }
    }
    if (adjLen != n * n) {
      throw new IllegalArgumentException(
          "adjacency has " + adjLen + " characters but " + n + " operations need " + (n * n));
    }
    long bits = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        byte c = b[adjStart + i * n + j];
        if (c == '1') {
          if (j <= i) {
            throw new IllegalArgumentException(
                "adjacency is not strictly upper-triangular at [" + i + "][" + j + "]");
          }
          bits |= 1L << (i * ModelSpec.MAX_VERTICES + j);
        } else if (c != '0') {
          throw new IllegalArgumentException(
              "adjacency character '" + (char) c + "' is not 0 or 1");
        }
      }
    }
    int code = n;
    for (int v = 0; v < n; v++) {
      code |= opBuf[v].ordinal() << (3 + 3 * v);
    }
    String problem = RecordColumns.cellProblem(bits, code);
    if (problem != null) {
      throw new IllegalArgumentException("record cell: " + problem);
    }
    out.adjacency[row] = bits;
    out.ops[row] = code;
    expect(',', end);
    expect('"', end);
    int plen = base64(end);
    expect(']', end);
    skipWs(end);
    if (p != end) {
      throw new IllegalArgumentException("trailing bytes after the record's JSON array");
    }
    try {
      metrics(plen, out, row);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "record metrics are not a ModelMetrics message: " + e.getMessage(), e);
    }
  }

  private Op op(int start, int len) {
    for (int k = 0; k < OP_NAMES.length; k++) {
      byte[] name = OP_NAMES[k];
      if (name.length == len && java.util.Arrays.equals(b, start, start + len, name, 0, len)) {
        return Op.values()[k];
      }
    }
    throw new IllegalArgumentException(
        "unknown operation '" + new String(b, start, len, StandardCharsets.UTF_8) + "'");
  }

  /** Decodes base64 up to the closing quote into {@link #proto}; returns the byte count. */
  private int base64(int end) {
    int q = 0;
    int acc = 0;
    int nacc = 0;
    int pad = 0;
    while (true) {
      if (p >= end) {
        throw new IllegalArgumentException("record payload ends inside the metrics");
      }
      int c = b[p++] & 0xFF;
      if (c == '"') {
        break;
      }
      if (c == '\\') {
        int e = p < end ? b[p++] & 0xFF : -1;
        if (e == 'n' || e == 'r') {
          continue;
        }
        if (e != '/') {
          throw new IllegalArgumentException("unexpected escape in the metrics' base64");
        }
        c = '/';
      }
      if (c == '=') {
        pad++;
        continue;
      }
      int v = B64[c];
      if (v < 0 || pad > 0) {
        throw new IllegalArgumentException("metrics are not base64 (character '" + (char) c + "')");
      }
      acc = acc << 6 | v;
      if (++nacc == 4) {
        ensure(q + 3);
        proto[q++] = (byte) (acc >>> 16);
        proto[q++] = (byte) (acc >>> 8);
        proto[q++] = (byte) acc;
        acc = 0;
        nacc = 0;
      }
    }
    ensure(q + 3);
    if (pad > 0 && pad != (4 - nacc) % 4) {
      throw new IllegalArgumentException(
          "metrics base64 has " + pad + " padding characters after " + nacc + " data characters");
    }
    if (nacc == 2) {
      proto[q++] = (byte) (acc >>> 4);
    } else if (nacc == 3) {
      proto[q++] = (byte) (acc >>> 10);
      proto[q++] = (byte) (acc >>> 2);
    } else if (nacc == 1) {
      throw new IllegalArgumentException("metrics base64 has a dangling character");
    }
    return q;
  }

  private void ensure(int n) {
    if (n > proto.length) {
      proto = java.util.Arrays.copyOf(proto, Math.max(n, proto.length * 2));
    }
  }

  private void metrics(int len, RecordColumns out, int row) throws IOException {
    CodedInputStream in = CodedInputStream.newInstance(proto, 0, len);
    int evals = 0;
    double[][] v = out.values;
    for (int c = 0; c < RecordColumns.DOUBLES; c++) {
      v[c][row] = 0.0;
    }
    out.params[row] = 0;
    while (true) {
      int tag = in.readTag();
      if (tag == 0) {
        break;
      }
      switch (tag) {
        case (1 << 3) | WireFormat.WIRETYPE_LENGTH_DELIMITED -> {
          int limit = in.pushLimit(in.readRawVarint32());
          evaluation(in);
          in.popLimit(limit);
          if (evals == 1) {
            for (int k = 0; k < 5; k++) {
              v[RecordColumns.HALF_EPOCH + k][row] = eval[k];
            }
          } else if (evals == 2) {
            for (int k = 0; k < 5; k++) {
              v[RecordColumns.FINAL_EPOCH + k][row] = eval[k];
            }
          }
          evals++;
        }
        case (2 << 3) | WireFormat.WIRETYPE_VARINT -> out.params[row] = in.readInt32();
        case (3 << 3) | WireFormat.WIRETYPE_FIXED64 ->
            v[RecordColumns.TOTAL_TIME][row] = in.readDouble();
        default -> {
          if (!in.skipField(tag)) {
            throw new IOException("unexpected end-group tag " + tag);
          }
        }
      }
    }
    if (evals != 3) {
      throw new IllegalArgumentException(
          "record has " + evals + " evaluations, expected 3 (start, halfway, final)");
    }
    if (out.params[row] < 0) {
      throw new OutOfRangeException(
          "trainable_parameters is " + out.params[row] + ", expected a count >= 0");
    }
    nonNegative("total_time", v[RecordColumns.TOTAL_TIME][row]);
    for (int k = 0; k < 2; k++) {
      int first = k == 0 ? RecordColumns.HALF_EPOCH : RecordColumns.FINAL_EPOCH;
      String where = "evaluation_data[" + (k + 1) + "].";
      nonNegative(where + EVAL_FIELDS[0], v[first][row]);
      nonNegative(where + EVAL_FIELDS[1], v[first + 1][row]);
      for (int a = 2; a < 5; a++) {
        double x = v[first + a][row];
        if (!(x >= 0 && x <= 1)) {
          throw new OutOfRangeException(
              where + EVAL_FIELDS[a] + " is " + x + ", expected a fraction in [0, 1]");
        }
      }
    }
  }

  private static void nonNegative(String field, double x) {
    if (!(x >= 0 && x < Double.POSITIVE_INFINITY)) {
      throw new OutOfRangeException(field + " is " + x + ", expected a finite value >= 0");
    }
  }

  private void evaluation(CodedInputStream in) throws IOException {
    java.util.Arrays.fill(eval, 0.0);
    while (true) {
      int tag = in.readTag();
      if (tag == 0) {
        return;
      }
      int field = WireFormat.getTagFieldNumber(tag);
      if (field >= 1
          && field <= 5
          && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_FIXED64) {
        eval[field - 1] = in.readDouble();
      } else if (!in.skipField(tag)) {
        throw new IOException("unexpected end-group tag " + tag + " in an evaluation");
      }
    }
  }

  private void expect(char c, int end) {
    skipWs(end);
    if (p >= end || b[p] != c) {
      throw new IllegalArgumentException(
          "record payload: expected '" + c + "' at payload byte " + (p - base));
    }
    p++;
    skipWs(end);
  }

  private void skipWs(int end) {
    while (p < end && (b[p] == ' ' || b[p] == '\n' || b[p] == '\t' || b[p] == '\r')) {
      p++;
    }
  }
}
