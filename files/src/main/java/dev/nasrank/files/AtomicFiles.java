package dev.nasrank.files;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Pattern;

/**
 * Writes files atomically: the bytes go to a temporary file in the target's own folder, which is
 * then renamed over the target, so a reader never sees a half-written file and a failure leaves the
 * old file (or none). The temporary file is forced to disk before the rename, so a crash cannot
 * leave a renamed but empty file.
 *
 * <p>A process killed during a write leaves its temporary file ({@code .<name>.<digits>.tmp} beside
 * the target); {@link #removeStaleTemps} removes those of one target, for a writer to call when it
 * starts. It must only be called by the one process that writes that target (a run folder has one
 * writer).
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Writes the bytes of a file, streamed (for files too large to hold in memory). */
  @FunctionalInterface
  public interface Content {
    /** Writes the content to {@code out} (buffered; do not close it). */
    void writeTo(OutputStream out) throws IOException;
  }

  /** Writes {@code bytes} to {@code target} atomically, creating the parent folder when needed. */
  public static void write(Path target, byte[] bytes) {
    try {
      write(target, out -> out.write(bytes));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write " + target.toAbsolutePath() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Writes what {@code content} writes to {@code target} atomically, streamed, creating the parent
   * folder when needed.
   *
   * @throws IOException if writing fails (the old target, if any, is left as it was and no temp
   *     file remains)
   */
  public static void write(Path target, Content content) throws IOException {
    Path abs = target.toAbsolutePath();
    Path tmp = null;
    try {
      tmp = tempBeside(abs);
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
        content.writeTo(out);
        out.flush();
        ch.force(true); // the bytes are on disk before the rename makes them visible
      }
      moveAtomically(tmp, abs);
      tmp = null;
    } finally {
      deleteQuietly(tmp);
    }
  }

  /**
   * Creates an empty temporary file ({@code .<name>.<digits>.tmp}) in the folder of {@code target},
   * creating the folder when needed, readable by all like an ordinary new file ({@code rw-r--r--}
   * where the file system has POSIX permissions). For writers that fill the file themselves and
   * then call {@link #commit}.
   */
  public static Path tempBeside(Path target) throws IOException {
    Path abs = target.toAbsolutePath();
    Files.createDirectories(abs.getParent());
    Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName() + ".", ".tmp");
    if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      // createTempFile makes owner-only files; a report is meant to be read by others (rw-r--r--)
      Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
    }
    return tmp;
  }

  /**
   * Forces {@code tmp} (a file from {@link #tempBeside}) to disk and renames it onto {@code
   * target}; on failure {@code tmp} is deleted and the old target, if any, is left as it was.
   */
  public static void commit(Path tmp, Path target) throws IOException {
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ch.force(true);
      }
      moveAtomically(tmp, target.toAbsolutePath());
    } catch (IOException | RuntimeException e) {
      deleteQuietly(tmp);
      throw e;
    }
  }

  /**
   * Renames {@code from} onto {@code to} atomically, or with a plain replacing rename where the
   * file system does not support {@code ATOMIC_MOVE}. Does not force anything to disk: see {@link
   * #commit}.
   */
  public static void moveAtomically(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void deleteQuietly(Path tmp) {
    if (tmp != null) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // the original failure is the one worth reporting
      }
    }
  }

  /** Writes {@code text} as UTF-8 to {@code target} atomically. */
  public static void writeString(Path target, String text) {
    write(target, text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * What {@link #removeStaleTemps} removed.
   *
   * @param files temporary files removed
   * @param bytes their total size
   */
  public record Removed(int files, long bytes) {}

  /**
   * Removes the temporary files that interrupted {@link #write}s of {@code target} left beside it
   * ({@code .<name>.<digits>.tmp}); other files are left alone. Call only from the process that
   * writes {@code target}, before it writes.
   */
  public static Removed removeStaleTemps(Path target) throws IOException {
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    if (!Files.isDirectory(dir)) {
      return new Removed(0, 0);
    }
    Pattern temp =
        Pattern.compile("\\." + Pattern.quote(abs.getFileName().toString()) + "\\.[0-9]+\\.tmp");
    int files = 0;
    long bytes = 0;
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path p : entries) {
        if (temp.matcher(p.getFileName().toString()).matches() && Files.isRegularFile(p)) {
          try {
            long size = Files.size(p);
            Files.delete(p);
            files++;
            bytes += size;
          } catch (NoSuchFileException gone) {
            // removed meanwhile
          }
        }
      }
    }
    return new Removed(files, bytes);
  }
}
