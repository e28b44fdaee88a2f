package dev.nasrank.datasets.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Streaming message digests of files (never loads a whole file). */
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
