package dev.nasrank.benchbridge.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.zip.CRC32C;

/**
 * A streaming TFRecord reader: records back to back, each a little-endian uint64 length, the masked
 * CRC32C of those 8 bytes, the data, and the masked CRC32C of the data. Both checksums are
 * verified.
 *
 * <p>The file is read in chunks ({@link #nextBatch()}), so a consumer can hand whole batches of
 * framed, checked records to other threads; {@link #next()} and {@link #iterator()} give one record
 * at a time. No buffer is ever larger than the file: a chunk is capped at the bytes the file has
 * left, and a record's length is trusted for an allocation only once its checksum matches and the
 * file holds that many bytes.
 *
 * <p>By default a bad checksum or a truncated record throws {@link CorruptRecordException} naming
 * the file, the record index, the byte offset and the {@link CorruptRecordException.Kind}. In
 * skip-corrupt mode the damaged record is skipped and framing resumes at the next byte offset whose
 * 8 bytes are a length a record may have (below 2^31) and carry a matching length checksum (a false
 * match has probability 2^-32 per offset); each such skip counts as one skipped record (a damaged
 * stretch longer than one record counts once, as the number of records in it cannot be known) and
 * its bytes as skipped bytes. Record indices after a skip count the skipped stretch as one record.
 * {@link #skippedRecords()}, {@link #skippedByKind()}, {@link #skippedBytes()} and {@link
 * #problems()} report what was skipped.
 */
public final class TfRecordReader implements Closeable, Iterable<byte[]> {

  /** Default chunk size of one read (smaller for a smaller file). */
  public static final int DEFAULT_CHUNK = 8 << 20;

  /** Largest record data a reader accepts (a Java array's limit, less the framing). */
  public static final long MAX_RECORD = Integer.MAX_VALUE - 64;

  private static final int HEADER = 12;
  private static final int FOOTER = 4;
  private static final int MAX_PROBLEMS = 20;

  private final Path file;
  private final FileChannel channel;
  private final boolean skipCorrupt;
  private final int chunkSize;
  private final long fileSize;

  private byte[] carry = new byte[0];
  private int carryLen;
  private long carryOffset;
  private long readPos;
  private long nextIndex;
  private boolean eof;
  private long skippedRecords;
  private long skippedBytes;
  private final Map<CorruptRecordException.Kind, Long> skippedByKind =
      new EnumMap<>(CorruptRecordException.Kind.class);
  private final List<String> problems = new ArrayList<>();
  private final CRC32C crc = new CRC32C();
  private boolean resyncing;
  private long resyncStart;
  private CorruptRecordException pending;

  private Batch current;
  private int currentPos;
  private long lastIndex = -1;
  private long lastOffset = -1;

  private TfRecordReader(Path file, boolean skipCorrupt, int chunkSize) throws IOException {
    this.file = file;
    this.skipCorrupt = skipCorrupt;
    this.chunkSize = chunkSize;
    try {
      this.channel = FileChannel.open(file, StandardOpenOption.READ);
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException(file.toString(), null, "TFRecord file not found");
    }
    this.fileSize = channel.size();
    this.eof = fileSize == 0;
  }

  /** Opens {@code file}; corrupt records throw. */
  public static TfRecordReader open(Path file) throws IOException {
    return new TfRecordReader(file, false, DEFAULT_CHUNK);
  }

  /**
   * Opens {@code file}; with {@code skipCorrupt} corrupt records are counted and skipped instead of
   * thrown.
   */
  public static TfRecordReader open(Path file, boolean skipCorrupt) throws IOException {
    return new TfRecordReader(file, skipCorrupt, DEFAULT_CHUNK);
  }

  /** As {@link #open(Path, boolean)} with a chosen chunk size in bytes (a record may exceed it). */
  public static TfRecordReader open(Path file, boolean skipCorrupt, int chunkSize)
      throws IOException {
    if (chunkSize < 64) {
      throw new IllegalArgumentException("chunk size " + chunkSize + " is too small (min 64)");
    }
    return new TfRecordReader(file, skipCorrupt, chunkSize);
  }

  /** The file being read. */
  public Path file() {
    return file;
  }

  /** Size of the file in bytes. */
  public long fileSize() {
    return fileSize;
  }

  /** Damaged records (or stretches) skipped in skip-corrupt mode. */
  public long skippedRecords() {
    return skippedRecords;
  }

  /** {@link #skippedRecords()} by kind of damage (kinds with none are absent). */
  public Map<CorruptRecordException.Kind, Long> skippedByKind() {
    return Collections.unmodifiableMap(new EnumMap<>(skippedByKind));
  }

  /** Bytes skipped in skip-corrupt mode. */
  public long skippedBytes() {
    return skippedBytes;
  }

  /**
   * Descriptions of the first skipped problems (file, record index, offset, what, bytes skipped).
   */
  public List<String> problems() {
    return Collections.unmodifiableList(problems);
  }

