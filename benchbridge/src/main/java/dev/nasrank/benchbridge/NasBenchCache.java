package dev.nasrank.benchbridge;

import dev.nasrank.benchbridge.io.DamagedFileException;
import dev.nasrank.benchbridge.io.LoadReport;
import dev.nasrank.benchbridge.io.NasbenchLoader;
import dev.nasrank.benchbridge.io.RecordColumns;
import dev.nasrank.files.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

/**
 * A compact binary image of a {@link NasBench}: the primitive columns written back to back
 * (little-endian), so loading is a few bulk copies instead of parsing the TFRecord.
 *
 * <p>Layout (version {@value #VERSION}): magic {@code NB101CCH}, int version, 32-byte SHA-256 of
 * the source TFRecord, long source size, int name length + UTF-8 name, int cells C, int budgets E,
 * int records R, then int[E] budgets, long[C] hash high, long[C] hash low, long[C] adjacency,
 * int[C] packed ops, int[C] trainable parameters, int[C*E+1] group starts, eleven double[R]
 * columns, and last the CRC32C of every byte before it.
 *
 * <p>Loading refuses, with a {@link CorruptCacheException} naming the file and how to rebuild it, a
 * cache of another format or version, one whose size differs from what its header implies, one
 * whose content checksum does not match (any damage of up to 32 consecutive bits is always caught,
 * other damage with probability 1 - 2^-32), and one whose structure is impossible (unsorted hashes,
 * a cell that is not a pruned cell, record ranges out of order, values outside their domain).
 * {@link #loadFor} also refuses a cache whose recorded source size or SHA-256 differs from the
 * given source, and {@link #loadOrFallback} reads the source TFRecord instead of a refused cache
 * when the caller allows it.
 */
public final class NasBenchCache {
  /** Format version written and read by this build (1 had no content checksum). */
  public static final int VERSION = 2;

  private static final byte[] MAGIC = "NB101CCH".getBytes(StandardCharsets.US_ASCII);
  private static final int FIXED_HEADER = 8 + 4 + 32 + 8 + 4;
  private static final int TRAILER = 4;

  /** Caches up to this size are read into memory; larger ones are mapped. */
  private static final long READ_LIMIT = 64L << 20;

  /** The largest cache (one mapping). The full NAS-Bench-101 file's cache is about 0.5 GB. */
  private static final long MAX_SIZE = Integer.MAX_VALUE - 8;

  private NasBenchCache() {}

  /**
   * The identity recorded in a cache header.
   *
   * @param version format version
   * @param sourceSha256 SHA-256 of the TFRecord the cache was built from
   * @param sourceSize size in bytes of that TFRecord
   * @param name file name of that TFRecord
   * @param cells number of cells
   * @param budgets number of epoch budgets
   * @param records number of records (runs)
   * @param dataStart byte offset of the first column
   */
  public record Header(
      int version,
      String sourceSha256,
      long sourceSize,
      String name,
      int cells,
      int budgets,
      int records,
      long dataStart) {}

