package dev.nasrank.datasets;

/**
 * A dataset file that should exist under the data root does not; the message says where and how to
 * get it.
 */
public final class MissingDataException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MissingDataException(String message) {
    super(message);
  }
}
