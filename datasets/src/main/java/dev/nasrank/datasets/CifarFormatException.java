package dev.nasrank.datasets;

/**
 * A CIFAR-10 file whose bytes do not follow the expected format; the message names the file and
 * offset.
 */
public final class CifarFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CifarFormatException(String message) {
    super(message);
  }

  public CifarFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
