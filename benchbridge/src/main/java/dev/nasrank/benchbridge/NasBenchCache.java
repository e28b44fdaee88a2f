package dev.nasrank.benchbridge;

import dev.nasrank.benchbridge.io.RecordColumns;
import dev.nasrank.benchbridge.io.TfRecordWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A compact binary image of a {@link NasBench}: the primitive columns written back to back (little-endian), so
 * loading is a few bulk copies from a memory-mapped file instead of parsing the TFRecord.
 *
 * <p>Layout (version {@value #VERSION}): magic {@code NB101CCH}, int version, 32-byte SHA-256 of the source
 * TFRecord, long source size, int name length + UTF-8 name, int cells C, int budgets E, int records R, then
 * int[E] budgets, long[C] hash high, long[C] hash low, long[C] adjacency, int[C] packed ops, int[C] trainable
 * parameters, int[C*E+1] group starts, and eleven double[R] columns. A cache of another format, a truncated one,
 * or one whose recorded SHA-256 differs from its source ({@link #loadFor}) is refused with a message saying so.
 */
public final class NasBenchCache {
  /** Format version written and read by this build. */
  public static final int VERSION = 1;
  private static final byte[] MAGIC = "NB101CCH".getBytes(StandardCharsets.US_ASCII);

  private NasBenchCache() {
  }

  /** The identity recorded in a cache header. */
  public record Header(int version, String sourceSha256, long sourceSize, String name, int cells, int budgets,
      int records, long dataStart) {
  }

  /** True if {@code file} starts with the cache magic. */
  public static boolean isCache(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new java.nio.file.NoSuchFileException(file.toString(), null, "no such NAS-Bench-101 file");
    }
    return NasBench.startsWith(file, MAGIC);
  }

  /** Hex SHA-256 of a file, streamed. */
  public static String sha256(Path file) throws IOException {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    byte[] buf = new byte[1 << 20];
    try (InputStream in = Files.newInputStream(file)) {
      int r;
      while ((r = in.read(buf)) > 0) {
        md.update(buf, 0, r);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  /**
   * Writes {@code nb} as a cache of {@code source} to {@code target} atomically (temp file + rename).
   *
   * @param source the TFRecord {@code nb} was read from (its SHA-256 and size are recorded)
   */
  public static void write(NasBench nb, Path source, Path target) throws IOException {
    String sha = sha256(source);
    long size = Files.size(source);
    Path abs = target.toAbsolutePath();
    Files.createDirectories(abs.getParent());
    Path tmp = TfRecordWriter.tempBeside(abs);
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
      byte[] name = nb.name().getBytes(StandardCharsets.UTF_8);
      int c = nb.size();
      int e = nb.rawEpochs().length;
      int r = nb.records();
      ByteBuffer h = ByteBuffer.allocate(8 + 4 + 32 + 8 + 4 + name.length + 12).order(ByteOrder.LITTLE_ENDIAN);
      h.put(MAGIC).putInt(VERSION).put(HexFormat.of().parseHex(sha)).putLong(size).putInt(name.length).put(name)
          .putInt(c).putInt(e).putInt(r);
      writeFully(ch, h.flip());
      writeInts(ch, nb.rawEpochs());
      writeLongs(ch, nb.rawHi());
      writeLongs(ch, nb.rawLo());
      writeLongs(ch, nb.rawAdjacency());
      writeInts(ch, nb.rawOps());
      writeInts(ch, nb.rawParams());
      writeInts(ch, nb.rawGroupStart());
      for (double[] col : nb.rawValues()) {
        ByteBuffer b = ByteBuffer.allocate(col.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.asDoubleBuffer().put(col);
        writeFully(ch, b);
      }
      ch.force(true);
    } catch (IOException | RuntimeException ex) {
      Files.deleteIfExists(tmp);
      throw ex;
    }
    TfRecordWriter.moveAtomically(tmp, abs);
  }

  private static void writeInts(FileChannel ch, int[] a) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(a.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    b.asIntBuffer().put(a);
    writeFully(ch, b);
  }

  private static void writeLongs(FileChannel ch, long[] a) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(a.length * 8).order(ByteOrder.LITTLE_ENDIAN);
    b.asLongBuffer().put(a);
    writeFully(ch, b);
  }

  private static void writeFully(FileChannel ch, ByteBuffer b) throws IOException {
    while (b.hasRemaining()) {
      ch.write(b);
    }
  }

  /**
   * Reads a cache's header.
   *
   * @throws IOException if the file is not a cache of this format version, naming the file and the problem
   */
  public static Header header(Path cache) throws IOException {
    try (FileChannel ch = FileChannel.open(cache, StandardOpenOption.READ)) {
      return header(cache, ch);
    }
  }

  private static Header header(Path cache, FileChannel ch) throws IOException {
    ByteBuffer h = ByteBuffer.allocate(56).order(ByteOrder.LITTLE_ENDIAN);
    ch.read(h, 0);
    h.flip();
    byte[] magic = new byte[8];
    if (h.remaining() < 56 || !Arrays.equals(get(h, magic), MAGIC)) {
      throw new IOException(cache + " is not a NAS-Bench-101 cache of this project (bad magic)");
    }
    int version = h.getInt();
    if (version != VERSION) {
      throw new IOException(cache + " is a cache of format version " + version + ", this build reads version "
          + VERSION + "; rebuild it with `harness nasbench cache`");
    }
    String sha = HexFormat.of().formatHex(get(h, new byte[32]));
    long size = h.getLong();
    int nameLen = h.getInt();
    if (nameLen < 0 || nameLen > 4096) {
      throw new IOException(cache + ": corrupt cache header (name length " + nameLen + ")");
    }
    ByteBuffer rest = ByteBuffer.allocate(nameLen + 12).order(ByteOrder.LITTLE_ENDIAN);
    ch.read(rest, 56);
    rest.flip();
    if (rest.remaining() < nameLen + 12) {
      throw new IOException(cache + ": truncated cache header");
    }
    String name = new String(get(rest, new byte[nameLen]), StandardCharsets.UTF_8);
    int c = rest.getInt();
    int e = rest.getInt();
    int r = rest.getInt();
    long dataStart = 56L + nameLen + 12;
    long expected = dataStart + 4L * e + 8L * 3 * c + 4L * 2 * c + 4L * ((long) c * e + 1)
        + 8L * RecordColumns.DOUBLES * r;
    if (c < 0 || e < 0 || r < 0 || ch.size() != expected) {
      throw new IOException(cache + ": cache is truncated or corrupt (size " + ch.size() + " bytes, header says "
          + expected + ")");
    }
    return new Header(version, sha, size, name, c, e, r, dataStart);
  }

  private static byte[] get(ByteBuffer b, byte[] dst) {
    b.get(dst);
    return dst;
  }

  /** Loads a cache without checking it against a source file. */
  public static NasBench load(Path cache) throws IOException {
    try (FileChannel ch = FileChannel.open(cache, StandardOpenOption.READ)) {
      Header h = header(cache, ch);
      long pos = h.dataStart();
      int c = h.cells();
      int e = h.budgets();
      int[] epochs = new int[e];
      pos = ints(ch, pos, epochs);
      long[] hi = new long[c];
      pos = longs(ch, pos, hi);
      long[] lo = new long[c];
      pos = longs(ch, pos, lo);
      long[] adj = new long[c];
      pos = longs(ch, pos, adj);
      int[] ops = new int[c];
      pos = ints(ch, pos, ops);
      int[] params = new int[c];
      pos = ints(ch, pos, params);
      int[] start = new int[c * e + 1];
      pos = ints(ch, pos, start);
      double[][] values = new double[RecordColumns.DOUBLES][h.records()];
      for (double[] col : values) {
        MappedByteBuffer m = ch.map(FileChannel.MapMode.READ_ONLY, pos, 8L * col.length);
        m.order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(col);
        pos += 8L * col.length;
      }
      if (start[c * e] != h.records()) {
        throw new IOException(cache + ": corrupt cache (group table covers " + start[c * e] + " records, header says "
            + h.records() + ")");
      }
      return new NasBench(h.name(), hi, lo, adj, ops, params, epochs, start, values);
    }
  }

  /**
   * Loads a cache after checking that it was built from {@code source} (same size and SHA-256).
   *
   * @throws IOException naming both files if the cache is stale or foreign
   */
  public static NasBench loadFor(Path cache, Path source) throws IOException {
    Header h = header(cache);
    long size = Files.size(source);
    if (size != h.sourceSize() || !sha256(source).equals(h.sourceSha256())) {
      throw new IOException(cache + " is stale: it was built from a file of " + h.sourceSize()
          + " bytes with SHA-256 " + h.sourceSha256() + ", but " + source + " differs; rebuild it with "
          + "`harness nasbench cache`");
    }
    return load(cache);
  }

  private static long ints(FileChannel ch, long pos, int[] a) throws IOException {
    if (a.length > 0) {
      ch.map(FileChannel.MapMode.READ_ONLY, pos, 4L * a.length).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(a);
    }
    return pos + 4L * a.length;
  }

  private static long longs(FileChannel ch, long pos, long[] a) throws IOException {
    if (a.length > 0) {
      ch.map(FileChannel.MapMode.READ_ONLY, pos, 8L * a.length).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer()
          .get(a);
    }
    return pos + 8L * a.length;
  }
}
