package dev.nasrank.harness.cli;

import com.sun.jna.Library;
import dev.nasrank.harness.exec.Glibc;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The process settings every command runs with unless the user set them: one torch intra-op and one
 * inter-op thread (bit-reproducible results, docs/suite.md), passive OpenMP waiting, DJL offline,
 * and glibc malloc tuned so that the large, short-lived tensors of evaluation are not returned to
 * the kernel and faulted in again on every batch (docs/performance.md). Applied once by {@link
 * Main#main} before DJL loads the engine; what was applied is mirrored in system properties {@code
 * nasrank.env.NAME} so run.json can record it.
 */
final class RuntimeDefaults {

  /** Set to {@code default} to keep glibc's own malloc thresholds. */
  static final String MALLOC_SWITCH = "NASRANK_MALLOC";

  /** glibc mallopt parameters (malloc.h). */
  private static final int M_TRIM_THRESHOLD = -1;

  private static final int M_TOP_PAD = -2;
  private static final int M_MMAP_THRESHOLD = -3;

  /**
   * Allocations below 32 MiB (glibc's largest allowed threshold) come from the heap, not from fresh
   * mmaps.
   */
  static final int MMAP_THRESHOLD = 32 << 20;

  /**
   * Free heap memory is kept, up to 2 GiB (mallopt takes an int), rather than trimmed back to the
   * kernel.
   */
  static final int TRIM_THRESHOLD = Integer.MAX_VALUE;

  /** The heap grows 256 MiB at a time. */
  static final int TOP_PAD = 256 << 20;

  /** The C library functions used. */
  interface LibC extends Library {
    int mallopt(int param, int value);

    int setenv(String name, String value, int overwrite);
  }

  private RuntimeDefaults() {}

  /** Applies the defaults the user has not overridden; returns a line per setting applied. */
  static List<String> apply() {
    List<String> applied = new ArrayList<>();
    defaultProperty("ai.djl.pytorch.num_threads", "1", applied);
    defaultProperty("ai.djl.pytorch.num_interop_threads", "1", applied);
    defaultProperty("ai.djl.offline", "true", applied);
    LibC c = Glibc.load(LibC.class);
    if (c == null) {
      return applied;
    }
    if (System.getenv("OMP_WAIT_POLICY") == null
        && c.setenv("OMP_WAIT_POLICY", "PASSIVE", 0) == 0) {
      System.setProperty("nasrank.env.OMP_WAIT_POLICY", "PASSIVE");
      applied.add("OMP_WAIT_POLICY=PASSIVE");
    }
    boolean keep =
        "default".equalsIgnoreCase(System.getenv(MALLOC_SWITCH))
            || System.getenv("GLIBC_TUNABLES") != null;
    if (!keep
        && c.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD) == 1
        && c.mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD) == 1
        && c.mallopt(M_TOP_PAD, TOP_PAD) == 1) {
      String v =
          String.format(
              Locale.ROOT,
              "mallopt mmap_threshold=%d trim_threshold=%d top_pad=%d",
              MMAP_THRESHOLD,
              TRIM_THRESHOLD,
              TOP_PAD);
      System.setProperty("nasrank.env.malloc", v);
      applied.add(v);
    }
    return applied;
  }

  private static void defaultProperty(String key, String value, List<String> applied) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
      applied.add(key + "=" + value);
    }
  }
}
