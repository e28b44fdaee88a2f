package dev.nasrank.benchbridge.io;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A streaming TFRecord reader: records back to back, each a little-endian uint64 length, the masked CRC32C of
 * those 8 bytes, the data, and the masked CRC32C of the data. Both checksums are verified.
 *
 * <p>The file is read in large chunks ({@link #nextBatch()}), so a consumer can hand whole batches of framed,
 * checked records to other threads; {@link #next()} and {@link #iterator()} give one record at a time.
 *
 * <p>By default a bad checksum or a truncated record throws {@link CorruptRecordException} naming the file, the
 * record index and the byte offset. In skip-corrupt mode a record whose data checksum fails is skipped and
 * counted; a bad length checksum or a truncated tail cannot be framed past, so the rest of the file is counted
 * as skipped bytes and reading stops. {@link #skippedRecords()}, {@link #skippedBytes()} and
 * {@link #problems()} report what was skipped.
 */
public final class TfRecordReader implements Closeable, Iterable<byte[]> {

  /** Default chunk size of one read. */
  public static final int DEFAULT_CHUNK = 8 << 20;
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
  private long nextIndex;
  private boolean eof;
  private boolean stopped;
  private long skippedRecords;
  private long skippedBytes;
  private final List<String> problems = new ArrayList<>();

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
  }

  /** Opens {@code file}; corrupt records throw. */
  public static TfRecordReader open(Path file) throws IOException {
    return new TfRecordReader(file, false, DEFAULT_CHUNK);
  }

  /** Opens {@code file}; with {@code skipCorrupt} corrupt records are counted and skipped instead of thrown. */
  public static TfRecordReader open(Path file, boolean skipCorrupt) throws IOException {
    return new TfRecordReader(file, skipCorrupt, DEFAULT_CHUNK);
  }

  /** As {@link #open(Path, boolean)} with a chosen chunk size in bytes (a record may exceed it). */
  public static TfRecordReader open(Path file, boolean skipCorrupt, int chunkSize) throws IOException {
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

  /** Records skipped in skip-corrupt mode (a truncated or unframeable tail counts as one). */
  public long skippedRecords() {
    return skippedRecords;
  }

  /** Bytes skipped in skip-corrupt mode. */
  public long skippedBytes() {
    return skippedBytes;
  }

  /** Descriptions of the first skipped problems (file, record index, offset, what). */
  public List<String> problems() {
    return Collections.unmodifiableList(problems);
  }

  /** Index (zero-based, counting skipped records) of the record last returned by {@link #next()}. */
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
   * Reads the next chunk and frames the whole records in it, checking both checksums. The returned batch owns
   * its array, so it may be handed to another thread.
   *
   * @return the next batch (possibly with zero records if all were skipped), or null at the end of the file
   */
  public Batch nextBatch() throws IOException {
    if (stopped || (eof && carryLen == 0)) {
      return null;
    }
    int need = carryLen + chunkSize;
    if (carryLen >= HEADER) {
      long l = readLongLe(carry, 0);
      if (l >= 0 && l < Integer.MAX_VALUE - 64) {
        need = (int) Math.max(need, Math.min((long) Integer.MAX_VALUE - 8, HEADER + l + FOOTER));
      }
    }
    byte[] buf = new byte[need];
    System.arraycopy(carry, 0, buf, 0, carryLen);
    long base = carryOffset;
    int n = carryLen;
    ByteBuffer bb = ByteBuffer.wrap(buf);
    bb.position(n);
    while (bb.hasRemaining()) {
      int r = channel.read(bb);
      if (r < 0) {
        eof = true;
        break;
      }
    }
    n = bb.position();
    Batch batch = new Batch(buf, nextIndex);
    int p = 0;
    while (true) {
      int avail = n - p;
      if (avail == 0) {
        break;
      }
      long recOffset = base + p;
      if (avail < HEADER) {
        if (eof) {
          fail(recOffset, "truncated: " + avail + " bytes left, a record header needs " + HEADER, fileSize - recOffset);
          p = n;
          stopped = true;
        }
        break;
      }
      long len = readLongLe(buf, p);
      int lenCrc = readIntLe(buf, p + 8);
      if (MaskedCrc32c.of(buf, p, 8) != lenCrc) {
        fail(recOffset, "length checksum mismatch (stored 0x" + Integer.toHexString(lenCrc) + ", computed 0x"
            + Integer.toHexString(MaskedCrc32c.of(buf, p, 8)) + ")", fileSize - recOffset);
        p = n;
        stopped = true;
        break;
      }
      if (len < 0 || len > Integer.MAX_VALUE - 64) {
        fail(recOffset, "record length " + Long.toUnsignedString(len) + " is beyond the 2 GiB a record may have",
            fileSize - recOffset);
        p = n;
        stopped = true;
        break;
      }
      long total = HEADER + len + FOOTER;
      if (avail < total) {
        if (eof) {
          fail(recOffset, "truncated: record of " + len + " data bytes needs " + total + " bytes, only " + avail
              + " left", fileSize - recOffset);
          p = n;
          stopped = true;
        }
        break;
      }
      int dataOff = p + HEADER;
      int l = (int) len;
      int dataCrc = readIntLe(buf, dataOff + l);
      int computed = MaskedCrc32c.of(buf, dataOff, l);
      if (computed != dataCrc) {
        fail(recOffset, "data checksum mismatch (stored 0x" + Integer.toHexString(dataCrc) + ", computed 0x"
            + Integer.toHexString(computed) + ") over " + l + " data bytes", total);
        nextIndex++;
      } else {
        batch.add(dataOff, l, recOffset, nextIndex++);
      }
      p += (int) total;
    }
    carryLen = n - p;
    if (carry.length < carryLen) {
      carry = new byte[Math.max(carryLen, 1024)];
    }
    System.arraycopy(buf, p, carry, 0, carryLen);
    carryOffset = base + p;
    if (batch.count() == 0 && (stopped || (eof && carryLen == 0))) {
      return null;
    }
    return batch;
  }

  private void fail(long recOffset, String what, long bytes) throws CorruptRecordException {
    CorruptRecordException e = new CorruptRecordException(file, nextIndex, recOffset, what);
    if (!skipCorrupt) {
      throw e;
    }
    skippedRecords++;
    skippedBytes += bytes;
    if (problems.size() < MAX_PROBLEMS) {
      problems.add(e.getMessage());
    }
  }

  static long readLongLe(byte[] b, int p) {
    return (readIntLe(b, p) & 0xFFFFFFFFL) | ((long) readIntLe(b, p + 4) << 32);
  }

  static int readIntLe(byte[] b, int p) {
    return (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8 | (b[p + 2] & 0xFF) << 16 | (b[p + 3] & 0xFF) << 24;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  /** Whole, checked records framed in one chunk: offsets into {@link #data()}, file offsets and indices. */
  public static final class Batch {
    private final byte[] data;
    private final long firstIndex;
    private int count;
    private int[] off = new int[1024];
    private int[] len = new int[1024];
    private long[] fileOff = new long[1024];
    private long[] index = new long[1024];

    Batch(byte[] data, long firstIndex) {
      this.data = data;
      this.firstIndex = firstIndex;
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
