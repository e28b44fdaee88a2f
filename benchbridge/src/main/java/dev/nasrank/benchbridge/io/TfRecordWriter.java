package dev.nasrank.benchbridge.io;

import dev.nasrank.files.AtomicFiles;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes a TFRecord file atomically: records go to a temporary file beside the target; {@link
 * #close()} flushes, fsyncs and renames it onto the target, {@link #abort()} deletes it, so no
 * half-written file is ever visible.
 */
public final class TfRecordWriter implements Closeable {
  private final Path target;
  private final Path temp;
  private final FileChannel channel;
  private final OutputStream out;
  private final byte[] header = new byte[12];
  private final byte[] footer = new byte[4];
  private long records;
  private boolean done;

  private TfRecordWriter(Path target) throws IOException {
    this.target = target.toAbsolutePath();
    Path dir = this.target.getParent();
    Files.createDirectories(dir);
    this.temp = AtomicFiles.tempBeside(this.target);
    this.channel =
        FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    this.out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 20);
  }

  /** Starts writing {@code target} (through a temporary file in the same folder). */
  public static TfRecordWriter create(Path target) throws IOException {
    return new TfRecordWriter(target);
  }

  /** Appends one record. */
  public void write(byte[] data) throws IOException {
    write(data, 0, data.length);
  }

  /** Appends one record made of {@code len} bytes of {@code data} from {@code off}. */
  public void write(byte[] data, int off, int len) throws IOException {
    if (done) {
      throw new IOException("writer for " + target + " is already closed");
    }
    long l = len;
    for (int i = 0; i < 8; i++) {
      header[i] = (byte) (l >>> (8 * i));
    }
    putIntLe(header, 8, MaskedCrc32c.of(header, 0, 8));
    putIntLe(footer, 0, MaskedCrc32c.of(data, off, len));
    out.write(header);
    out.write(data, off, len);
    out.write(footer);
    records++;
  }

  /** Records written so far. */
  public long records() {
    return records;
  }

  /** The file being written. */
  public Path target() {
    return target;
  }

  /** Flushes, fsyncs and atomically renames the temporary file onto the target. */
  @Override
  public void close() throws IOException {
    if (done) {
      return;
    }
    done = true;
    try {
      out.flush();
      channel.force(true);
      out.close();
      AtomicFiles.moveAtomically(temp, target);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
  }

  /** Discards everything written: deletes the temporary file; the target is left as it was. */
  public void abort() {
    if (done) {
      return;
    }
    done = true;
    try {
      out.close();
    } catch (IOException ignored) {
      // the file is deleted next
    }
    try {
      Files.deleteIfExists(temp);
    } catch (IOException ignored) {
      // nothing more can be done
    }
  }

  private static void putIntLe(byte[] b, int p, int v) {
    b[p] = (byte) v;
    b[p + 1] = (byte) (v >>> 8);
    b[p + 2] = (byte) (v >>> 16);
    b[p + 3] = (byte) (v >>> 24);
  }
}