  /**
   * Index (zero-based, counting skipped records) of the record last returned by {@link #next()}.
   */
  public long recordIndex() {
    return lastIndex;
  }

  /** Byte offset of the header of the record last returned by {@link #next()}. */
  public long offset() {
    return lastOffset;
  }

  /**
   * The next record's data, or null at the end of the file.
   *
   * @throws CorruptRecordException on a bad checksum or truncation (unless skipping)
   */
  public byte[] next() throws IOException {
    while (current == null || currentPos >= current.count()) {
      current = nextBatch();
      currentPos = 0;
      if (current == null) {
        return null;
      }
    }
    int i = currentPos++;
    lastIndex = current.index(i);
    lastOffset = current.fileOffset(i);
    byte[] out = new byte[current.length(i)];
    System.arraycopy(current.data(), current.offset(i), out, 0, out.length);
    return out;
  }

  @Override
  public Iterator<byte[]> iterator() {
    return new Iterator<>() {
      private byte[] pending;

      @Override
      public boolean hasNext() {
        if (pending == null) {
          try {
            pending = TfRecordReader.this.next();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
        return pending != null;
      }

      @Override
      public byte[] next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        byte[] r = pending;
        pending = null;
        return r;
      }
    };
  }

  /**
   * Reads the next chunk and frames the whole records in it, checking both checksums. The returned
   * batch owns its array, so it may be handed to another thread.
   *
   * @return the next batch (possibly with zero records if all were skipped), or null at the end of
   *     the file
   */
  public Batch nextBatch() throws IOException {
    if (eof && carryLen == 0) {
      if (resyncing) {
        endResync(fileSize);
      }
      return null;
    }
    int want = (int) Math.min(chunkSize, fileSize - readPos);
    int need = carryLen + want;
    if (carryLen >= HEADER) {
      long total = trustedRecordBytes(carry, 0, carryOffset);
      if (total > need) {
        need =
            (int)
                total; // its length checksum matches and the file holds it: at most the file's size
      }
    }
    byte[] buf = new byte[need];
    System.arraycopy(carry, 0, buf, 0, carryLen);
    long base = carryOffset;
    ByteBuffer bb = ByteBuffer.wrap(buf);
    bb.position(carryLen);
    while (bb.hasRemaining()) {
      int r = channel.read(bb);
      if (r < 0) {
        break;
      }
    }
    int n = bb.position();
    readPos += n - carryLen;
    eof = readPos >= fileSize || bb.hasRemaining();
    Batch batch = new Batch(buf, nextIndex, Math.max(16, Math.min(1024, n / 64)));
    int p = 0;
    while (p < n) {
      int avail = n - p;
      long recOffset = base + p;
      if (resyncing) {
        if (avail < HEADER) {
          if (eof) {
            p = n;
          }
          break;
        }
        // a header candidate: a length a record may have, whose checksum matches
        if ((buf[p + 7] | buf[p + 6] | buf[p + 5] | buf[p + 4]) != 0
            || buf[p + 3] < 0
            || MaskedCrc32c.of(crc, buf, p, 8) != readIntLe(buf, p + 8)) {
          p++;
          continue;
        }
        endResync(recOffset);
      }
      if (avail < HEADER) {
        if (eof) {
          damaged(
              recOffset,
              CorruptRecordException.Kind.TRUNCATED,
              "truncated: "
                  + avail
                  + " bytes left at the end of the file, a record header needs "
                  + HEADER);
          p++;
          continue;
        }
        break;
      }
      long len = readLongLe(buf, p);
      int lenCrc = readIntLe(buf, p + 8);
      int lenComputed = MaskedCrc32c.of(crc, buf, p, 8);
      if (lenComputed != lenCrc) {
        damaged(
            recOffset,
            CorruptRecordException.Kind.LENGTH_CHECKSUM,
            "length checksum mismatch (stored 0x"
                + Integer.toHexString(lenCrc)
                + ", computed 0x"
                + Integer.toHexString(lenComputed)
                + ")");
        p++;
        continue;
      }
      if (len < 0 || len > MAX_RECORD) {
        damaged(
            recOffset,
            CorruptRecordException.Kind.TOO_LONG,
            "record length "
                + Long.toUnsignedString(len)
                + " is beyond the "
                + MAX_RECORD
                + " bytes a record may have");
        p++;
        continue;
      }
      long total = HEADER + len + FOOTER;
      if (total > fileSize - recOffset) {
        damaged(
            recOffset,
            CorruptRecordException.Kind.TRUNCATED,
            "truncated: record of "
                + len
                + " data bytes needs "
                + total
                + " bytes, only "
                + (fileSize - recOffset)
                + " left in the file");
        p++;
        continue;
      }
      if (avail < total) {
        if (eof) { // the file shrank while being read
          damaged(
              recOffset,
              CorruptRecordException.Kind.TRUNCATED,
              "truncated: record of "
                  + len
                  + " data bytes needs "
                  + total
                  + " bytes, only "
                  + avail
                  + " could be read");
          p++;
          continue;
        }
        break;
      }
      int dataOff = p + HEADER;
      int l = (int) len;
      int dataCrc = readIntLe(buf, dataOff + l);
      int computed = MaskedCrc32c.of(crc, buf, dataOff, l);
      if (computed != dataCrc) {
        damaged(
            recOffset,
            CorruptRecordException.Kind.DATA_CHECKSUM,
            "data checksum mismatch (stored 0x"
                + Integer.toHexString(dataCrc)
                + ", computed 0x"
                + Integer.toHexString(computed)
                + ") over "
                + l
                + " data bytes");
        p++;
        continue;
      }
      batch.add(dataOff, l, recOffset, nextIndex++);
      p += (int) total;
    }
    if (eof && p >= n && resyncing) {
      endResync(fileSize);
    }
    carryLen = n - p;
    if (carry.length < carryLen) {
      carry = new byte[Math.max(carryLen, Math.min(1024, need))];
    }
    System.arraycopy(buf, p, carry, 0, carryLen);
    carryOffset = base + p;
    if (batch.count() == 0 && eof && carryLen == 0) {
      return null;
    }
    return batch;
  }

  /**
   * Bytes of the whole record whose header starts at {@code p}, if its length checksum matches and
   * the file holds that many bytes from {@code fileOffset}; -1 otherwise.
   */
  private long trustedRecordBytes(byte[] b, int p, long fileOffset) {
    long len = readLongLe(b, p);
    if (len < 0 || len > MAX_RECORD || HEADER + len + FOOTER > fileSize - fileOffset) {
      return -1;
    }
    return MaskedCrc32c.of(crc, b, p, 8) == readIntLe(b, p + 8) ? HEADER + len + FOOTER : -1;
  }

  /**
   * A damaged record at {@code recOffset}: thrown, or (skipping) the start of a stretch skipped
   * until a header.
   */
  private void damaged(long recOffset, CorruptRecordException.Kind kind, String what)
      throws CorruptRecordException {
    CorruptRecordException e = new CorruptRecordException(file, nextIndex, recOffset, kind, what);
    if (!skipCorrupt) {
      throw e;
    }
    nextIndex++;
    resyncing = true;
    resyncStart = recOffset;
    pending = e;
  }

  private void endResync(long end) {
    long bytes = end - resyncStart;
    skippedRecords++;
    skippedBytes += bytes;
    skippedByKind.merge(pending.kind(), 1L, Long::sum);
    if (problems.size() < MAX_PROBLEMS) {
      problems.add(
          pending.getMessage()
              + "; skipped "
              + bytes
              + " bytes up to "
              + (end >= fileSize
                  ? "the end of the file"
                  : "the next record header at byte offset " + end));
    }
    resyncing = false;
    pending = null;
  }

  static long readLongLe(byte[] b, int p) {
    return (readIntLe(b, p) & 0xFFFFFFFFL) | ((long) readIntLe(b, p + 4) << 32);
  }

  static int readIntLe(byte[] b, int p) {
    return (b[p] & 0xFF)
        | (b[p + 1] & 0xFF) << 8
        | (b[p + 2] & 0xFF) << 16
        | (b[p + 3] & 0xFF) << 24;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  /**
   * Whole, checked records framed in one chunk: offsets into {@link #data()}, file offsets and
   * indices.
   */
  public static final class Batch {
    private final byte[] data;
    private final long firstIndex;
    private int count;
    private int[] off;
    private int[] len;
    private long[] fileOff;
    private long[] index;

    Batch(byte[] data, long firstIndex, int capacity) {
      this.data = data;
      this.firstIndex = firstIndex;
      off = new int[capacity];
      len = new int[capacity];
      fileOff = new long[capacity];
      index = new long[capacity];
    }

    void add(int o, int l, long fo, long idx) {
      if (count == off.length) {
        int c = count * 2;
        off = java.util.Arrays.copyOf(off, c);
        len = java.util.Arrays.copyOf(len, c);
        fileOff = java.util.Arrays.copyOf(fileOff, c);
        index = java.util.Arrays.copyOf(index, c);
      }
      off[count] = o;
      len[count] = l;
      fileOff[count] = fo;
      index[count] = idx;
      count++;
    }

    /** The chunk the records lie in. */
    public byte[] data() {
      return data;
    }

    /** Number of good records in this batch. */
    public int count() {
      return count;
    }

    /** Start of record {@code i}'s data in {@link #data()}. */
    public int offset(int i) {
      return off[i];
    }

    /** Length of record {@code i}'s data. */
    public int length(int i) {
      return len[i];
    }

    /** Byte offset in the file of record {@code i}'s header. */
    public long fileOffset(int i) {
      return fileOff[i];
    }

    /** Index in the file of record {@code i} (skipped records are counted). */
    public long index(int i) {
      return index[i];
    }

    /** Index of the first record framed from this chunk. */
    public long firstIndex() {
      return firstIndex;
    }
  }
}
