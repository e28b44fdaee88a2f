package dev.nasrank.benchbridge.io;

import java.nio.file.Path;
import java.util.Locale;

/**
 * A TFRecord record that fails its length or data checksum, is cut short, cannot be decoded, holds
 * a value outside its domain, or contradicts another record; names file, record and byte offset,
 * and says what {@link Kind} of damage it is (skip-corrupt mode counts skipped records per kind).
 */
public final class CorruptRecordException extends DamagedFileException {
  private static final long serialVersionUID = 1L;

  /** What is wrong with a record; skip-corrupt mode counts skipped records per kind. */
  public enum Kind {
    /** The masked CRC32C of the 8 length bytes does not match: the record cannot be framed. */
    LENGTH_CHECKSUM,
    /** The record claims more bytes than the file has left, or its header is cut off. */
    TRUNCATED,
    /** The record claims more than the 2 GiB a record may have. */
    TOO_LONG,
    /** The masked CRC32C of the data does not match. */
    DATA_CHECKSUM,
    /**
     * The payload is not {@code [hash, epochs, adjacency, operations, metrics]} or its cell is not
     * a pruned cell.
     */
    MALFORMED,
    /**
     * A value is outside its domain: an accuracy outside [0, 1], a NaN or infinite value, a
     * negative count or time.
     */
    OUT_OF_RANGE,
    /**
     * The record's cell or trainable parameters differ from an earlier record of the same module
     * hash.
     */
    INCONSISTENT,
    /** The record is identical to an earlier record of the same (hash, epochs). */
    DUPLICATE;

    /** Lowercase words, e.g. {@code data checksum}. */
    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
  }

  private final long recordIndex;
  private final long offset;
  private final Kind kind;

  /**
   * @param file the file being read
   * @param recordIndex zero-based index of the bad record
   * @param offset byte offset of the bad record's first header byte
   * @param kind what kind of damage
   * @param what what is wrong, naming the field and value where there is one
   */
  public CorruptRecordException(Path file, long recordIndex, long offset, Kind kind, String what) {
    super(file, "record " + recordIndex + " at byte offset " + offset + ": " + what);
    this.recordIndex = recordIndex;
    this.offset = offset;
    this.kind = kind;
  }

  /** Zero-based index of the bad record. */
  public long recordIndex() {
    return recordIndex;
  }

  /** Byte offset of the bad record's header. */
  public long offset() {
    return offset;
  }

  /** What kind of damage. */
  public Kind kind() {
    return kind;
  }
}
