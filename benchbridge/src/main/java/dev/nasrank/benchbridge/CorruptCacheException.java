package dev.nasrank.benchbridge;

import dev.nasrank.benchbridge.io.DamagedFileException;
import java.nio.file.Path;

/**
 * A {@link NasBenchCache} that cannot be used: damaged (its content checksum or its structure is
 * wrong), truncated, or of another format version. The message names the file, what is wrong and
 * how to rebuild it.
 */
public final class CorruptCacheException extends DamagedFileException {
  private static final long serialVersionUID = 1L;

  /**
   * @param cache the cache file
   * @param what what is wrong
   */
  public CorruptCacheException(Path cache, String what) {
    super(cache, what);
  }
}
