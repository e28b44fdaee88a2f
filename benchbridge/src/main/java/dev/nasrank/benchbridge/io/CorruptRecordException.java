package dev.nasrank.benchbridge.io;

import java.io.IOException;
import java.nio.file.Path;

/** A TFRecord record that fails its length or data checksum, or is cut short; names file, record and offset. */
public final class CorruptRecordException extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final long recordIndex;
  private final long offset;

  /**
   * @param file the file being read
   * @param recordIndex zero-based index of the bad record
   * @param offset byte offset of the bad record's first header byte
   * @param what what is wrong
   */
  public CorruptRecordException(Path file, long recordIndex, long offset, String what) {
    super(file + ": record " + recordIndex + " at byte offset " + offset + ": " + what);
    this.file = file;
    this.recordIndex = recordIndex;
    this.offset = offset;
  }

  /** The file being read. */
  public Path file() {
    return file;
  }

  /** Zero-based index of the bad record. */
  public long recordIndex() {
    return recordIndex;
  }

  /** Byte offset of the bad record's header. */
  public long offset() {
    return offset;
  }
}
