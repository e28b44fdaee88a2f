package dev.nasrank.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The build's one implementation of message digests (lowercase hex): of bytes, of files (streamed,
 * never loading a whole file) and of folders.
 */
public final class Checksums {

  private Checksums() {}

  /** Lowercase hex SHA-256 of a file. */
  public static String sha256(Path file) throws IOException {
    return digest(file, "SHA-256");
  }

  /** Lowercase hex MD5 of a file. */
  public static String md5(Path file) throws IOException {
    return digest(file, "MD5");
  }

  /** Lowercase hex SHA-256 of bytes. */
  public static String sha256Hex(byte[] bytes) {
    return HexFormat.of().formatHex(newDigest("SHA-256").digest(bytes));
  }

  /**
   * SHA-256 of a file's bytes, streamed; for a folder, the SHA-256 of the lines {@code <relative
   * path> <file digest>} of all its regular files in sorted path order (so renaming or changing any
   * file changes it).
   *
   * @throws IllegalArgumentException if the path does not exist
   * @throws UncheckedIOException if it cannot be read
   */
  public static String sha256Tree(Path path) {
    try {
      if (Files.isDirectory(path)) {
        StringBuilder lines = new StringBuilder();
        List<Path> files;
        try (Stream<Path> s = Files.walk(path)) {
          files = s.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
          lines
              .append(path.relativize(f).toString().replace('\\', '/'))
              .append(' ')
              .append(sha256(f))
              .append('\n');
        }
        return sha256Hex(lines.toString().getBytes(StandardCharsets.UTF_8));
      }
      return sha256(path);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("missing file " + path, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
    }
  }

  /** A new digest of a standard algorithm ("SHA-256", "MD5"). */
  public static MessageDigest newDigest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM lacks the standard digest " + algorithm, e);
    }
  }

  /** Lowercase hex of a finished digest. */
  public static String hex(MessageDigest digest) {
    return HexFormat.of().formatHex(digest.digest());
  }

  private static String digest(Path file, String algorithm) throws IOException {
    MessageDigest md = newDigest(algorithm);
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        md.update(buffer, 0, n);
      }
    }
    return hex(md);
  }
}
