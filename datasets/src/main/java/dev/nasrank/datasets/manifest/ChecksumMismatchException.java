package dev.nasrank.datasets.manifest;

/**
 * Downloaded or extracted bytes do not match the manifest; the message gives expected and actual
 * values.
 */
public final class ChecksumMismatchException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ChecksumMismatchException(String message) {
    super(message);
  }
}
