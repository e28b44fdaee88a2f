package dev.nasrank.harness.train;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a file all-or-nothing: into a temp file in the same folder, then an atomic rename over the target. */
public final class AtomicFiles {

  /** Writes the content of one file. */
  @FunctionalInterface
  public interface Writer {
    /** Writes to {@code out}; do not close it. */
    void write(OutputStream out) throws IOException;
  }

  private AtomicFiles() {}

  /** Writes {@code file} with {@code writer}; on failure the previous file (if any) is left untouched. */
  public static void write(Path file, Writer writer) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(tmp)) {
        writer.write(out);
      }
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
