package dev.nasrank.harness.exec;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An exclusive OS lock ({@code fcntl}, through {@link FileChannel#tryLock()}) on a lock file, so
 * that two processes (on one machine, or on several over a shared file system that supports POSIX
 * locks: NFSv4, NFSv3 with lockd, Lustre mounted with {@code flock}) never work on the same thing
 * at once. The operating system releases the lock when its process ends in any way, {@code kill -9}
 * included, so a killed worker never leaves a stale lock. The holder writes {@code pid <pid> on
 * <host> since <time>} into the file for the messages of the others; the file itself stays
 * (deleting a lock file would let a second process lock a new file of the same name).
 */
public final class WorkLock implements AutoCloseable {

  /**
   * Lock files this JVM holds: closing another channel on the same file would release an fcntl
   * lock.
   */
  private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;

  private WorkLock(Path file, FileChannel channel, FileLock lock) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock if nobody holds it.
   *
   * @param file the lock file (created with its folder if missing)
   * @return the held lock, or empty when another process or this JVM already holds it
   * @throws IOException if the file cannot be created or opened
   */
  public static Optional<WorkLock> tryAcquire(Path file) throws IOException {
    Path key = file.toAbsolutePath().normalize();
    if (!HELD.add(key)) {
      return Optional.empty();
    }
    FileChannel ch = null;
    try {
      Files.createDirectories(key.getParent());
      ch =
          FileChannel.open(
              key, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock l = ch.tryLock();
      if (l == null) {
        ch.close();
        HELD.remove(key);
        return Optional.empty();
      }
      byte[] who = holderLine().getBytes(StandardCharsets.UTF_8);
      ch.truncate(0);
      ch.write(ByteBuffer.wrap(who), 0);
      ch.force(false);
      return Optional.of(new WorkLock(key, ch, l));
    } catch (IOException | RuntimeException e) {
      if (ch != null) {
        ch.close();
      }
      HELD.remove(key);
      throw e;
    }
  }

  /**
   * Who holds the lock now.
   *
   * @return the holder's line ({@code pid 123 on host since ...}), "this process" when this JVM
   *     holds it, or empty when nobody holds it (or the file does not exist)
   */
  public static Optional<String> holder(Path file) throws IOException {
    Path key = file.toAbsolutePath().normalize();
    if (HELD.contains(key)) {
      return Optional.of("this process (pid " + ProcessHandle.current().pid() + ")");
    }
    try (FileChannel ch =
        FileChannel.open(key, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      FileLock l = ch.tryLock();
      if (l != null) {
        l.release();
        return Optional.empty();
      }
      String text = Files.readString(key, StandardCharsets.UTF_8).strip();
      return Optional.of(text.isEmpty() ? "another process" : text);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (OverlappingFileLockException e) {
      return Optional.of("this process (pid " + ProcessHandle.current().pid() + ")");
    }
  }

  /** The lock file. */
  public Path file() {
    return file;
  }

  /** Releases the lock (the file stays). */
  @Override
  public void close() throws IOException {
    try {
      if (lock.isValid()) {
        lock.release();
      }
      channel.close();
    } finally {
      HELD.remove(file);
    }
  }

  private static String holderLine() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      host = "unknown host";
    }
    return "pid "
        + ProcessHandle.current().pid()
        + " on "
        + host
        + " since "
        + Instant.now().truncatedTo(ChronoUnit.SECONDS)
        + "\n";
  }
}
