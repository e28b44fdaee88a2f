package dev.nasrank.harness.manifest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** SHA-256 digests (lowercase hex) of bytes, files (streamed) and folders. */
public final class Sha256 {
  private Sha256() {}

  /** Digest of bytes. */
  public static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(digest().digest(bytes));
  }

  /**
   * Digest of a file's bytes, streamed; for a folder, the digest of the lines {@code <relative
   * path> <file digest>} of all its regular files in sorted path order (so renaming or changing any
   * file changes it).
   */
  public static String of(Path path) {
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
              .append(of(f))
              .append('\n');
        }
        return hex(lines.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
      MessageDigest md = digest();
      try (InputStream in = Files.newInputStream(path)) {
        byte[] buf = new byte[1 << 16];
        for (int n; (n = in.read(buf)) > 0; ) {
          md.update(buf, 0, n);
        }
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("missing file " + path, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
    }
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }
}
