package dev.nasrank.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir Path tmp;

  @Test
  void replacesContentLeavesNoTempFileAndIsWorldReadable() throws Exception {
    Path f = tmp.resolve("sub/out.txt");
    AtomicFiles.writeString(f, "first");
    AtomicFiles.writeString(f, "second");
    assertEquals("second", Files.readString(f));
    try (Stream<Path> s = Files.list(f.getParent())) {
      assertEquals(1, s.count());
    }
    if (f.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
    }
  }

  @Test
  void failureNamesTheTargetAndKeepsTheOldFile() throws Exception {
    Path dir = tmp.resolve("d");
    Files.createDirectories(
        dir.resolve("x.txt")); // a folder where the file should go: rename fails
    Files.writeString(dir.resolve("keep.txt"), "old");
    UncheckedIOException e =
        assertThrows(
            UncheckedIOException.class, () -> AtomicFiles.writeString(dir.resolve("x.txt"), "new"));
    assertTrue(e.getMessage().contains("x.txt"), e.getMessage());
    try (Stream<Path> s = Files.list(dir)) {
      assertTrue(
          s.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "temp file left behind");
    }
  }
}
