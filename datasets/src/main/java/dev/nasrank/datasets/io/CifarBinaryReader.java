package dev.nasrank.datasets.io;

import dev.nasrank.datasets.CifarFormatException;
import dev.nasrank.datasets.CifarImages;
import dev.nasrank.datasets.SourceFile;
import dev.nasrank.files.Checksums;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.List;

/**
 * Reads files in the CIFAR-10 binary version's layout: a whole number of 3,073-byte records, each
 * one label byte (0..9) then 1,024 red, 1,024 green and 1,024 blue bytes (row-major 32x32).
 *
 * <p>The file is streamed once; its SHA-256 (of every byte, also those past {@code maxRecords}) is
 * recorded in the result's {@link SourceFile}.
 */
public final class CifarBinaryReader {

  /** Bytes of one record: label + pixels. */
  public static final int RECORD_BYTES = 1 + CifarImages.IMAGE_BYTES;

  private CifarBinaryReader() {}

  /** Reads every record of a file. */
  public static CifarImages read(Path file) throws IOException {
    return read(file, Integer.MAX_VALUE);
  }

  /**
   * Reads the first {@code maxRecords} records of a file (all of them if it holds fewer).
   *
   * @throws CifarFormatException if the size is not a whole, positive number of records, or a label
   *     is not 0..9
   */
  public static CifarImages read(Path file, int maxRecords) throws IOException {
    int take = Math.min(recordCount(file, Files.size(file)), maxRecords);
    byte[] pixels = new byte[Math.multiplyExact(take, CifarImages.IMAGE_BYTES)];
    byte[] labels = new byte[take];
    SourceFile source = readInto(file, take, pixels, labels, 0);
    return new CifarImages(take, pixels, labels, List.of(source));
  }

  /**
   * Reads the first {@code records} records of a file into {@code pixels} / {@code labels} starting
   * at image {@code firstImage} (so several files fill one array without copies).
   *
   * @return the file's size, SHA-256 (of every byte) and the records taken
   * @throws CifarFormatException if the file is not a whole, positive number of records, holds
   *     fewer than {@code records}, or a label is not 0..9
   */
  public static SourceFile readInto(
      Path file, int records, byte[] pixels, byte[] labels, int firstImage) throws IOException {
    long size = Files.size(file);
    int available = recordCount(file, size);
    if (available < records) {
      throw new CifarFormatException(
          String.format("%s: holds %,d records, %,d needed", file, available, records));
    }
    MessageDigest sha = Checksums.newDigest("SHA-256");
    try (InputStream in =
        new DigestInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16), sha)) {
      for (int i = 0; i < records; i++) {
        int label = in.read();
        if (label < 0 || label >= CifarImages.CLASSES) {
          throw new CifarFormatException(
              file
                  + ": record "
                  + i
                  + " at byte offset "
                  + (long) i * RECORD_BYTES
                  + " has label "
                  + label
                  + ", expected 0..9");
        }
        labels[firstImage + i] = (byte) label;
        int n =
            in.readNBytes(
                pixels, (firstImage + i) * CifarImages.IMAGE_BYTES, CifarImages.IMAGE_BYTES);
        if (n != CifarImages.IMAGE_BYTES) {
          throw new CifarFormatException(
              file
                  + ": truncated at byte offset "
                  + ((long) i * RECORD_BYTES + 1 + n)
                  + " (the file changed while being read?)");
        }
      }
      in.transferTo(OutputStream.nullOutputStream()); // finish the digest over the unread tail
    }
    return new SourceFile(file.toAbsolutePath().toString(), size, Checksums.hex(sha), records);
  }

  /**
   * Number of records in a file of that size.
   *
   * @throws CifarFormatException naming the file and its size if it is not a whole, positive number
   *     of records
   */
  public static int recordCount(Path file, long size) {
    if (size == 0) {
      throw new CifarFormatException(
          String.format(
              "%s: empty file (0 bytes); expected the binary version's layout, "
                  + "a whole number of %,d-byte CIFAR-10 records (1 label byte + 3,072 pixel bytes per image)",
              file, RECORD_BYTES));
    }
    if (size % RECORD_BYTES != 0) {
      throw new CifarFormatException(
          String.format(
              "%s: size %,d bytes is not a whole number of %,d-byte CIFAR-10 records (%,d records + %,d bytes); "
                  + "expected the binary version's layout (1 label byte + 3,072 pixel bytes per image)",
              file, size, RECORD_BYTES, size / RECORD_BYTES, size % RECORD_BYTES));
    }
    long n = size / RECORD_BYTES;
    if (n > Integer.MAX_VALUE / CifarImages.IMAGE_BYTES) {
      throw new CifarFormatException(file + ": " + n + " records are too many for one image set");
    }
    return (int) n;
  }
}
