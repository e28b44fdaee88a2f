package dev.nasrank.benchbridge.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A NAS-Bench-101 file (TFRecord or binary cache) that cannot be read as it is: empty, damaged, or
 * holding values outside their domain. The message always starts with the file; subclasses add the
 * record or the part of the file that is wrong. Every refusal of a damaged file by this module is
 * one of these, never a runtime exception.
 */
public class DamagedFileException extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final String what;

  /**
   * @param file the file being read
   * @param what what is wrong (the message is {@code file + ": " + what})
   */
  public DamagedFileException(Path file, String what) {
    super(file + ": " + what);
    this.file = file;
    this.what = what;
  }

  /** What is wrong, without the file name. */
  public String what() {
    return what;
  }

  /** The file being read. */
  public Path file() {
    return file;
  }
}
