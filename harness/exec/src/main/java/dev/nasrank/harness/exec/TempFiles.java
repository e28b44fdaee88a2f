package dev.nasrank.harness.exec;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Removes the temporary files an atomic write leaves when its process is killed before the rename
 * ({@code .<name>.<random>.tmp}, as {@link dev.nasrank.files.AtomicFiles} and the checkpoint writer
 * name them). Call it only while holding the lock of the folder, so no live writer's file is
 * removed.
 */
public final class TempFiles {
  private TempFiles() {}

  /** True for a name an atomic write gives its temporary file. */
  public static boolean isTemp(String name) {
    return name.startsWith(".") && name.endsWith(".tmp") && name.length() > 5;
  }

  /**
   * Deletes the leftover temporary files directly in {@code dir} (not in subfolders).
   *
   * @return the files deleted (empty when {@code dir} does not exist)
   */
  public static List<Path> removeStale(Path dir) throws IOException {
    List<Path> removed = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return removed;
    }
    try (DirectoryStream<Path> files =
        Files.newDirectoryStream(
            dir, p -> isTemp(p.getFileName().toString()) && Files.isRegularFile(p))) {
      for (Path f : files) {
        Files.deleteIfExists(f);
        removed.add(f);
      }
    }
    return removed;
  }
}