  /** True if {@code file} starts with the cache magic. */
  public static boolean isCache(Path file) throws IOException {
    NasBench.requireRegularFile(file);
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
   * Writes {@code nb} as a cache of {@code source} to {@code target} atomically (temp file +
   * rename).
   *
   * @param source the TFRecord {@code nb} was read from (its SHA-256 and size are recorded)
   */
  public static void write(NasBench nb, Path source, Path target) throws IOException {
    String sha = sha256(source);
    long size = Files.size(source);
    byte[] name = nb.name().getBytes(StandardCharsets.UTF_8);
    int c = nb.size();
    int e = nb.rawEpochs().length;
    int r = nb.records();
    long total = expectedSize(name.length, c, e, r);
    if (total > MAX_SIZE) {
      throw new IOException(
          "cannot cache "
              + source
              + ": the cache would be "
              + total
              + " bytes, more than the "
              + MAX_SIZE
              + " a cache may have");
    }
    Path abs = target.toAbsolutePath();
    Files.createDirectories(abs.getParent());
    Path tmp = AtomicFiles.tempBeside(abs);
    try (FileChannel ch =
        FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
      CRC32C crc = new CRC32C();
      ByteBuffer h =
          ByteBuffer.allocate(FIXED_HEADER + name.length + 12).order(ByteOrder.LITTLE_ENDIAN);
      h.put(MAGIC)
          .putInt(VERSION)
          .put(HexFormat.of().parseHex(sha))
          .putLong(size)
          .putInt(name.length)
          .put(name)
          .putInt(c)
          .putInt(e)
          .putInt(r);
      writeFully(ch, h.flip(), crc);
      writeInts(ch, nb.rawEpochs(), crc);
      writeLongs(ch, nb.rawHi(), crc);
      writeLongs(ch, nb.rawLo(), crc);
      writeLongs(ch, nb.rawAdjacency(), crc);
      writeInts(ch, nb.rawOps(), crc);
      writeInts(ch, nb.rawParams(), crc);
      writeInts(ch, nb.rawGroupStart(), crc);
      for (double[] col : nb.rawValues()) {
        ByteBuffer b = ByteBuffer.allocate(col.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.asDoubleBuffer().put(col);
        writeFully(ch, b, crc);
      }
      ByteBuffer t =
          ByteBuffer.allocate(TRAILER).order(ByteOrder.LITTLE_ENDIAN).putInt((int) crc.getValue());
      writeFully(ch, t.flip(), null);
      ch.force(true);
    } catch (IOException | RuntimeException ex) {
      Files.deleteIfExists(tmp);
      throw ex;
    }
    AtomicFiles.moveAtomically(tmp, abs);
  }

  private static void writeInts(FileChannel ch, int[] a, CRC32C crc) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(a.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    b.asIntBuffer().put(a);
    writeFully(ch, b, crc);
  }

  private static void writeLongs(FileChannel ch, long[] a, CRC32C crc) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(a.length * 8).order(ByteOrder.LITTLE_ENDIAN);
    b.asLongBuffer().put(a);
    writeFully(ch, b, crc);
  }

  private static void writeFully(FileChannel ch, ByteBuffer b, CRC32C crc) throws IOException {
    if (crc != null) {
      crc.update(b.duplicate());
    }
    while (b.hasRemaining()) {
      ch.write(b);
    }
  }

  private static long expectedSize(int nameLen, long c, long e, long r) {
    return FIXED_HEADER
        + nameLen
        + 12L
        + 4L * e
        + 8L * 3 * c
        + 4L * 2 * c
        + 4L * (c * e + 1)
        + 8L * RecordColumns.DOUBLES * r
        + TRAILER;
  }

  /**
   * Reads a cache's header (not its content: {@link #load} checks that).
   *
   * @throws CorruptCacheException if the file is not a cache of this format version or its size
   *     differs from what the header implies, naming the file and the problem
   */
  public static Header header(Path cache) throws IOException {
    NasBench.requireRegularFile(cache);
    try (FileChannel ch = FileChannel.open(cache, StandardOpenOption.READ)) {
      long size = ch.size();
      ByteBuffer b = ByteBuffer.allocate((int) Math.min(size, FIXED_HEADER + 4096 + 12));
      while (b.hasRemaining() && ch.read(b) >= 0) {
        // fill
      }
      return header(cache, b.flip().order(ByteOrder.LITTLE_ENDIAN), size);
    }
  }

  private static Header header(Path cache, ByteBuffer h, long size) throws CorruptCacheException {
    byte[] magic = new byte[MAGIC.length];
    if (h.remaining() < MAGIC.length || !Arrays.equals(get(h, magic), MAGIC)) {
      throw new CorruptCacheException(
          cache, "not a NAS-Bench-101 cache of this project (bad magic)");
    }
    if (h.remaining() < FIXED_HEADER - MAGIC.length) {
      throw new CorruptCacheException(
          cache, "truncated cache header (" + size + " bytes)" + REBUILD);
    }
    int version = h.getInt();
    if (version != VERSION) {
      throw new CorruptCacheException(
          cache,
          "cache of format version "
              + version
              + ", this build reads version "
              + VERSION
              + (version < VERSION
                  ? " (it adds a content checksum)"
                  : " (or the header is damaged)")
              + REBUILD);
    }
    String sha = HexFormat.of().formatHex(get(h, new byte[32]));
    long sourceSize = h.getLong();
    int nameLen = h.getInt();
    if (nameLen < 0 || nameLen > 4096) {
      throw new CorruptCacheException(
          cache, "damaged cache header (source name length " + nameLen + ")" + REBUILD);
    }
    if (h.remaining() < nameLen + 12) {
      throw new CorruptCacheException(
          cache, "truncated cache header (" + size + " bytes)" + REBUILD);
    }
    byte[] nameBytes = get(h, new byte[nameLen]);
    String name = new String(nameBytes, StandardCharsets.UTF_8);
    int c = h.getInt();
    int e = h.getInt();
    int r = h.getInt();
    long dataStart = FIXED_HEADER + nameLen + 12L;
    if (c < 0 || e < 0 || r < 0) {
      throw new CorruptCacheException(
          cache,
          "damaged cache header (cells " + c + ", budgets " + e + ", records " + r + ")" + REBUILD);
    }
    long expected = expectedSize(nameLen, c, e, r);
    if (size != expected) {
      throw new CorruptCacheException(
          cache,
          "cache is truncated or damaged (size "
              + size
              + " bytes, its header "
              + "implies "
              + expected
              + ")"
              + REBUILD);
    }
    return new Header(version, sha, sourceSize, name, c, e, r, dataStart);
  }

  private static final String REBUILD =
      "; rebuild it from its TFRecord with `harness nasbench cache TFRECORD " + "--out CACHE`";

  private static byte[] get(ByteBuffer b, byte[] dst) {
    b.get(dst);
    return dst;
  }

  /**
   * Loads a cache without checking it against a source file: header, size, content checksum and
   * structure are verified first.
   *
   * @throws CorruptCacheException naming the file if anything is wrong
   */
  public static NasBench load(Path cache) throws IOException {
    NasBench.requireRegularFile(cache);
    ByteBuffer all;
    try (FileChannel ch = FileChannel.open(cache, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size > MAX_SIZE) {
        throw new CorruptCacheException(
            cache,
            "file of " + size + " bytes is larger than any cache (max " + MAX_SIZE + ")" + REBUILD);
      }
      if (size <= READ_LIMIT) {
        all = ByteBuffer.allocate((int) size);
        while (all.hasRemaining() && ch.read(all) >= 0) {
          // fill
        }
        if (all.hasRemaining()) {
          throw new CorruptCacheException(cache, "file shrank while being read");
        }
        all.flip();
      } else {
        all = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
      }
    }
    all.order(ByteOrder.LITTLE_ENDIAN);
    int size = all.limit();
    Header h = header(cache, all.duplicate().order(ByteOrder.LITTLE_ENDIAN), size);
    CRC32C crc = new CRC32C();
    crc.update(all.duplicate().limit(size - TRAILER));
    int stored = all.getInt(size - TRAILER);
    if (stored != (int) crc.getValue()) {
      throw new CorruptCacheException(
          cache,
          "damaged cache: content checksum mismatch (stored 0x"
              + Integer.toHexString(stored)
              + ", computed 0x"
              + Integer.toHexString((int) crc.getValue())
              + ")"
              + REBUILD);
    }
    int c = h.cells();
    int e = h.budgets();
    int pos = (int) h.dataStart();
    int[] epochs = new int[e];
    pos = ints(all, pos, epochs);
    long[] hi = new long[c];
    pos = longs(all, pos, hi);
    long[] lo = new long[c];
    pos = longs(all, pos, lo);
    long[] adj = new long[c];
    pos = longs(all, pos, adj);
    int[] ops = new int[c];
    pos = ints(all, pos, ops);
    int[] params = new int[c];
    pos = ints(all, pos, params);
    int[] start = new int[c * e + 1];
    pos = ints(all, pos, start);
    double[][] values = new double[RecordColumns.DOUBLES][h.records()];
    for (double[] col : values) {
      all.slice(pos, 8 * col.length).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(col);
      pos += 8 * col.length;
    }
    String problem = structureProblem(hi, lo, adj, ops, params, epochs, start, values, h.records());
    if (problem != null) {
      throw new CorruptCacheException(cache, "damaged cache: " + problem + REBUILD);
    }
    return new NasBench(
        h.name(), hi, lo, adj, ops, params, epochs, start, values, LoadReport.clean(h.records()));
  }

  /** What makes the columns impossible for a {@link NasBench}, or null. */
  private static String structureProblem(
      long[] hi,
      long[] lo,
      long[] adj,
      int[] ops,
      int[] params,
      int[] epochs,
      int[] start,
      double[][] values,
      int records) {
    int c = hi.length;
    int e = epochs.length;
    if (c == 0 || e == 0 || records == 0) {
      return "no records (cells " + c + ", budgets " + e + ", records " + records + ")";
    }
    for (int k = 0; k < e; k++) {
      if (epochs[k] < 1 || (k > 0 && epochs[k] <= epochs[k - 1])) {
        return "epoch budgets "
            + Arrays.toString(epochs)
            + " are not positive and strictly ascending";
      }
    }
    for (int i = 0; i < c; i++) {
      if (i > 0 && HashKey.compare(hi[i - 1], lo[i - 1], hi[i], lo[i]) >= 0) {
        return "module hashes are not strictly ascending at cell "
            + i
            + " ("
            + HashKey.format(hi[i], lo[i])
            + ")";
      }
      String cell = RecordColumns.cellProblem(adj[i], ops[i]);
      if (cell != null) {
        return "cell " + i + " (" + HashKey.format(hi[i], lo[i]) + "): " + cell;
      }
      if (params[i] < 0) {
        return "cell "
            + i
            + " ("
            + HashKey.format(hi[i], lo[i])
            + "): trainable_parameters "
            + params[i]
            + " is negative";
      }
    }
    if (start[0] != 0 || start[c * e] != records) {
      return "record ranges cover " + start[0] + ".." + start[c * e] + ", expected 0.." + records;
    }
    for (int i = 0; i < c; i++) {
      int runs = 0;
      for (int k = 0; k < e; k++) {
        int g = i * e + k;
        if (start[g + 1] < start[g]) {
          return "record range of cell "
              + i
              + " at "
              + epochs[k]
              + " epochs runs backwards ("
              + start[g]
              + ".."
              + start[g + 1]
              + ")";
        }
        runs += start[g + 1] - start[g];
      }
      if (runs == 0) {
        return "cell " + i + " (" + HashKey.format(hi[i], lo[i]) + ") has no records";
      }
    }
    for (int col = 0; col < RecordColumns.DOUBLES; col++) {
      double[] v = values[col];
      for (int row = 0; row < v.length; row++) {
        String p = RecordColumns.valueProblem(col, v[row]);
        if (p != null) {
          return "record " + row + ": " + p;
        }
      }
    }
    return null;
  }

  /**
   * Loads a cache after checking that it was built from {@code source} (same size and SHA-256).
   *
   * @throws CorruptCacheException naming the cache if it is damaged
   * @throws DamagedFileException naming both files if the cache is stale or foreign
   */
  public static NasBench loadFor(Path cache, Path source) throws IOException {
    NasBench nb = load(cache);
    Header h = header(cache);
    long size = Files.size(source);
    if (size != h.sourceSize() || !sha256(source).equals(h.sourceSha256())) {
      throw new DamagedFileException(
          cache,
          "stale cache: it was built from a file of "
              + h.sourceSize()
              + " bytes with SHA-256 "
              + h.sourceSha256()
              + ", but "
              + source
              + " differs; rebuild it with "
              + "`harness nasbench cache`");
    }
    return nb;
  }

  /**
   * Loads a cache; if it is refused (damaged, truncated, another version) and {@code
   * allowFallback}, loads instead the TFRecord it was built from: the file of the recorded source
   * name in the cache's folder, used only if its size and SHA-256 equal the ones the cache header
   * records. What happened is said through {@code warnings}.
   *
   * @param options how to load the TFRecord
   * @throws CorruptCacheException the cache's refusal, when fallback is not allowed or finds no
   *     matching source
   */
  public static NasBench loadOrFallback(
      Path cache, NasbenchLoader.Options options, boolean allowFallback, Consumer<String> warnings)
      throws IOException {
    try {
      return load(cache);
    } catch (CorruptCacheException refused) {
      if (!allowFallback) {
        throw refused;
      }
      Path source = fallbackSource(cache);
      if (source == null) {
        throw new CorruptCacheException(
            cache,
            refused.what()
                + "; no fallback: no file beside it has the size and SHA-256 of the TFRecord its header names");
      }
      warnings.accept(refused.getMessage());
      warnings.accept("falling back to " + source + " (size and SHA-256 match the cache's source)");
      return NasBench.fromLoaded(NasbenchLoader.load(source, options));
    }
  }

  /**
   * The TFRecord the (possibly damaged) cache header names, beside the cache, if size and SHA-256
   * match.
   */
  private static Path fallbackSource(Path cache) throws IOException {
    ByteBuffer h;
    try (FileChannel ch = FileChannel.open(cache, StandardOpenOption.READ)) {
      h = ByteBuffer.allocate((int) Math.min(ch.size(), FIXED_HEADER + 4096));
      while (h.hasRemaining() && ch.read(h) >= 0) {
        // fill
      }
    }
    h.flip().order(ByteOrder.LITTLE_ENDIAN);
    if (h.remaining() < FIXED_HEADER) {
      return null;
    }
    h.position(MAGIC.length + 4);
    String sha = HexFormat.of().formatHex(get(h, new byte[32]));
    long size = h.getLong();
    int nameLen = h.getInt();
    if (nameLen <= 0 || nameLen > h.remaining()) {
      return null;
    }
    String name = new String(get(h, new byte[nameLen]), StandardCharsets.UTF_8);
    Path dir = cache.toAbsolutePath().getParent();
    Path source;
    try {
      source = dir.resolve(name);
    } catch (java.nio.file.InvalidPathException e) {
      return null;
    }
    if (!source.getParent().equals(dir)
        || !Files.isRegularFile(source)
        || Files.size(source) != size
        || NasBenchCache.isCache(source)
        || !sha256(source).equals(sha)) {
      return null;
    }
    return source;
  }

  private static int ints(ByteBuffer all, int pos, int[] a) {
    all.slice(pos, 4 * a.length).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(a);
    return pos + 4 * a.length;
  }

  private static int longs(ByteBuffer all, int pos, long[] a) {
    all.slice(pos, 8 * a.length).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(a);
    return pos + 8 * a.length;
  }
}
