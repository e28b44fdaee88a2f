package dev.nasrank.benchbridge.io;

import java.util.zip.CRC32C;

/**
 * The masked CRC32C (Castagnoli) that TFRecord framing stores: {@code rotateRight(crc, 15) +
 * 0xA282EAD8}.
 */
public final class MaskedCrc32c {
  private static final int MASK_DELTA = 0xA282EAD8;

  private MaskedCrc32c() {}

  /** Masked CRC32C of {@code len} bytes of {@code b} from {@code off}. */
  public static int of(byte[] b, int off, int len) {
    CRC32C crc = new CRC32C();
    crc.update(b, off, len);
    return mask((int) crc.getValue());
  }

  /**
   * As {@link #of(byte[], int, int)}, reusing {@code crc} (reset first) instead of allocating one.
   */
  public static int of(CRC32C crc, byte[] b, int off, int len) {
    crc.reset();
    crc.update(b, off, len);
    return mask((int) crc.getValue());
  }

  /** Masks a raw CRC32C value. */
  public static int mask(int crc) {
    return Integer.rotateRight(crc, 15) + MASK_DELTA;
  }
}
